package com.coachstream.streams.slip;

import com.coachstream.avro.AlertReason;
import com.coachstream.avro.AlertType;

/**
 * The slip state machine of docs/concepts.md for one category.
 * <ul>
 *   <li>Slipping: samples ≥ min-samples and score &lt; floor (BELOW_FLOOR) or, with a usable baseline
 *       (≥ min-baseline-samples), score ≤ baseline − max-drop (DROP_FROM_BASELINE); both: BOTH.</li>
 *   <li>OK → slipping emits SLIP unless a SLIP went out less than cooldown earlier; a held-back SLIP leaves
 *       the state OK so a later event can still emit it.</li>
 *   <li>Slipping → OK when samples ≥ min-samples, score ≥ floor + hysteresis and (no usable baseline or
 *       score ≥ baseline − max-drop + hysteresis): emits RECOVERY.</li>
 * </ul>
 */
public final class SlipDetector {

  private SlipDetector() { }

  public static SlipDecision evaluate(CategoryState state, CategoryMeasure m, long eventTime, SlipRules rules) {
    if (!state.slipping()) {
      AlertReason reason = slipReason(m, rules);
      if (reason == null || inCooldown(state, eventTime, rules)) {
        return SlipDecision.quiet(state);
      }
      return new SlipDecision(new CategoryState(true, eventTime), AlertType.SLIP, reason);
    }
    if (recovered(m, rules)) {
      return new SlipDecision(new CategoryState(false, state.lastSlipAt()), AlertType.RECOVERY, AlertReason.RECOVERED);
    }
    return SlipDecision.quiet(state);
  }

  /** Why the category is slipping, or null when it is not. */
  public static AlertReason slipReason(CategoryMeasure m, SlipRules rules) {
    if (m.samples() < rules.minSamples()) {
      return null;
    }
    boolean belowFloor = m.score() < rules.floor();
    boolean dropped = usableBaseline(m, rules) && m.score() <= m.baseline() - rules.maxDrop();
    if (belowFloor && dropped) {
      return AlertReason.BOTH;
    }
    if (belowFloor) {
      return AlertReason.BELOW_FLOOR;
    }
    return dropped ? AlertReason.DROP_FROM_BASELINE : null;
  }

  static boolean recovered(CategoryMeasure m, SlipRules rules) {
    return m.samples() >= rules.minSamples()
        && m.score() >= rules.floor() + rules.hysteresis()
        && (!usableBaseline(m, rules) || m.score() >= m.baseline() - rules.maxDrop() + rules.hysteresis());
  }

  private static boolean usableBaseline(CategoryMeasure m, SlipRules rules) {
    return m.baseline() != null && m.baselineSamples() >= rules.minBaselineSamples();
  }

  static boolean inCooldown(CategoryState state, long eventTime, SlipRules rules) {
    return state.lastSlipAt() != CategoryState.NEVER && eventTime - state.lastSlipAt() < rules.cooldown().toMillis();
  }
}
