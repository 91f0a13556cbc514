package com.coachstream.producer.simulate;

import com.coachstream.avro.EvaluationPurpose;
import com.coachstream.avro.InteractionEvent;
import com.coachstream.avro.QaEvaluation;
import com.coachstream.producer.simulate.EventFactory.Evaluator;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.apache.avro.specific.SpecificRecord;

/**
 * The simulated history as one stream in event-time order (so each agent's events are in order too): the
 * roster first, then day by day the interactions of every agent on shift, the evaluations that follow them
 * hours later, calibration sessions, re-sends, corrections and retractions. Deterministic for a config.
 *
 * <p>Generation runs one day ahead of emission: a day's events go into a queue ordered by time, and
 * everything before the next midnight leaves it once the day is generated. Nothing later than the
 * history's end is emitted (an evaluation not yet done "now" does not exist yet).
 */
public final class EventGenerator {

  /** Relative traffic per hour of an 8-hour shift: a morning peak, a lunch dip, an afternoon peak. */
  private static final double[] SHIFT_PROFILE = {0.8, 1.2, 1.3, 1.0, 0.5, 1.1, 1.2, 0.9};
  private static final double PROFILE_SUM = java.util.Arrays.stream(SHIFT_PROFILE).sum();

  private final SimulationConfig config;
  private final ContactCenter center;
  private final SplittableRandom random;
  private final EventFactory factory;
  private final PriorityQueue<Scheduled> queue = new PriorityQueue<>();
  private final Deque<SimulatedEvent> ready = new ArrayDeque<>();
  private Instant day;
  private long sequence;
  private long scheduled;

  public EventGenerator(SimulationConfig config, ContactCenter center) {
    this.config = config;
    this.center = center;
    this.random = new SplittableRandom(config.seed() * 31 + 7);
    this.factory = new EventFactory(config.seed(), random, center);
    this.day = config.start().truncatedTo(ChronoUnit.DAYS);
    center.roster().forEach(profile -> ready.add(new SimulatedEvent(profile, config.start())));
  }

  /** The next event in event-time order, or null when the history is complete. */
  public SimulatedEvent next() {
    while (ready.isEmpty() && !day.isAfter(config.end())) {
      generateDay(day);
      day = day.plus(Duration.ofDays(1));
      Instant releaseBefore = day.isAfter(config.end()) ? config.end().plusMillis(1) : day;
      while (!queue.isEmpty() && queue.peek().time.isBefore(releaseBefore)) {
        Scheduled next = queue.poll();
        ready.add(new SimulatedEvent(next.event, next.time));
      }
    }
    return ready.poll();
  }

  private void generateDay(Instant dayStart) {
    for (CoachingPlan.Session session : center.sessions()) {
      if (!session.at().isBefore(dayStart) && session.at().isBefore(dayStart.plus(Duration.ofDays(1)))
          && !session.at().isAfter(config.end())) {
        schedule(SupervisorActions.coached(session), session.at());
      }
    }
    DayOfWeek weekday = dayStart.atZone(ZoneOffset.UTC).getDayOfWeek();
    boolean weekend = weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY;
    for (SimulatedAgent agent : center.agents()) {
      if (random.nextDouble() >= (weekend ? 0.25 : 0.95)) {
        continue; // day off
      }
      int contacts = (int) Math.round(agent.dailyVolume() * (0.8 + random.nextDouble() * 0.4));
      List<Instant> ends = new ArrayList<>(contacts);
      Instant shiftStart = dayStart.plus(Duration.ofHours(agent.shiftStartHour()));
      for (int i = 0; i < contacts; i++) {
        ends.add(shiftStart.plusSeconds(randomShiftSecond()));
      }
      ends.sort(null);
      for (Instant endedAt : ends) {
        if (!endedAt.isBefore(config.start()) && !endedAt.isAfter(config.end())) {
          interaction(agent, endedAt);
        }
      }
    }
  }

  private void interaction(SimulatedAgent agent, Instant endedAt) {
    InteractionEvent interaction = factory.interaction(agent, endedAt, ++sequence);
    schedule(interaction, endedAt);
    maybeResend(interaction, endedAt);
    if (random.nextDouble() < config.qaShare()) {
      Instant evaluatedAt = endedAt.plus(Duration.ofMinutes(120 + random.nextInt(28 * 60)));
      Evaluator reviewer = pick(factory.evaluators());
      QaEvaluation evaluation = factory.evaluation(agent, interaction, evaluatedAt, reviewer,
          EvaluationPurpose.STANDARD, String.format("qa-%d-%04d-%06d", config.seed(), agent.index() + 1, sequence));
      schedule(evaluation, evaluatedAt);
      maybeResend(evaluation, evaluatedAt);
      double roll = random.nextDouble();
      if (roll < config.correctionShare()) {
        Instant at = evaluatedAt.plus(Duration.ofMinutes(60 + random.nextInt(20 * 60)));
        schedule(factory.corrected(evaluation, at), at);
      } else if (roll < config.correctionShare() + config.retractionShare()) {
        Instant at = evaluatedAt.plus(Duration.ofMinutes(240 + random.nextInt(36 * 60)));
        schedule(factory.retracted(evaluation, at), at);
      }
      if (random.nextDouble() < config.calibrationShare()) {
        calibrate(agent, interaction, evaluatedAt);
      }
    }
  }

  /** Three reviewers score the same interaction to align their scoring; it never counts for the agent. */
  private void calibrate(SimulatedAgent agent, InteractionEvent interaction, Instant evaluatedAt) {
    Instant session = evaluatedAt.plus(Duration.ofHours(24 + random.nextInt(24)));
    for (int r = 0; r < 3; r++) {
      Evaluator reviewer = factory.evaluators().get((agent.index() + r) % factory.evaluators().size());
      schedule(factory.evaluation(agent, interaction, session.plusSeconds(r * 60L), reviewer, EvaluationPurpose.CALIBRATION,
          String.format("cal-%d-%04d-%06d-%d", config.seed(), agent.index() + 1, sequence, r + 1)), session.plusSeconds(r * 60L));
    }
  }

  /** Source systems re-send: an identical copy right after the original (same event time). */
  private void maybeResend(SpecificRecord event, Instant time) {
    if (random.nextDouble() < config.duplicateShare()) {
      schedule(event, time);
    }
  }

  private long randomShiftSecond() {
    double target = random.nextDouble() * PROFILE_SUM;
    int hour = 0;
    while (hour < SHIFT_PROFILE.length - 1 && target >= SHIFT_PROFILE[hour]) {
      target -= SHIFT_PROFILE[hour];
      hour++;
    }
    return hour * 3600L + random.nextInt(3600);
  }

  private <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }

  private void schedule(SpecificRecord event, Instant time) {
    queue.add(new Scheduled(time, ++scheduled, event));
  }

  /** Ordered by time, then by scheduling order, so a re-send follows its original. */
  private record Scheduled(Instant time, long order, SpecificRecord event) implements Comparable<Scheduled> {
    @Override
    public int compareTo(Scheduled other) {
      int byTime = time.compareTo(other.time);
      return byTime != 0 ? byTime : Long.compare(order, other.order);
    }
  }
}
