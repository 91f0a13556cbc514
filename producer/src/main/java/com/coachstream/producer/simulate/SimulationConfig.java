package com.coachstream.producer.simulate;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * What to simulate and how fast to play it. The history covers {@code days} of event time ending at
 * {@code end}; {@code maxEvents} and {@code maxWallTime} stop a run early.
 *
 * <p>Example, the demo: {@code SimulationConfig.builder().agents(40).teams(4).days(35).end(Instant.now())
 * .pacing(Pacing.compressedTo(Duration.ofSeconds(40))).build()}.
 */
public record SimulationConfig(
    long seed,
    int agents,
    int teams,
    Instant end,
    int days,
    double slipFraction,
    double qaShare,
    double calibrationShare,
    double duplicateShare,
    double correctionShare,
    double retractionShare,
    long maxEvents,
    Duration maxWallTime,
    Pacing pacing,
    CoachingPlan coaching) {

  public SimulationConfig {
    require(agents >= 1, "agents must be >= 1, was " + agents);
    require(teams >= 1 && teams <= agents, "teams must be between 1 and the number of agents, was " + teams);
    require(days >= 1, "days must be >= 1, was " + days);
    require(slipFraction >= 0 && slipFraction <= 1, "slip fraction must be between 0 and 1, was " + slipFraction);
    for (double share : new double[] {qaShare, calibrationShare, duplicateShare, correctionShare, retractionShare}) {
      require(share >= 0 && share <= 1, "shares must be between 0 and 1, was " + share);
    }
    require(maxEvents > 0, "max events must be > 0, was " + maxEvents);
    require(end != null && pacing != null, "end and pacing are required");
  }

  /** First instant of the history. */
  public Instant start() {
    return end.minus(Duration.ofDays(days));
  }

  public static Builder builder() {
    return new Builder();
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  /** Defaults: 50 agents in 5 teams, 35 days ending now, 20 % slip, 4 % of interactions QA-evaluated. */
  public static final class Builder {
    private long seed = 42;
    private int agents = 50;
    private int teams = 5;
    private Instant end = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private int days = 35;
    private double slipFraction = 0.2;
    private double qaShare = 0.04;
    private double calibrationShare = 0.05;
    private double duplicateShare = 0.01;
    private double correctionShare = 0.05;
    private double retractionShare = 0.02;
    private long maxEvents = Long.MAX_VALUE;
    private Duration maxWallTime;
    private Pacing pacing = Pacing.asFastAsPossible();
    private CoachingPlan coaching;

    public Builder seed(long v) { seed = v; return this; }
    public Builder agents(int v) { agents = v; return this; }
    public Builder teams(int v) { teams = v; return this; }
    public Builder end(Instant v) { end = v; return this; }
    public Builder days(int v) { days = v; return this; }
    public Builder slipFraction(double v) { slipFraction = v; return this; }
    /** Share of interactions a reviewer evaluates. */
    public Builder qaShare(double v) { qaShare = v; return this; }
    /** Share of reviewed interactions that also get a calibration session. */
    public Builder calibrationShare(double v) { calibrationShare = v; return this; }
    /** Share of events the source system sends twice. */
    public Builder duplicateShare(double v) { duplicateShare = v; return this; }
    /** Share of evaluations corrected later (same id, changed scores). */
    public Builder correctionShare(double v) { correctionShare = v; return this; }
    /** Share of evaluations retracted after a dispute. */
    public Builder retractionShare(double v) { retractionShare = v; return this; }
    public Builder maxEvents(long v) { maxEvents = v; return this; }
    public Builder maxWallTime(Duration v) { maxWallTime = v; return this; }
    public Builder pacing(Pacing v) { pacing = v; return this; }
    /** Supervisors coach agents with a known effect while the season drifts (null, the default: no coaching). */
    public Builder coaching(CoachingPlan v) { coaching = v; return this; }

    public SimulationConfig build() {
      return new SimulationConfig(seed, agents, teams, end, days, slipFraction, qaShare, calibrationShare,
          duplicateShare, correctionShare, retractionShare, maxEvents, maxWallTime, pacing, coaching);
    }
  }
}
