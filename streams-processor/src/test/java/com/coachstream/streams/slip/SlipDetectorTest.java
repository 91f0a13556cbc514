package com.coachstream.streams.slip;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachstream.avro.AlertReason;
import com.coachstream.avro.AlertType;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SlipDetectorTest {

  private static final SlipRules R = SlipRules.DEFAULTS;
  private static final long HOUR = Duration.ofHours(1).toMillis();
  private static final CategoryState OK = CategoryState.INITIAL;
  private static final CategoryState SLIPPING = new CategoryState(true, 0);

  private static CategoryMeasure m(double score, int samples) {
    return new CategoryMeasure(score, samples, null, 0);
  }

  private static CategoryMeasure m(double score, int samples, double baseline, int baselineSamples) {
    return new CategoryMeasure(score, samples, baseline, baselineSamples);
  }

  @Test
  void belowTheFloorWithEnoughSamplesSlips() {
    SlipDecision d = SlipDetector.evaluate(OK, m(69.99, 5), 1000, R);
    assertThat(d.alert()).isEqualTo(AlertType.SLIP);
    assertThat(d.reason()).isEqualTo(AlertReason.BELOW_FLOOR);
    assertThat(d.next()).isEqualTo(new CategoryState(true, 1000));
  }

  @Test
  void exactlyAtTheFloorIsNotSlipping() {
    assertThat(SlipDetector.evaluate(OK, m(70, 50), 0, R).alerts()).isFalse();
  }

  @Test
  void oneSampleShortOfMinSamplesIsNotSlipping() {
    assertThat(SlipDetector.evaluate(OK, m(10, 4), 0, R).alerts()).isFalse();
    assertThat(SlipDetector.evaluate(OK, m(10, 5), 0, R).alerts()).isTrue();
  }

  @Test
  void aDropOfExactlyMaxDropFromAUsableBaselineSlips() {
    assertThat(SlipDetector.slipReason(m(80, 5, 90, 10), R)).isEqualTo(AlertReason.DROP_FROM_BASELINE);
    assertThat(SlipDetector.slipReason(m(80.01, 5, 90, 10), R)).isNull();
  }

  @Test
  void aBaselineWithTooFewSamplesIsIgnored() {
    assertThat(SlipDetector.slipReason(m(75, 5, 95, 9), R)).isNull();
    assertThat(SlipDetector.slipReason(m(75, 5, 95, 10), R)).isEqualTo(AlertReason.DROP_FROM_BASELINE);
  }

  @Test
  void belowTheFloorAndDroppedIsBoth() {
    assertThat(SlipDetector.slipReason(m(60, 5, 90, 10), R)).isEqualTo(AlertReason.BOTH);
  }

  @Test
  void aSlipWithinTheCooldownIsHeldBackAndLeavesTheStateOk() {
    CategoryState recovered = new CategoryState(false, 0);
    SlipDecision held = SlipDetector.evaluate(recovered, m(50, 5), 24 * HOUR - 1, R);
    assertThat(held.alerts()).isFalse();
    assertThat(held.next()).isEqualTo(recovered);
    SlipDecision afterCooldown = SlipDetector.evaluate(recovered, m(50, 5), 24 * HOUR, R);
    assertThat(afterCooldown.alert()).isEqualTo(AlertType.SLIP);
    assertThat(afterCooldown.next().lastSlipAt()).isEqualTo(24 * HOUR);
  }

  @Test
  void aSlippingCategoryStaysSilentWhileStillSlipping() {
    assertThat(SlipDetector.evaluate(SLIPPING, m(50, 9), HOUR * 100, R)).isEqualTo(new SlipDecision(SLIPPING, null, null));
  }

  @Test
  void recoveryNeedsTheFloorPlusHysteresis() {
    assertThat(SlipDetector.evaluate(SLIPPING, m(72.99, 5), 0, R).alerts()).isFalse();
    SlipDecision d = SlipDetector.evaluate(SLIPPING, m(73, 5), 0, R);
    assertThat(d.alert()).isEqualTo(AlertType.RECOVERY);
    assertThat(d.reason()).isEqualTo(AlertReason.RECOVERED);
    assertThat(d.next()).isEqualTo(new CategoryState(false, 0));
  }

  @Test
  void recoveryNeedsMinSamples() {
    assertThat(SlipDetector.evaluate(SLIPPING, m(95, 4), 0, R).alerts()).isFalse();
  }

  @Test
  void recoveryWithAUsableBaselineNeedsBaselineMinusMaxDropPlusHysteresis() {
    assertThat(SlipDetector.evaluate(SLIPPING, m(82.99, 5, 90, 10), 0, R).alerts()).isFalse();
    assertThat(SlipDetector.evaluate(SLIPPING, m(83, 5, 90, 10), 0, R).alerts()).isTrue();
    assertThat(SlipDetector.evaluate(SLIPPING, m(73, 5, 90, 9), 0, R).alerts()).as("baseline not usable").isTrue();
  }

  @Test
  void betweenSlipAndRecoveryThresholdsNothingHappensEitherWay() {
    assertThat(SlipDetector.evaluate(OK, m(71, 5), 0, R).alerts()).isFalse();
    assertThat(SlipDetector.evaluate(SLIPPING, m(71, 5), 0, R).alerts()).isFalse();
  }
}
