package com.coachstream.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.coachstream.avro.ActionType;
import com.coachstream.avro.CoachingAction;
import com.coachstream.avro.DismissReason;
import com.coachstream.avro.SkillCategory;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActionRequestTest {

  private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
  private static final Map<String, String> ALERT = Map.of("alertId", "al-1", "agentId", "agent-7", "category", "SOFT");

  private static CoachingAction act(String... fields) {
    Map<String, String> form = new HashMap<>();
    for (int i = 0; i < fields.length; i += 2) {
      form.put(fields[i], fields[i + 1]);
    }
    return ActionRequest.from(form, ALERT, "sup-1", NOW);
  }

  @Test
  void eachKindOfActionCarriesWhatItNeeds() {
    CoachingAction ack = act("type", "ACKNOWLEDGED");
    assertThat(ack.getType()).isEqualTo(ActionType.ACKNOWLEDGED);
    assertThat(ack.getAlertId()).isEqualTo("al-1");
    assertThat(ack.getAgentId()).isEqualTo("agent-7");
    assertThat(ack.getCategory()).isEqualTo(SkillCategory.SOFT);
    assertThat(ack.getActorId()).isEqualTo("sup-1");
    assertThat(ack.getAt()).isEqualTo(NOW);
    assertThat(ack.getActionId()).isNotBlank().isNotEqualTo(act("type", "ACKNOWLEDGED").getActionId());

    assertThat(act("type", "SNOOZED", "snoozeDays", "3").getUntil()).isEqualTo(NOW.plus(Duration.ofDays(3)));
    CoachingAction dismissed = act("type", "DISMISSED", "reason", "false_alarm", "note", " busy week ");
    assertThat(dismissed.getReason()).isEqualTo(DismissReason.FALSE_ALARM);
    assertThat(dismissed.getNote()).isEqualTo("busy week");
    CoachingAction coached = act("type", "COACHED", "sessionAt", "2026-11-20", "skills", "empathy, rapport");
    assertThat(coached.getSessionAt()).isEqualTo(Instant.parse("2026-11-20T12:00:00Z"));
    assertThat(coached.getCoachId()).isEqualTo("sup-1");
    assertThat(coached.getSkills()).isEqualTo(List.of("empathy", "rapport"));
    assertThat(act("type", "COACHED").getSessionAt()).isEqualTo(NOW);
  }

  @Test
  void refusesIncompleteOrWrongForms() {
    assertThatThrownBy(() -> act("type", "DELETE")).hasMessage("choose a valid action");
    assertThatThrownBy(() -> act()).hasMessage("choose a valid action");
    assertThatThrownBy(() -> act("type", "DISMISSED")).hasMessage("choose a valid reason");
    assertThatThrownBy(() -> act("type", "SNOOZED", "snoozeDays", "0")).hasMessageContaining("between 1 and 90");
    assertThatThrownBy(() -> act("type", "COACHED", "sessionAt", "yesterday")).hasMessageContaining("not a date");
    assertThatThrownBy(() -> act("type", "COACHED", "note", "x".repeat(2001))).hasMessageContaining("2000");
  }
}
