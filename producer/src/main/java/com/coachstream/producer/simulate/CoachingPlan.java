package com.coachstream.producer.simulate;

import com.coachstream.avro.SkillCategory;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Supervisors who hold coaching sessions, with a known truth: in each team the {@code coachedShare} of the
 * agents with the lowest SOFT level (whom a supervisor would pick, and who leave room for a lift below 100)
 * among those with no planned slip (whose change would mix the slip in) are coached in SOFT skills, one a day from the day after the first {@code effectWindow} of
 * the history, at 06:00 UTC (before any shift starts, so the session's whole day comes after it). Every
 * other coached agent improves by {@code lift} points from the session on, the others by nothing. The whole
 * contact center drifts with the season by {@code seasonDrift} points per {@code effectWindow}, so a
 * before/after comparison alone would credit coaching with the season.
 *
 * @param coachedShare share of each team's agents coached (0: no sessions, the plan only drifts)
 * @param lift         true effect of a session that works
 * @param seasonDrift  points every agent gains per effect window (linear in time, zero mid-history)
 * @param effectWindow the streams processor's {@code effect.window}
 */
public record CoachingPlan(double coachedShare, double lift, double seasonDrift, Duration effectWindow) {

  public CoachingPlan {
    if (coachedShare < 0 || coachedShare > 1) {
      throw new IllegalArgumentException("coached share must be between 0 and 1, was " + coachedShare);
    }
    if (effectWindow.isNegative() || effectWindow.isZero()) {
      throw new IllegalArgumentException("effect window must be positive, was " + effectWindow);
    }
  }

  /** The plan the demo and the tests use: 40 % coached, +8 when it works, the season +5 per 14 days. */
  public static CoachingPlan standard() {
    return new CoachingPlan(0.4, 8, 5, Duration.ofDays(14));
  }

  /** One planned session and its true effect. */
  public record Session(String sessionId, SimulatedAgent agent, SkillCategory category, Instant at, double trueLift) { }

  /** The sessions of a contact center, deterministic for the config. */
  List<Session> sessions(SimulationConfig config, List<SimulatedAgent> agents, List<Team> teams) {
    List<Session> sessions = new ArrayList<>();
    Instant first = config.start().truncatedTo(ChronoUnit.DAYS).plus(effectWindow).plus(Duration.ofDays(1))
        .plus(Duration.ofHours(6));
    for (Team team : teams) {
      List<SimulatedAgent> members = agents.stream().filter(a -> a.team().equals(team)).toList();
      List<SimulatedAgent> candidates = members.stream().filter(SimulatedAgent::steady)
          .sorted(java.util.Comparator.comparingDouble(SimulatedAgent::softLevel).thenComparing(SimulatedAgent::index))
          .toList();
      int coached = (int) Math.round(members.size() * coachedShare);
      for (int i = 0; i < Math.min(coached, candidates.size()); i++) {
        SimulatedAgent agent = candidates.get(i);
        sessions.add(new Session(String.format("coach-%d-%04d", config.seed(), agent.index() + 1), agent,
            SkillCategory.SOFT, first.plus(Duration.ofDays(i % 3)), i % 2 == 0 ? lift : 0));
      }
    }
    return sessions;
  }

  /**
   * How far the agent's true level in the category is from its planned level at {@code time}: the season's
   * drift and the lift of a session that worked.
   */
  double adjustment(SimulationConfig config, List<Session> sessions, SimulatedAgent agent, SkillCategory category,
      Instant time) {
    Instant middle = config.start().plus(Duration.between(config.start(), config.end()).dividedBy(2));
    double drift = seasonDrift * Duration.between(middle, time).toMillis() / (double) effectWindow.toMillis();
    double lifted = 0;
    for (Session session : sessions) {
      if (session.agent().index() == agent.index() && session.category() == category && !time.isBefore(session.at())) {
        lifted += session.trueLift();
      }
    }
    return drift + lifted;
  }
}
