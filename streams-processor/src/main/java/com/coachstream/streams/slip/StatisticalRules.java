package com.coachstream.streams.slip;

import com.coachstream.streams.stats.ScoreModel;

/** Settings of statistical mode: how sure a SLIP or RECOVERY must be, and the score model behind the belief. */
public record StatisticalRules(double confidence, ScoreModel model) {

  public static final StatisticalRules DEFAULTS = new StatisticalRules(0.95, ScoreModel.DEFAULTS);

  public StatisticalRules {
    if (!(confidence > 0.5 && confidence < 1)) {
      throw new IllegalArgumentException("slip.confidence must be above 0.5 and below 1: " + confidence);
    }
  }
}
