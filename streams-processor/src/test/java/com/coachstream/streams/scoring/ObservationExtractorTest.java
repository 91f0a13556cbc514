package com.coachstream.streams.scoring;

import static com.coachstream.streams.TestEvents.T0;
import static com.coachstream.streams.TestEvents.evaluation;
import static com.coachstream.streams.TestEvents.interaction;
import static org.assertj.core.api.Assertions.assertThat;

import com.coachstream.avro.Criterion;
import com.coachstream.avro.EvaluationPurpose;
import com.coachstream.avro.QaEvaluation;
import com.coachstream.avro.SkillCategory;
import com.coachstream.schemas.skills.SkillTaxonomy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObservationExtractorTest {

  private final ObservationExtractor extractor = new ObservationExtractor(
      SkillTaxonomy.builder().alias("Greeting", "rapport").build());

  @Test
  void qaCriteriaAreScoredAsPercentOfMaxWithTheirWeightAndAliasesResolve() {
    QaEvaluation qa = evaluation("e1", "a1", T0, Map.of());
    qa.setCriteria(List.of(new Criterion("Greeting", 3.0, 4.0, 2.0, null), new Criterion("Active Listening", 5.0, 5.0, 1.0, null)));
    ScorableEvent.Evaluation e = extractor.evaluation(qa);
    assertThat(e.observations()).containsExactly(
        new Observation("rapport", SkillCategory.SOFT, 75.0, 2.0, T0.toEpochMilli(), "e1"),
        new Observation("active_listening", SkillCategory.SOFT, 100.0, 1.0, T0.toEpochMilli(), "e1"));
  }

  @Test
  void autoFailAddsAZeroComplianceObservationUnlessComplianceIsScored() {
    QaEvaluation qa = evaluation("e1", "a1", T0, Map.of("empathy", 8.0));
    qa.setAutoFail(true);
    assertThat(extractor.evaluation(qa).observations()).extracting(Observation::skill, Observation::score, Observation::weight)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("empathy", 80.0, 1.0),
            org.assertj.core.groups.Tuple.tuple("compliance", 0.0, 1.0));
    QaEvaluation scored = evaluation("e2", "a1", T0, Map.of("Compliance", 9.0));
    scored.setAutoFail(true);
    assertThat(extractor.evaluation(scored).observations()).extracting(Observation::score).containsExactly(90.0);
  }

  @Test
  void calibrationAndRetractedEvaluationsCarryNoObservations() {
    QaEvaluation calibration = evaluation("e1", "a1", T0, Map.of("empathy", 8.0));
    calibration.setPurpose(EvaluationPurpose.CALIBRATION);
    assertThat(extractor.evaluation(calibration).observations()).isEmpty();
    QaEvaluation retracted = evaluation("e2", "a1", T0, Map.of("empathy", 8.0));
    retracted.setRetracted(true);
    assertThat(extractor.evaluation(retracted).observations()).isEmpty();
    assertThat(extractor.evaluation(retracted).retracted()).isTrue();
  }

  @Test
  void fingerprintsTellIdenticalContentFromChangedContent() {
    QaEvaluation a = evaluation("e1", "a1", T0, Map.of("empathy", 8.0));
    QaEvaluation same = evaluation("e1", "a1", T0, Map.of("empathy", 8.0));
    QaEvaluation changed = evaluation("e1", "a1", T0, Map.of("empathy", 7.0));
    assertThat(extractor.evaluation(a).fingerprint()).isEqualTo(extractor.evaluation(same).fingerprint())
        .isNotEqualTo(extractor.evaluation(changed).fingerprint());
  }

  @Test
  void interactionSignalsHaveWeightOneAndKpisTheOperationalFigures() {
    ScorableEvent.Interaction i = extractor.interaction(interaction("i1", "a1", T0, Map.of("Data-Accuracy", 40.0, "empathy", 90.0)));
    assertThat(i.observations()).extracting(Observation::skill, Observation::category, Observation::weight).containsExactly(
        org.assertj.core.groups.Tuple.tuple("data_accuracy", SkillCategory.HARD, 1.0),
        org.assertj.core.groups.Tuple.tuple("empathy", SkillCategory.SOFT, 1.0));
    assertThat(i.kpi()).isEqualTo(new InteractionKpi(4, true, 300.0, 0.5));
    assertThat(i.teamId()).isEqualTo("team-a");
  }

  @Test
  void anEvaluatorsLeniencyIsTakenOutOfEveryCriterionWithinTheScaleButNotOutOfAnAutoFail() {
    QaEvaluation qa = evaluation("e1", "a1", T0, Map.of());
    qa.setCriteria(List.of(new Criterion("empathy", 9.0, 10.0, 1.0, null), new Criterion("patience", 0.5, 10.0, 1.0, null)));
    qa.setAutoFail(true);
    ScorableEvent.Evaluation lenient = extractor.correctedEvaluation(qa, 7.5);
    assertThat(lenient.observations()).extracting(Observation::skill, Observation::score).containsExactly(
        org.assertj.core.groups.Tuple.tuple("empathy", 82.5), org.assertj.core.groups.Tuple.tuple("patience", 0.0),
        org.assertj.core.groups.Tuple.tuple("compliance", 0.0));
    assertThat(extractor.correctedEvaluation(qa, -15).observations().get(0).score()).isEqualTo(100.0);
    // the fingerprint is the evaluation's as sent: a re-send stays a duplicate when the offset has moved
    assertThat(lenient.fingerprint()).isEqualTo(extractor.evaluation(qa).fingerprint());
  }

  @Test
  void theOverallScoreIsTheCriteriasWeightedMeanInPercent() {
    QaEvaluation qa = evaluation("e1", "a1", T0, Map.of());
    qa.setCriteria(List.of(new Criterion("empathy", 3.0, 4.0, 2.0, null), new Criterion("patience", 5.0, 5.0, 1.0, null)));
    assertThat(ObservationExtractor.overallScore(qa)).isEqualTo((2 * 75.0 + 100.0) / 3);
  }
}
