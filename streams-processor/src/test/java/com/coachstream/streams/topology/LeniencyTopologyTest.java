package com.coachstream.streams.topology;

import static com.coachstream.streams.TestEvents.T0;
import static com.coachstream.streams.TestEvents.evaluation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.coachstream.avro.AgentSkillWindow;
import com.coachstream.avro.EvaluationPurpose;
import com.coachstream.avro.QaEvaluation;
import com.coachstream.avro.SkillScore;
import com.coachstream.common.config.Settings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;

/** Evaluator leniency through the production topology: learned, applied in statistical mode only. */
class LeniencyTopologyTest {

  private static final Map<String, String> STATISTICAL = Map.of("alert.mode", "statistical");

  private static QaEvaluation scored(String id, String agent, String interaction, String evaluator, double outOf10,
      EvaluationPurpose purpose, Instant at) {
    QaEvaluation e = evaluation(id, agent, at, Map.of("empathy", outOf10));
    e.setInteractionId(interaction);
    e.setEvaluatorId(evaluator);
    e.setPurpose(purpose);
    return e;
  }

  /**
   * Ten interactions scored by "lenient" one point in ten above two fair evaluators: six in calibration
   * sessions (agent "cal"), four double-scored STANDARD evaluations of agent "other". Then "lenient" scores
   * agent a1 at 9/10.
   */
  private static void teachAndScore(TopologyFixture fixture) {
    for (int i = 0; i < 10; i++) {
      Instant at = T0.plus(Duration.ofDays(1)).plusSeconds(600L * i);
      boolean calibration = i < 6;
      String agent = calibration ? "cal" : "other";
      EvaluationPurpose purpose = calibration ? EvaluationPurpose.CALIBRATION : EvaluationPurpose.STANDARD;
      fixture.evaluations.pipeInput(agent, scored("l" + i, agent, "int-" + i, "lenient", 8, purpose, at));
      fixture.evaluations.pipeInput(agent, scored("f" + i, agent, "int-" + i, "fair", 7, purpose, at));
      if (calibration) {
        fixture.evaluations.pipeInput(agent, scored("g" + i, agent, "int-" + i, "fair-too", 7, purpose, at));
      }
    }
    fixture.evaluations.pipeInput("a1", scored("x", "a1", "int-x", "lenient", 9, EvaluationPurpose.STANDARD,
        T0.plus(Duration.ofDays(2))));
  }

  private static double latestEmpathy(TopologyFixture fixture, String agent) {
    fixture.publishCurrentWindows();
    List<AgentSkillWindow> windows = fixture.scores.readValuesToList().stream()
        .filter(w -> w != null && w.getAgentId().equals(agent)).toList();
    List<SkillScore> skills = windows.get(windows.size() - 1).getSkills();
    return skills.stream().filter(s -> s.getSkill().equals("empathy")).findFirst().orElseThrow().getScore();
  }

  @Test
  void aLenientEvaluatorsScoresAreCorrectedInStatisticalMode() {
    try (TopologyFixture fixture = new TopologyFixture(STATISTICAL)) {
      teachAndScore(fixture);
      // deviations of "lenient": 10 against one fair evaluator, 10 against the mean of two; offset 100 / (10 + 3)
      assertThat(latestEmpathy(fixture, "a1")).isCloseTo(90 - 100 / 13.0, within(1e-9));
    }
  }

  @Test
  void thePriorEvaluationsSettingShrinksTheOffset() {
    try (TopologyFixture fixture = new TopologyFixture(Map.of("alert.mode", "statistical", "leniency.prior-evaluations", "40"))) {
      teachAndScore(fixture);
      assertThat(latestEmpathy(fixture, "a1")).isCloseTo(90 - 100 / 50.0, within(1e-9));
    }
  }

  @Test
  void calibrationEvaluationsStillNeverCountTowardScores() {
    try (TopologyFixture fixture = new TopologyFixture(STATISTICAL)) {
      teachAndScore(fixture);
      fixture.publishCurrentWindows();
      // the agent's windows are published, but hold no observation (an empty window is a tombstone)
      assertThat(fixture.scores.readRecordsToList()).filteredOn(r -> r.key().getAgentId().equals("cal"))
          .isNotEmpty().allSatisfy(r -> assertThat(r.value() == null || r.value().getSkills().isEmpty()).isTrue());
    }
  }

  @Test
  void retractedEvaluationsAreUnlearned() {
    try (TopologyFixture fixture = new TopologyFixture(STATISTICAL)) {
      teachAndScore(fixture);
      fixture.publishCurrentWindows();
      fixture.scores.readValuesToList();
      for (int i = 0; i < 10; i++) {
        String agent = i < 6 ? "cal" : "other";
        EvaluationPurpose purpose = i < 6 ? EvaluationPurpose.CALIBRATION : EvaluationPurpose.STANDARD;
        QaEvaluation retracted = scored("l" + i, agent, "int-" + i, "lenient", 8, purpose,
            T0.plus(Duration.ofDays(1)).plusSeconds(600L * i));
        retracted.setRetracted(true);
        fixture.evaluations.pipeInput(agent, retracted);
      }
      fixture.evaluations.pipeInput("a2", scored("y", "a2", "int-y", "lenient", 9, EvaluationPurpose.STANDARD,
          T0.plus(Duration.ofDays(2))));
      assertThat(latestEmpathy(fixture, "a2")).isCloseTo(90, within(1e-9));
    }
  }

  @Test
  void thresholdModeNeitherLearnsNorCorrects() {
    try (TopologyFixture fixture = new TopologyFixture()) {
      teachAndScore(fixture);
      assertThat(latestEmpathy(fixture, "a1")).isCloseTo(90, within(1e-9));
    }
    StreamsSettings threshold = StreamsSettings.from(Settings.of(Map.of()));
    TopologyDescription description = CoachingTopology.topology(threshold).describe();
    assertThat(description.globalStores()).noneSatisfy(g -> assertThat(g.toString()).contains("leniency"));
    assertThat(description.toString()).doesNotContain("leniency", "interaction-evaluations");
  }

  @Test
  void statisticalModeNamesItsLeniencyTopicAfterTheApplication() {
    StreamsSettings statistical = StreamsSettings.from(Settings.of(Map.of("alert.mode", "statistical",
        "application-id", "cs-test")));
    TopologyDescription description = CoachingTopology.topology(statistical).describe();
    assertThat(description.globalStores()).filteredOn(g -> g.toString().contains("leniency")).singleElement()
        .satisfies(g -> assertThat(g.source().topicSet()).containsExactly("cs-test-evaluator-leniency"));
  }
}
