package com.coachstream.launcher.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachstream.avro.AlertReason;
import com.coachstream.avro.AlertType;
import com.coachstream.avro.Channel;
import com.coachstream.avro.CoachingAlert;
import com.coachstream.avro.SkillCategory;
import com.coachstream.producer.simulate.SimulatedAgent;
import com.coachstream.producer.simulate.Slip;
import com.coachstream.producer.simulate.Team;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DetectionScoreTest {

  private static final Instant SLIP_AT = Instant.parse("2026-11-01T00:00:00Z");
  private static final Instant RECOVER_AT = Instant.parse("2026-11-10T00:00:00Z");
  private static final Team TEAM = new Team("team-01", "sup-01", "Sam", "sam@example.com");

  private final SimulatedAgent slipping = agent("a1", List.of(new Slip(SkillCategory.SOFT, SLIP_AT, RECOVER_AT, 85, 60)));
  private final SimulatedAgent steady = agent("a2", List.of());

  @Test
  void aSlipAlertedAfterItBeganInItsCategoryIsFoundAndRight() {
    DetectionScore score = DetectionScore.of(List.of(slipping, steady), List.of(
        alert("a1", AlertType.SLIP, SkillCategory.SOFT, SLIP_AT.plusSeconds(86400)),
        alert("a1", AlertType.RECOVERY, SkillCategory.SOFT, RECOVER_AT.plusSeconds(3600))));
    assertThat(score.recall()).isEqualTo(1.0);
    assertThat(score.precision()).isEqualTo(1.0);
    assertThat(score.foundRecoveries()).isEqualTo(1);
    assertThat(score.summary()).contains("recall 100%").contains("precision 100%");
  }

  @Test
  void wrongCategoryTooEarlyOrSteadyAgentAreFalseAlarmsAndTheSlipIsMissed() {
    DetectionScore score = DetectionScore.of(List.of(slipping, steady), List.of(
        alert("a1", AlertType.SLIP, SkillCategory.HARD, SLIP_AT.plusSeconds(86400)),
        alert("a1", AlertType.SLIP, SkillCategory.SOFT, SLIP_AT.minusSeconds(1)),
        alert("a2", AlertType.SLIP, SkillCategory.SOFT, SLIP_AT)));
    assertThat(score.recall()).isZero();
    assertThat(score.precision()).isZero();
    assertThat(score.falseAlarms()).hasSize(3);
    assertThat(score.missed()).containsExactly("a1 SOFT from " + SLIP_AT);
  }

  private static SimulatedAgent agent(String id, List<Slip> slips) {
    return new SimulatedAgent(0, id, id, TEAM, 85, 85, Map.of(), 30, List.of(Channel.VOICE), 8, slips);
  }

  private static CoachingAlert alert(String agent, AlertType type, SkillCategory category, Instant eventTime) {
    return CoachingAlert.newBuilder().setAlertId(agent + type + category + eventTime).setType(type).setAgentId(agent)
        .setCategory(category).setReason(type == AlertType.SLIP ? AlertReason.BELOW_FLOOR : AlertReason.RECOVERED)
        .setScore(60).setFloor(70).setSamples(5).setBaselineSamples(0).setWindowStart(eventTime)
        .setWindowEnd(eventTime).setSourceId("s").setEventTime(eventTime).setCreatedAt(eventTime).build();
  }
}
