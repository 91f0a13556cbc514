package com.coachstream.streams.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MomentsTest {

  @Test
  void emptyHasNoMeanNoVarianceNoSize() {
    Moments m = new Moments();
    assertThat(m.isEmpty()).isTrue();
    assertThat(m.mean()).isNaN();
    assertThat(m.variance()).isNaN();
    assertThat(m.effectiveSize()).isZero();
  }

  @Test
  void oneSampleHasAMeanButNoVariance() {
    Moments m = new Moments().sample(72, 2, 1);
    assertThat(m.mean()).isEqualTo(72);
    assertThat(m.variance()).isNaN();
    assertThat(m.effectiveSize()).isEqualTo(1);
  }

  @Test
  void equalWeightsGiveTheTextbookUnbiasedVariance() {
    Moments m = new Moments();
    for (double x : new double[] {2, 4, 4, 4, 5, 5, 7, 9}) {
      m.sample(x, 1, 1);
    }
    assertThat(m.mean()).isEqualTo(5);
    assertThat(m.variance()).isCloseTo(32.0 / 7, within(1e-12));
    assertThat(m.effectiveSize()).isCloseTo(8, within(1e-12));
  }

  @Test
  void identicalSamplesHaveZeroVariance() {
    Moments m = new Moments();
    for (int i = 0; i < 5; i++) {
      m.sample(81.3, 1.7, 1);
    }
    assertThat(m.variance()).isZero();
    assertThat(m.mean()).isCloseTo(81.3, within(1e-12));
  }

  @Test
  void unequalWeightsShrinkTheEffectiveSize() {
    Moments m = new Moments().sample(50, 9, 1).sample(60, 1, 1);
    assertThat(m.effectiveSize()).isCloseTo(100.0 / 82, within(1e-12));
    assertThat(m.mean()).isCloseTo(51, within(1e-12));
    // reliability-weighted: Σw(x-m)² / (Σw - Σw²/Σw) = (9·1 + 1·81) / (10 - 8.2)
    assertThat(m.variance()).isCloseTo(90 / 1.8, within(1e-9));
  }

  @Test
  void withdrawingRestoresTheExactSameSums() {
    Random random = new Random(7);
    Moments m = new Moments().sample(70, 1, 1);
    Moments before = new Moments().merge(m, 1);
    double[] xs = new double[200];
    double[] ws = new double[200];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = random.nextDouble() * 100;
      ws[i] = 0.5 + random.nextDouble() * 3;
      m.sample(xs[i], ws[i], 1);
    }
    for (int i = xs.length - 1; i >= 0; i--) {
      m.sample(xs[i], ws[i], -1);
    }
    assertThat(m.count()).isEqualTo(1);
    assertThat(m.weightedSquaresExact()).isEqualTo(before.weightedSquaresExact());
    assertThat(m.squaredWeightsExact()).isEqualTo(before.squaredWeightsExact());
    assertThat(m.mean()).isEqualTo(70);
  }

  @Test
  void mergingSlicesEqualsSamplingAllAtOnce() {
    Moments a = new Moments().sample(60, 1, 1).sample(80, 2, 1);
    Moments b = new Moments().sample(75, 1, 1);
    Moments all = new Moments().sample(60, 1, 1).sample(80, 2, 1).sample(75, 1, 1);
    Moments merged = new Moments().merge(a, 1).merge(b, 1);
    assertThat(merged.weightedExact()).isEqualTo(all.weightedExact());
    assertThat(merged.variance()).isEqualTo(all.variance());
    assertThat(merged.merge(b, -1).count()).isEqualTo(2);
  }

  @Test
  void knownNormalSamplesRecoverTheirParameters() {
    Random random = new Random(42);
    Moments m = new Moments();
    for (int i = 0; i < 100_000; i++) {
      m.sample(75 + 10 * random.nextGaussian(), 1, 1);
    }
    assertThat(m.mean()).isCloseTo(75, within(0.2));
    assertThat(Math.sqrt(m.variance())).isCloseTo(10, within(0.1));
  }

  @Test
  void refusesNonPositiveWeightsAndNonFiniteValues() {
    assertThatThrownBy(() -> new Moments().sample(50, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Moments().sample(Double.NaN, 1, 1)).isInstanceOf(IllegalArgumentException.class);
  }
}
