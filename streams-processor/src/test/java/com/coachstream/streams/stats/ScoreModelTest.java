package com.coachstream.streams.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ScoreModelTest {

  private final ScoreModel model = new ScoreModel(12, 3, 10);

  private static Moments samples(double... xs) {
    Moments m = new Moments();
    for (double x : xs) {
      m.sample(x, 1, 1);
    }
    return m;
  }

  @Test
  void noSamplesNoEstimate() {
    assertThat(model.direct(new Moments())).isNull();
    assertThat(model.window(new Moments(), samples(80, 80))).isNull();
  }

  @Test
  void oneSampleTakesThePriorSpread() {
    ScoreEstimate e = model.direct(samples(64));
    assertThat(e.mean()).isEqualTo(64);
    assertThat(e.sd()).isCloseTo(12, within(1e-12));
  }

  @Test
  void identicalSamplesStillCarryUncertainty() {
    ScoreEstimate e = model.direct(samples(80, 80, 80, 80, 80));
    // pooled variance: (3·144 + 4·0) / 7, over 5 samples
    assertThat(e.sd()).isCloseTo(Math.sqrt(3 * 144.0 / 7 / 5), within(1e-12));
    assertThat(e.sd()).isPositive();
  }

  @Test
  void manySamplesTrustTheirOwnSpread() {
    Random random = new Random(3);
    Moments m = new Moments();
    for (int i = 0; i < 10_000; i++) {
      m.sample(70 + 20 * random.nextGaussian(), 1, 1);
    }
    assertThat(model.direct(m).sd()).isCloseTo(20 / 100.0, within(0.01));
  }

  @Test
  void aThinWindowIsShrunkTowardTheBaselineMoreThanABusyOne() {
    Moments baseline = samples(80, 82, 78, 80, 81, 79, 80, 80, 80, 80);
    ScoreEstimate thin = model.window(samples(60), baseline);
    ScoreEstimate busy = model.window(samples(60, 60, 61, 59, 60, 60, 60, 61, 59, 60, 60, 60), baseline);
    assertThat(thin.mean()).isBetween(60.0, 80.0);
    assertThat(busy.mean()).isBetween(60.0, thin.mean());
    assertThat(busy.mean()).isCloseTo(60, within(2.0));
    assertThat(thin.sd()).isLessThan(12);
  }

  @Test
  void withoutBaselineTheWindowStandsAlone() {
    assertThat(model.window(samples(60, 70), null)).isEqualTo(model.direct(samples(60, 70)));
  }

  @Test
  void dropProbabilityIsHalfExactlyAtTheDrop() {
    ScoreEstimate window = new ScoreEstimate(70, 3);
    ScoreEstimate baseline = new ScoreEstimate(80, 4);
    assertThat(ScoreModel.probabilityDroppedBy(window, baseline, 10)).isCloseTo(0.5, within(1e-7));
    // 5 points short of the drop, combined sd 5: one sd
    assertThat(ScoreModel.probabilityDroppedBy(new ScoreEstimate(75, 3), baseline, 10))
        .isCloseTo(Normal.cdf(-1), within(1e-7));
  }

  @Test
  void intervalHasTheRequestedCoverage() {
    double[] interval = new ScoreEstimate(70, 5).interval(0.95);
    assertThat(interval[0]).isCloseTo(70 - 1.959964 * 5, within(1e-5));
    assertThat(interval[1]).isCloseTo(70 + 1.959964 * 5, within(1e-5));
  }

  @Test
  void posteriorCoversTheTruthAtTheNominalRate() {
    Random random = new Random(11);
    int covered = 0;
    int trials = 4000;
    for (int t = 0; t < trials; t++) {
      double truth = 75 + 8 * random.nextGaussian();
      Moments window = new Moments();
      for (int i = 0; i < 6; i++) {
        window.sample(truth + 12 * random.nextGaussian(), 1, 1);
      }
      double[] interval = model.direct(window).interval(0.9);
      if (truth >= interval[0] && truth <= interval[1]) {
        covered++;
      }
    }
    assertThat(covered / (double) trials).isCloseTo(0.9, within(0.03));
  }
}
