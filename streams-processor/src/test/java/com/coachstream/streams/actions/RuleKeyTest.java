package com.coachstream.streams.actions;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachstream.avro.AlertReason;
import com.coachstream.avro.AlertType;
import com.coachstream.avro.CoachingAlert;
import com.coachstream.avro.SkillCategory;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RuleKeyTest {

  private static CoachingAlert alert(AlertType type, AlertReason reason, Double probability) {
    Instant t = Instant.parse("2024-03-04T00:00:00Z");
    return CoachingAlert.newBuilder().setAlertId("a").setType(type).setAgentId("agent").setCategory(SkillCategory.SOFT)
        .setReason(reason).setScore(60).setFloor(70).setSamples(5).setBaselineSamples(0).setWindowStart(t)
        .setWindowEnd(t).setSourceId("s").setEventTime(t).setCreatedAt(t).setProbability(probability).build();
  }

  @Test
  void aSlipIsCountedAgainstItsModeAndReason() {
    assertThat(RuleKey.of(alert(AlertType.SLIP, AlertReason.BELOW_FLOOR, null))).isEqualTo("threshold:BELOW_FLOOR");
    assertThat(RuleKey.of(alert(AlertType.SLIP, AlertReason.BOTH, 0.97))).isEqualTo("statistical:BOTH");
    assertThat(RuleKey.of(alert(AlertType.RECOVERY, AlertReason.RECOVERED, 0.97))).isNull();
  }
}
