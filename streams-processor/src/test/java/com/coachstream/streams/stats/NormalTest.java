package com.coachstream.streams.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NormalTest {

  @Test
  void cdfMatchesTabulatedValues() {
    assertThat(Normal.cdf(0)).isCloseTo(0.5, within(1e-7));
    assertThat(Normal.cdf(1.6448536)).isCloseTo(0.95, within(1e-6));
    assertThat(Normal.cdf(-1.959964)).isCloseTo(0.025, within(1e-6));
    assertThat(Normal.cdf(3)).isCloseTo(0.9986501, within(1e-6));
    assertThat(Normal.cdf(-8)).isCloseTo(0, within(1e-9));
  }

  @Test
  void quantileInvertsTheCdf() {
    for (double p : new double[] {0.001, 0.02, 0.1, 0.5, 0.9, 0.95, 0.975, 0.999}) {
      assertThat(Normal.cdf(Normal.quantile(p))).isCloseTo(p, within(1e-6));
    }
    assertThat(Normal.quantile(0.975)).isCloseTo(1.959964, within(1e-6));
  }

  @Test
  void belowWithZeroSpreadIsAStep() {
    assertThat(Normal.below(70, 69.9, 0)).isEqualTo(1);
    assertThat(Normal.below(70, 70, 0)).isEqualTo(0);
    assertThat(Normal.below(70, 60, 5)).isCloseTo(Normal.cdf(2), within(1e-12));
  }

  @Test
  void quantileRefusesImpossibleProbabilities() {
    assertThatThrownBy(() -> Normal.quantile(1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Normal.quantile(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
