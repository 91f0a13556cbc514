package com.coachstream.benchmarks.quality;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A simulated contact center of one {@link Family} with known truth: each agent's true level, the slip
 * episodes, the bad days, and evaluators with their own noise and bias. Deterministic for a seed; events
 * are generated a day at a time, in event-time order.
 */
public final class ContactCenter {

  static final long DAY = 86_400_000L;
  static final List<String> CRITERIA = List.of("empathy", "active_listening", "communication", "patience");
  static final List<String> SIGNALS = List.of("empathy", "rapport");
  /** Spread of an automated skill signal around the truth. */
  static final double SIGNAL_SD = 12;
  private static final int EVALUATORS = 12;
  /** Share of evaluated interactions a second evaluator scores too (both evaluations count). */
  static final double DOUBLE_SCORED_SHARE = 0.1;
  /** Interactions scored in each weekly calibration session, and by how many evaluators. */
  static final int CALIBRATION_SESSIONS = 2;
  static final int CALIBRATION_EVALUATORS = 6;
  /** Thursdays (day 0 is a Monday). */
  static final int CALIBRATION_WEEKDAY = 3;

  private final Family family;
  private final long start;
  private final long seed;
  private final List<String> agents = new ArrayList<>();
  private final Map<String, Double> levels = new LinkedHashMap<>();
  private final Map<String, Episode> episodes = new LinkedHashMap<>();
  private final double[] evaluatorSd = new double[EVALUATORS];
  private final double[] evaluatorBias = new double[EVALUATORS];

  public ContactCenter(Family family, int agentCount, int days, long start, long seed) {
    this.family = family;
    this.start = start;
    this.seed = seed;
    Random random = new Random(seed);
    for (int e = 0; e < EVALUATORS; e++) {
      evaluatorSd[e] = family.evaluatorSdMin() + random.nextDouble() * (family.evaluatorSdMax() - family.evaluatorSdMin());
      // a third fair, a third lenient, a third harsh
      evaluatorBias[e] = family.evaluatorBias() * ((e % 3) - 1);
    }
    for (int a = 0; a < agentCount; a++) {
      String agent = family.name() + "-" + a;
      agents.add(agent);
      levels.put(agent, Math.max(72, Math.min(95, 82 + 4 * random.nextGaussian())));
      if (random.nextDouble() < family.slipShare()) {
        int length = 5 + random.nextInt(16);
        int first = 35 + random.nextInt(Math.max(1, days - 35 - 21));
        double drop = family.minDrop() + random.nextDouble() * (family.maxDrop() - family.minDrop());
        episodes.put(agent, new Episode(agent, family.name(), first, length, drop));
      }
    }
  }

  public Family family() {
    return family;
  }

  public List<String> agents() {
    return agents;
  }

  public List<Episode> episodes() {
    return List.copyOf(episodes.values());
  }

  /** The agent's true level on a day: its steady level, less a slip or a bad day. */
  double truth(String agent, int day, Random dayRandom) {
    double level = levels.get(agent);
    Episode episode = episodes.get(agent);
    if (episode != null && day >= episode.start() && day < episode.end()) {
      level -= episode.drop();
    }
    if (dayRandom.nextDouble() < family.badDaysPer100() / 100) {
      level -= 20;
    }
    return level;
  }

  /**
   * Every event of one day, all agents, in event-time order. Besides each agent's evaluations and signals,
   * as real QA teams do: a share of evaluated interactions is scored again by a second evaluator (both
   * count), and once a week {@link #CALIBRATION_SESSIONS} interactions are scored by
   * {@link #CALIBRATION_EVALUATORS} evaluators each in a calibration session (never counted).
   */
  public List<SimulatedEvent> day(int day) {
    List<SimulatedEvent> events = new ArrayList<>();
    for (String agent : agents) {
      Random random = new Random(seed * 31 + agent.hashCode() * 1_000_003L + day);
      double truth = truth(agent, day, random);
      int evaluations = poisson(random, family.evaluationsPerWeek() / 7);
      for (int i = 0; i < evaluations; i++) {
        String interaction = agent + "-q" + day + "-" + i;
        long time = time(day, random);
        int evaluator = random.nextInt(EVALUATORS);
        events.add(evaluation(agent + "-e" + day + "-" + i, agent, time, evaluator, truth, interaction, false, random));
        if (random.nextDouble() < DOUBLE_SCORED_SHARE) {
          int second = (evaluator + 1 + random.nextInt(EVALUATORS - 1)) % EVALUATORS;
          events.add(evaluation(agent + "-e" + day + "-" + i + "b", agent, time + 3_600_000L, second, truth, interaction,
              false, random));
        }
      }
      int interactions = poisson(random, family.signalsPerDay());
      for (int i = 0; i < interactions; i++) {
        Map<String, Double> scores = new LinkedHashMap<>();
        for (String signal : SIGNALS) {
          scores.put(signal, clamp(truth + SIGNAL_SD * random.nextGaussian()));
        }
        events.add(SimulatedEvent.interaction(agent + "-i" + day + "-" + i, agent, time(day, random), scores));
      }
    }
    if (day % 7 == CALIBRATION_WEEKDAY) {
      calibration(day, events);
    }
    events.sort(Comparator.comparingLong(SimulatedEvent::time).thenComparing(SimulatedEvent::id));
    return events;
  }

  /** The week's calibration session: interactions of random agents, each scored by several evaluators. */
  private void calibration(int day, List<SimulatedEvent> events) {
    Random random = new Random(seed * 17 + day);
    for (int s = 0; s < CALIBRATION_SESSIONS; s++) {
      String agent = agents.get(random.nextInt(agents.size()));
      double truth = truth(agent, day, new Random(seed * 31 + agent.hashCode() * 1_000_003L + day));
      String interaction = agent + "-cal" + day + "-" + s;
      List<Integer> evaluators = new ArrayList<>();
      for (int e = 0; e < EVALUATORS; e++) {
        evaluators.add(e);
      }
      java.util.Collections.shuffle(evaluators, random);
      long time = start + day * DAY + 15 * 3_600_000L;
      for (int e : evaluators.subList(0, CALIBRATION_EVALUATORS)) {
        events.add(evaluation(interaction + "-qa-" + e, agent, time + e, e, truth, interaction, true, random));
      }
    }
  }

  private SimulatedEvent evaluation(String id, String agent, long time, int evaluator, double truth, String interaction,
      boolean calibration, Random random) {
    Map<String, Double> scores = new LinkedHashMap<>();
    for (String criterion : CRITERIA) {
      scores.put(criterion, clamp(truth + evaluatorBias[evaluator] + evaluatorSd[evaluator] * random.nextGaussian()));
    }
    return new SimulatedEvent(id, agent, time, true, "qa-" + evaluator, scores, interaction, calibration);
  }

  private long time(int day, Random random) {
    // working hours, 08:00-18:00 UTC
    return start + day * DAY + 8 * 3_600_000L + (long) (random.nextDouble() * 10 * 3_600_000L);
  }

  private static double clamp(double score) {
    return Math.max(0, Math.min(100, Math.round(score * 10) / 10.0));
  }

  private static int poisson(Random random, double mean) {
    double limit = Math.exp(-mean);
    double product = random.nextDouble();
    int n = 0;
    while (product > limit) {
      product *= random.nextDouble();
      n++;
    }
    return n;
  }
}
