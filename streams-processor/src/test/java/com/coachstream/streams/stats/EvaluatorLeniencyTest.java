package com.coachstream.streams.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EvaluatorLeniencyTest {

  private static EvaluatorLeniency.Score s(String evaluator, double score) {
    return new EvaluatorLeniency.Score(evaluator, score);
  }

  @Test
  void unknownEvaluatorsAndAutomatedSignalsAreNotCorrected() {
    EvaluatorLeniency leniency = new EvaluatorLeniency(4);
    assertThat(leniency.offset("nobody")).isZero();
    assertThat(leniency.offset(null)).isZero();
    assertThat(leniency.corrected(null, 73)).isEqualTo(73);
  }

  @Test
  void aSingleScoreTeachesNothing() {
    EvaluatorLeniency leniency = new EvaluatorLeniency(4);
    leniency.observe(List.of(s("a", 90)));
    assertThat(leniency.evidence("a")).isZero();
  }

  @Test
  void anEvaluatorSeenOnceIsBarelyCorrected() {
    EvaluatorLeniency leniency = new EvaluatorLeniency(4);
    leniency.observe(List.of(s("lenient", 90), s("fair", 80)));
    assertThat(leniency.offset("lenient")).isCloseTo(10 / 5.0, within(1e-12));
    assertThat(leniency.offset("fair")).isCloseTo(-10 / 5.0, within(1e-12));
  }

  @Test
  void identicalEvaluatorsHaveNoOffset() {
    EvaluatorLeniency leniency = new EvaluatorLeniency(4);
    for (int i = 0; i < 20; i++) {
      leniency.observe(List.of(s("a", 70 + i), s("b", 70 + i), s("c", 70 + i)));
    }
    assertThat(leniency.offset("a")).isZero();
    assertThat(leniency.offset("c")).isZero();
  }

  @Test
  void knownBiasesAreLearnedWithEvidenceAndSubtracted() {
    Random random = new Random(5);
    EvaluatorLeniency leniency = new EvaluatorLeniency(4);
    for (int i = 0; i < 400; i++) {
      double truth = 60 + 30 * random.nextDouble();
      leniency.observe(List.of(s("lenient", truth + 8 + 10 * random.nextGaussian()),
          s("harsh", truth - 8 + 10 * random.nextGaussian()), s("fair", truth + 10 * random.nextGaussian())));
    }
    // against the mean of the two others, a +8 evaluator deviates by 8 - (−8 + 0)/2 = 12
    assertThat(leniency.offset("lenient")).isCloseTo(12, within(1.5));
    assertThat(leniency.offset("harsh")).isCloseTo(-12, within(1.5));
    assertThat(leniency.offset("fair")).isCloseTo(0, within(1.5));
    assertThat(leniency.corrected("lenient", 95)).isCloseTo(83, within(1.5));
  }

  @Test
  void correctedScoresStayOnTheScale() {
    EvaluatorLeniency leniency = new EvaluatorLeniency(0.001);
    leniency.observe(List.of(s("harsh", 0), s("other", 50)));
    assertThat(leniency.corrected("harsh", 80)).isEqualTo(100);
    assertThat(leniency.corrected("other", 10)).isEqualTo(0);
  }

  @Test
  void deviationsNeedTwoEvaluatorsAndSumToZero() {
    assertThat(EvaluatorLeniency.deviations(List.of())).isEmpty();
    assertThat(EvaluatorLeniency.deviations(List.of(s("a", 70), s("a", 90)))).isEmpty();
    java.util.Map<String, Double> d = EvaluatorLeniency.deviations(List.of(s("a", 70), s("b", 80), s("c", 93)));
    assertThat(d.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(0, within(1e-9));
  }

  @Test
  void evidenceIsShrunkByThePriorAndNothingIsKnownWithoutIt() {
    assertThat(EvaluatorLeniency.Deviations.NONE.offset(3)).isZero();
    assertThat(new EvaluatorLeniency.Deviations(0, 5).offset(3)).isZero();
    assertThat(new EvaluatorLeniency.Deviations(1, 9).offset(3)).isCloseTo(2.25, within(1e-12));
    assertThat(new EvaluatorLeniency.Deviations(97, 800).offset(3)).isCloseTo(8, within(1e-12));
    assertThat(new EvaluatorLeniency.Deviations(2, 3).plus(new EvaluatorLeniency.Deviations(1, -1)))
        .isEqualTo(new EvaluatorLeniency.Deviations(3, 2));
  }

  @Test
  void thePriorStrengthMustBePositiveAndFinite() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new EvaluatorLeniency(0))
        .isInstanceOf(IllegalArgumentException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> EvaluatorLeniency.checkedPriorStrength(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> EvaluatorLeniency.checkedPriorStrength(Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
