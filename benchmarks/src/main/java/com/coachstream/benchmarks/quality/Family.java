package com.coachstream.benchmarks.quality;

/**
 * A kind of simulated contact center. Each sets how agents slip, how evaluators score and how much
 * evidence there is; every family has steady agents beside the slipping ones.
 *
 * @param slipShare share of agents with one slip episode
 * @param minDrop smallest slip, points below the agent's true level
 * @param maxDrop largest slip
 * @param evaluatorSdMin least per-criterion noise of an evaluator (points)
 * @param evaluatorSdMax most per-criterion noise
 * @param evaluatorBias largest leniency (+) or harshness (−) of an evaluator
 * @param evaluationsPerWeek QA evaluations of an agent per week
 * @param signalsPerDay interactions with an automated skill signal per day
 * @param badDaysPer100 one-day dips of 20 points per 100 agent-days (not slips)
 */
public record Family(String name, double slipShare, double minDrop, double maxDrop, double evaluatorSdMin,
    double evaluatorSdMax, double evaluatorBias, double evaluationsPerWeek, double signalsPerDay,
    double badDaysPer100) {

  /** The families of the benchmark, each naming what it stresses. */
  public static final java.util.List<Family> ALL = java.util.List.of(
      new Family("subtle-slips", 0.5, 6, 10, 5, 5, 0, 7, 3, 0),
      new Family("large-slips", 0.5, 15, 25, 5, 5, 0, 7, 3, 0),
      new Family("bad-days", 0, 0, 0, 5, 5, 0, 7, 3, 3),
      new Family("noisy-evaluators", 0.5, 6, 20, 8, 15, 0, 7, 3, 1),
      new Family("biased-evaluators", 0.5, 6, 20, 5, 8, 8, 7, 3, 1),
      new Family("thin-agents", 0.5, 6, 20, 8, 12, 4, 2, 1, 1),
      new Family("busy-agents", 0.5, 6, 20, 8, 12, 4, 21, 15, 1));
}
