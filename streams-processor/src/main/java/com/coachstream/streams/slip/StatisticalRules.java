package com.coachstream.streams.slip;

import com.coachstream.streams.stats.ScoreModel;

/**
 * Settings of statistical mode: how sure a SLIP or RECOVERY must be, the score model behind the belief, and
 * {@code trueDrop}, how far the agent's true score must be below the true baseline (threshold mode's
 * {@code max-drop} applies to the noisy window score; in statistical mode it is replaced by this).
 */
public record StatisticalRules(double confidence, ScoreModel model, double trueDrop) {

  public static final StatisticalRules DEFAULTS = new StatisticalRules(0.95, ScoreModel.DEFAULTS, 6);

  public StatisticalRules {
    if (!(confidence > 0.5 && confidence < 1)) {
      throw new IllegalArgumentException("slip.confidence must be above 0.5 and below 1: " + confidence);
    }
    if (!(trueDrop >= 0)) {
      throw new IllegalArgumentException("slip.true-drop must not be negative: " + trueDrop);
    }
  }
}
