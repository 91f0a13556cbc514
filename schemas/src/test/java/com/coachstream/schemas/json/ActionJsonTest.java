package com.coachstream.schemas.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.coachstream.avro.ActionType;
import com.coachstream.avro.CoachingAction;
import com.coachstream.avro.DismissReason;
import com.coachstream.schemas.validation.ReasonCode;
import com.coachstream.schemas.validation.ValidationException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Actions as JSON: an event line carries the action's own type as actionType; the actions route takes the plain record. */
class ActionJsonTest {

  @Test
  void anEventLineOfTypeActionCarriesTheActionTypeAsActionType() {
    CoachingAction action = (CoachingAction) EventJson.parse("""
        {"type": "action", "actionType": "DISMISSED", "actionId": "a1", "agentId": "agent-1", "alertId": "x",
         "reason": "FALSE_ALARM", "actorId": "sup", "at": "2026-11-20T10:00:00Z"}""");
    assertThat(action.getType()).isEqualTo(ActionType.DISMISSED);
    assertThat(action.getReason()).isEqualTo(DismissReason.FALSE_ALARM);
    assertThat(action.getAt()).isEqualTo(Instant.parse("2026-11-20T10:00:00Z"));
    assertThat(action.getSkills()).isEmpty();

    assertThat(EventJson.toJson(action).path("type").asText()).isEqualTo("action");
    assertThat(EventJson.toJson(action).path("actionType").asText()).isEqualTo("DISMISSED");
    assertThat(EventJson.parse(EventJson.toJson(action).toString())).isEqualTo(action);
  }

  @Test
  void anActionLineWithoutActionTypeIsRefusedWithItsField() {
    assertThatThrownBy(() -> EventJson.parse("""
        {"type": "action", "actionId": "a1", "agentId": "agent-1", "actorId": "sup", "at": "2026-11-20T10:00:00Z"}"""))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.violations().get(0).reason()).isEqualTo(ReasonCode.MISSING_FIELD);
          assertThat(e.violations().get(0).field()).isEqualTo("actionType");
        });
  }

  @Test
  void thePlainRecordUsesItsOwnTypeField() throws Exception {
    CoachingAction action = EventJson.actionFromJson(AvroJson.MAPPER.readTree("""
        {"actionId": "a1", "agentId": "agent-1", "category": "SOFT", "type": "SNOOZED", "actorId": "sup",
         "at": 1763632800000, "until": "2026-11-21T10:00:00Z"}"""));
    assertThat(action.getType()).isEqualTo(ActionType.SNOOZED);
    assertThat(action.getUntil()).isEqualTo(Instant.parse("2026-11-21T10:00:00Z"));
    assertThat(AvroJson.toJson(action).path("until").asText()).isEqualTo("2026-11-21T10:00:00Z");
    assertThat(EventJson.parse(EventJson.toJson(action).toString())).isEqualTo(action);
    assertThatThrownBy(() -> EventJson.actionFromJson(AvroJson.MAPPER.readTree("[1]")))
        .isInstanceOf(ValidationException.class);
  }
}
