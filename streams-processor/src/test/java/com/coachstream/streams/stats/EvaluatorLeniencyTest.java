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
}
