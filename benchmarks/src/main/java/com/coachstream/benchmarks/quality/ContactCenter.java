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

  /** Every event of one day, all agents, in event-time order. */
  public List<SimulatedEvent> day(int day) {
    List<SimulatedEvent> events = new ArrayList<>();
    for (String agent : agents) {
      Random random = new Random(seed * 31 + agent.hashCode() * 1_000_003L + day);
      double truth = truth(agent, day, random);
      int evaluations = poisson(random, family.evaluationsPerWeek() / 7);
      for (int i = 0; i < evaluations; i++) {
        int evaluator = random.nextInt(EVALUATORS);
        Map<String, Double> scores = new LinkedHashMap<>();
        for (String criterion : CRITERIA) {
          scores.put(criterion, clamp(truth + evaluatorBias[evaluator] + evaluatorSd[evaluator] * random.nextGaussian()));
        }
        events.add(new SimulatedEvent(agent + "-e" + day + "-" + i, agent, time(day, random), true, "qa-" + evaluator,
            scores));
      }
      int interactions = poisson(random, family.signalsPerDay());
      for (int i = 0; i < interactions; i++) {
        Map<String, Double> scores = new LinkedHashMap<>();
        for (String signal : SIGNALS) {
          scores.put(signal, clamp(truth + SIGNAL_SD * random.nextGaussian()));
        }
        events.add(new SimulatedEvent(agent + "-i" + day + "-" + i, agent, time(day, random), false, null, scores));
      }
    }
    events.sort(Comparator.comparingLong(SimulatedEvent::time).thenComparing(SimulatedEvent::id));
    return events;
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
