package com.coachstream.streams.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.coachstream.streams.stats.EvaluatorLeniency.Deviations;
import com.coachstream.streams.stats.InteractionScores.Scored;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class InteractionScoresTest {

  private static Scored scored(String id, String evaluator, double score) {
    return new Scored(id, evaluator, score);
  }

  /** Sums every change into each evaluator's evidence, as the evaluator task does. */
  private static final class Evidence {
    final Map<String, Deviations> totals = new HashMap<>();

    InteractionScores apply(InteractionScores before, InteractionScores after) {
      InteractionScores.changes(before, after).forEach((e, change) -> totals.merge(e, change, Deviations::plus));
      return after;
    }

    Deviations of(String evaluator) {
      return totals.getOrDefault(evaluator, Deviations.NONE);
    }
  }

  @Test
  void oneEvaluationTeachesNothing() {
    InteractionScores one = InteractionScores.EMPTY.with(scored("e1", "a", 80), 1);
    assertThat(one.deviations()).isEmpty();
    assertThat(InteractionScores.changes(InteractionScores.EMPTY, one)).isEmpty();
  }

  @Test
  void aSecondEvaluatorGivesBothADeviation() {
    InteractionScores one = InteractionScores.EMPTY.with(scored("e1", "a", 80), 1);
    InteractionScores two = one.with(scored("e2", "b", 70), 2);
    assertThat(InteractionScores.changes(one, two)).containsExactlyInAnyOrderEntriesOf(Map.of(
        "a", new Deviations(1, 10), "b", new Deviations(1, -10)));
    assertThat(two.newestTime()).isEqualTo(2);
  }

  @Test
  void aThirdEvaluatorMovesTheOthersDeviationsWithoutCountingThemAgain() {
    InteractionScores two = InteractionScores.EMPTY.with(scored("e1", "a", 80), 1).with(scored("e2", "b", 70), 2);
    InteractionScores three = two.with(scored("e3", "c", 60), 3);
    Map<String, Deviations> changes = InteractionScores.changes(two, three);
    // a: 80 - 65 = 15 (was 10); b: 70 - 70 = 0 (was -10); c: 60 - 75 = -15 (new)
    assertThat(changes.get("a").count()).isZero();
    assertThat(changes.get("a").sum()).isCloseTo(5, within(1e-12));
    assertThat(changes.get("b").count()).isZero();
    assertThat(changes.get("b").sum()).isCloseTo(10, within(1e-12));
    assertThat(changes.get("c")).isEqualTo(new Deviations(1, -15));
  }

  @Test
  void zeroVarianceAndIdenticalEvaluatorsCountButHaveNoOffset() {
    Evidence evidence = new Evidence();
    for (int i = 0; i < 5; i++) {
      InteractionScores s = evidence.apply(InteractionScores.EMPTY, InteractionScores.EMPTY.with(scored("x" + i, "a", 75), 0));
      s = evidence.apply(s, s.with(scored("y" + i, "b", 75), 0));
      evidence.apply(s, s.with(scored("z" + i, "c", 75), 0));
    }
    for (String evaluator : List.of("a", "b", "c")) {
      assertThat(evidence.of(evaluator).count()).isEqualTo(5);
      assertThat(evidence.of(evaluator).sum()).isCloseTo(0, within(1e-9));
      assertThat(evidence.of(evaluator).offset(3)).isCloseTo(0, within(1e-9));
    }
  }

  @Test
  void aResendChangesNothingAndACorrectionMovesOnlyTheSum() {
    InteractionScores two = InteractionScores.EMPTY.with(scored("e1", "a", 80), 1).with(scored("e2", "b", 70), 2);
    assertThat(InteractionScores.changes(two, two.with(scored("e2", "b", 70), 3))).isEmpty();
    InteractionScores corrected = two.with(scored("e2", "b", 76), 3);
    assertThat(corrected.evaluations()).hasSize(2);
    assertThat(InteractionScores.changes(two, corrected)).containsExactlyInAnyOrderEntriesOf(Map.of(
        "a", new Deviations(0, -6), "b", new Deviations(0, 6)));
  }

  @Test
  void aRetractedEvaluationTakesBackExactlyWhatItGave() {
    Evidence evidence = new Evidence();
    InteractionScores s = evidence.apply(InteractionScores.EMPTY, InteractionScores.EMPTY.with(scored("e1", "a", 80), 1));
    s = evidence.apply(s, s.with(scored("e2", "b", 70), 2));
    s = evidence.apply(s, s.with(scored("e3", "c", 66), 3));
    s = evidence.apply(s, s.without("e3", 4));
    assertThat(evidence.of("a")).isEqualTo(new Deviations(1, 10));
    assertThat(evidence.of("c").count()).isZero();
    assertThat(evidence.of("c").sum()).isCloseTo(0, within(1e-12));
    s = evidence.apply(s, s.without("e2", 5));
    assertThat(s.evaluations()).hasSize(1);
    assertThat(evidence.of("a").count()).isZero();
    assertThat(evidence.of("a").offset(3)).isZero();
    assertThat(InteractionScores.changes(s, s.without("never-seen", 6))).isEmpty();
    assertThat(s.without("e1", 7).unscored()).isTrue();
  }

  @Test
  void anEvaluatorScoringTheSameInteractionTwiceCountsOnceWithTheirMean() {
    InteractionScores s = InteractionScores.EMPTY.with(scored("e1", "a", 80), 1).with(scored("e2", "a", 90), 2)
        .with(scored("e3", "b", 75), 3);
    assertThat(s.deviations()).containsExactlyInAnyOrderEntriesOf(Map.of("a", 10.0, "b", -10.0));
  }

  @Test
  void anEvaluatorSeenOnceIsShrunkTowardZero() {
    InteractionScores s = InteractionScores.EMPTY.with(scored("e1", "new", 90), 1).with(scored("e2", "b", 78), 2);
    Deviations once = InteractionScores.changes(InteractionScores.EMPTY, s).get("new");
    assertThat(once.offset(3)).isCloseTo(12 / 4.0, within(1e-12));
    assertThat(once.offset(0.0001)).isCloseTo(12, within(0.01));
  }

  @Test
  void knownOffsetsAreRecoveredFromCalibrationSessionsAndDoubleScoring() {
    Random random = new Random(11);
    double[] bias = {8, -8, 0, 0, 4, -4};
    Evidence evidence = new Evidence();
    for (int session = 0; session < 60; session++) {
      double truth = 60 + 30 * random.nextDouble();
      InteractionScores s = InteractionScores.EMPTY;
      for (int e = 0; e < bias.length; e++) {
        s = evidence.apply(s, s.with(scored("cal" + session + "-" + e, "q" + e, truth + bias[e] + 6 * random.nextGaussian()), session));
      }
    }
    for (int pair = 0; pair < 200; pair++) {
      double truth = 60 + 30 * random.nextDouble();
      int first = random.nextInt(bias.length);
      int second = (first + 1 + random.nextInt(bias.length - 1)) % bias.length;
      InteractionScores s = InteractionScores.EMPTY.with(scored("p" + pair + "a", "q" + first, truth + bias[first] + 6 * random.nextGaussian()), pair);
      evidence.apply(InteractionScores.EMPTY, s);
      evidence.apply(s, s.with(scored("p" + pair + "b", "q" + second, truth + bias[second] + 6 * random.nextGaussian()), pair));
    }
    // the biases sum to zero, so against the mean of the others an evaluator deviates by bias * m / (m - 1);
    // calibration (m = 6) and pairs (m = 2, partner drawn from the other five) give about bias * 1.2
    for (int e = 0; e < bias.length; e++) {
      assertThat(evidence.of("q" + e).offset(3)).as("q" + e).isCloseTo(bias[e] * 1.2, within(1.5));
    }
  }

  @Test
  void changesSummedOverAnInteractionEqualLearningItAtOnce() {
    EvaluatorLeniency atOnce = new EvaluatorLeniency(3);
    atOnce.observe(List.of(new EvaluatorLeniency.Score("a", 81), new EvaluatorLeniency.Score("b", 64),
        new EvaluatorLeniency.Score("c", 70)));
    Evidence evidence = new Evidence();
    InteractionScores s = evidence.apply(InteractionScores.EMPTY, InteractionScores.EMPTY.with(scored("1", "a", 81), 0));
    s = evidence.apply(s, s.with(scored("2", "b", 64), 0));
    evidence.apply(s, s.with(scored("3", "c", 70), 0));
    for (String e : List.of("a", "b", "c")) {
      assertThat(evidence.of(e).count()).isEqualTo(1);
      assertThat(evidence.of(e).offset(3)).isCloseTo(atOnce.offset(e), within(1e-9));
    }
  }
}
