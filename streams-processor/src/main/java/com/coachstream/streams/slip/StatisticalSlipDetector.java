package com.coachstream.streams.slip;

import com.coachstream.avro.AlertReason;
import com.coachstream.avro.AlertType;
import com.coachstream.streams.stats.ScoreEstimate;
import com.coachstream.streams.stats.ScoreModel;

/**
 * The slip state machine of statistical mode (docs/concepts.md). The window's true score is a belief
 * ({@link ScoreModel}); the category is slipping when P(true &lt; floor) (BELOW_FLOOR) or
 * P(true ≤ true baseline − true-drop) (DROP_FROM_BASELINE) reaches the confidence; it is back when
 * P(true ≥ floor + hysteresis) and, with a baseline, P(true &gt; baseline − true-drop + hysteresis) both do.
 * ({@code slip.true-drop} replaces {@code max-drop} here: that one applies to the noisy window score.)
 * Cooldown and the held-back SLIP behave as in threshold mode.
 */
public final class StatisticalSlipDetector {

  private StatisticalSlipDetector() { }

  public static StatisticalDecision evaluate(CategoryState state, StatisticalMeasure m, long eventTime,
      SlipRules rules, StatisticalRules statistical) {
    ScoreModel model = statistical.model();
    ScoreEstimate window = model.window(m.window(), m.baseline());
    if (window == null) {
      return new StatisticalDecision(SlipDecision.quiet(state), Double.NaN, Double.NaN, Double.NaN, false);
    }
    ScoreEstimate baseline = m.baseline() == null ? null : model.direct(m.baseline());
    double[] interval = window.interval(statistical.confidence());
    double belowFloor = window.probabilityBelow(rules.floor());
    double dropped = baseline == null ? 0 : ScoreModel.probabilityDroppedBy(window, baseline, statistical.trueDrop());
    AlertReason reason = reason(belowFloor >= statistical.confidence(), dropped >= statistical.confidence());
    if (!state.slipping()) {
      double probability = Math.max(belowFloor, dropped);
      if (reason == null || inCooldown(state, eventTime, rules)) {
        return new StatisticalDecision(SlipDecision.quiet(state), probability, interval[0], interval[1], reason != null);
      }
      return new StatisticalDecision(new SlipDecision(new CategoryState(true, eventTime), AlertType.SLIP, reason),
          probability, interval[0], interval[1], true);
    }
    double aboveFloor = 1 - window.probabilityBelow(rules.floor() + rules.hysteresis());
    double backFromDrop = baseline == null ? 1
        : 1 - ScoreModel.probabilityDroppedBy(window, baseline, statistical.trueDrop() - rules.hysteresis());
    double recovered = Math.min(aboveFloor, backFromDrop);
    if (recovered >= statistical.confidence()) {
      return new StatisticalDecision(new SlipDecision(new CategoryState(false, state.lastSlipAt()), AlertType.RECOVERY,
          AlertReason.RECOVERED), recovered, interval[0], interval[1], reason != null);
    }
    return new StatisticalDecision(SlipDecision.quiet(state), recovered, interval[0], interval[1], reason != null);
  }

  private static AlertReason reason(boolean belowFloor, boolean dropped) {
    if (belowFloor && dropped) {
      return AlertReason.BOTH;
    }
    if (belowFloor) {
      return AlertReason.BELOW_FLOOR;
    }
    return dropped ? AlertReason.DROP_FROM_BASELINE : null;
  }

  private static boolean inCooldown(CategoryState state, long eventTime, SlipRules rules) {
    return state.lastSlipAt() != CategoryState.NEVER && eventTime - state.lastSlipAt() < rules.cooldown().toMillis();
  }
}
