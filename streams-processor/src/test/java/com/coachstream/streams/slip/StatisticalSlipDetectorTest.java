package com.coachstream.streams.slip;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachstream.avro.AlertReason;
import com.coachstream.avro.AlertType;
import com.coachstream.streams.stats.Moments;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StatisticalSlipDetectorTest {

  private static final SlipRules R = SlipRules.DEFAULTS;
  private static final StatisticalRules S = StatisticalRules.DEFAULTS;
  private static final CategoryState OK = CategoryState.INITIAL;
  private static final CategoryState SLIPPING = new CategoryState(true, 0);
  private static final long DAY = Duration.ofDays(1).toMillis();

  private static Moments samples(int n, double... cycle) {
    Moments m = new Moments();
    for (int i = 0; i < n; i++) {
      m.sample(cycle[i % cycle.length], 1, 1);
    }
    return m;
  }

  private static StatisticalDecision evaluate(CategoryState state, Moments window, Moments baseline) {
    return StatisticalSlipDetector.evaluate(state, new StatisticalMeasure(window, baseline), 10 * DAY, R, S);
  }

  @Test
  void anEmptyWindowDecidesNothing() {
    StatisticalDecision d = evaluate(OK, new Moments(), null);
    assertThat(d.decision().alerts()).isFalse();
    assertThat(d.probability()).isNaN();
  }

  @Test
  void manyConsistentLowSamplesSlipBelowTheFloorWithHighProbability() {
    StatisticalDecision d = evaluate(OK, samples(10, 60, 62, 58), null);
    assertThat(d.decision().alert()).isEqualTo(AlertType.SLIP);
    assertThat(d.decision().reason()).isEqualTo(AlertReason.BELOW_FLOOR);
    assertThat(d.probability()).isGreaterThanOrEqualTo(0.95);
    assertThat(d.low()).isLessThan(60);
    assertThat(d.high()).isBetween(60.0, 70.0);
  }

  @Test
  void fiveNoisySamplesJustUnderTheFloorAreNotEnough() {
    // threshold mode would alert on a mean of 68 from five samples; here it is far from sure
    StatisticalDecision d = evaluate(OK, samples(5, 50, 86, 68), null);
    assertThat(d.decision().alerts()).isFalse();
    assertThat(d.probability()).isBetween(0.5, 0.95);
  }

  @Test
  void aSingleBadEvaluationOfAGoodAgentIsShrunkAway() {
    StatisticalDecision d = evaluate(OK, samples(1, 55), samples(20, 85, 80, 90));
    assertThat(d.decision().alerts()).isFalse();
  }

  @Test
  void aClearDropFromTheBaselineSlips() {
    StatisticalDecision d = evaluate(OK, samples(12, 71, 73, 72), samples(30, 88, 86, 90));
    assertThat(d.decision().reason()).isEqualTo(AlertReason.DROP_FROM_BASELINE);
  }

  @Test
  void belowTheFloorAndDroppedIsBoth() {
    StatisticalDecision d = evaluate(OK, samples(15, 55, 57, 56), samples(30, 80, 82, 78));
    assertThat(d.decision().reason()).isEqualTo(AlertReason.BOTH);
  }

  @Test
  void aHeldBackSlipLeavesTheStateOk() {
    CategoryState recentlySlipped = new CategoryState(false, 10 * DAY - 3_600_000);
    StatisticalDecision d = evaluate(recentlySlipped, samples(10, 60), null);
    assertThat(d.decision().alerts()).isFalse();
    assertThat(d.decision().next()).isEqualTo(recentlySlipped);
  }

  @Test
  void recoversOnlyWhenSureItIsAboveTheFloorPlusHysteresis() {
    assertThat(evaluate(SLIPPING, samples(4, 72, 74), null).decision().alerts()).isFalse();
    StatisticalDecision back = evaluate(SLIPPING, samples(20, 84, 86, 85), null);
    assertThat(back.decision().alert()).isEqualTo(AlertType.RECOVERY);
    assertThat(back.decision().next()).isEqualTo(new CategoryState(false, 0));
    assertThat(back.probability()).isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void recoveryAlsoNeedsTheDropToBeUndone() {
    Moments baseline = samples(30, 95, 93, 97);
    assertThat(evaluate(SLIPPING, samples(20, 84, 86, 85), baseline).decision().alerts()).isFalse();
  }

  @Test
  void stillSlippingIsQuiet() {
    StatisticalDecision d = evaluate(SLIPPING, samples(10, 60), null);
    assertThat(d.decision().alerts()).isFalse();
    assertThat(d.decision().next()).isEqualTo(SLIPPING);
  }
}
