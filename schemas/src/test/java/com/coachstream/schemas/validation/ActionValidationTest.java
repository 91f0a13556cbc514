package com.coachstream.schemas.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachstream.avro.ActionType;
import com.coachstream.avro.CoachingAction;
import com.coachstream.avro.DismissReason;
import com.coachstream.avro.SkillCategory;
import com.coachstream.schemas.Fixtures;
import com.coachstream.schemas.skills.SkillTaxonomy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules a supervisor's action must follow (docs/concepts.md, the coaching loop). */
class ActionValidationTest {

  private static final Instant NOW = Fixtures.T0;
  private final EventValidator validator = new EventValidator(SkillTaxonomy.defaults(), Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void eachTypeWithWhatItNeedsPasses() {
    assertThat(validator.check(action(ActionType.ACKNOWLEDGED).build())).isEmpty();
    assertThat(validator.check(action(ActionType.SNOOZED).setUntil(NOW.plusSeconds(1)).build())).isEmpty();
    assertThat(validator.check(action(ActionType.DISMISSED).setReason(DismissReason.FALSE_ALARM).setNote("n").build())).isEmpty();
    assertThat(validator.check(action(ActionType.COACHED).setSessionAt(NOW).setSkills(List.of("empathy", "compliance"))
        .setAlertId(null).setCategory(SkillCategory.SOFT).build())).isEmpty();
  }

  @Test
  void requiredFieldsAndAgentIdSyntax() {
    assertThat(reasons(action(ActionType.ACKNOWLEDGED).setActionId(" ").build())).containsExactly(ReasonCode.MISSING_FIELD);
    assertThat(reasons(action(ActionType.ACKNOWLEDGED).setActorId("").build())).containsExactly(ReasonCode.MISSING_FIELD);
    assertThat(reasons(action(ActionType.ACKNOWLEDGED).setAgentId("agent 7").build())).containsExactly(ReasonCode.INVALID_ID);
    assertThat(fields(action(ActionType.ACKNOWLEDGED).setAlertId(null).build())).containsExactly("category");
    assertThat(fields(action(ActionType.ACKNOWLEDGED).setAlertId(" ").build())).containsExactly("alertId");
    assertThat(reasons(action(ActionType.ACKNOWLEDGED).setAlertId(null).setCategory(SkillCategory.HARD).build())).isEmpty();
  }

  @Test
  void aSnoozeNeedsAnUntilAfterItsTime() {
    assertThat(fields(action(ActionType.SNOOZED).build())).containsExactly("until");
    assertThat(reasons(action(ActionType.SNOOZED).setUntil(NOW).build())).containsExactly(ReasonCode.OUT_OF_RANGE);
    assertThat(reasons(action(ActionType.SNOOZED).setUntil(NOW.minusSeconds(1)).build())).containsExactly(ReasonCode.OUT_OF_RANGE);
  }

  @Test
  void aDismissalNeedsAReasonAndACoachingSessionItsTimeAndKnownSkills() {
    assertThat(fields(action(ActionType.DISMISSED).build())).containsExactly("reason");
    assertThat(fields(action(ActionType.COACHED).build())).containsExactly("sessionAt");
    assertThat(reasons(action(ActionType.COACHED).setSessionAt(NOW).setSkills(List.of("juggling")).build()))
        .containsExactly(ReasonCode.UNKNOWN_SKILL);
  }

  @Test
  void timesMayBeAtMostAnHourAhead() {
    Instant hourAhead = NOW.plus(Duration.ofHours(1));
    assertThat(reasons(action(ActionType.ACKNOWLEDGED).setAt(hourAhead).build())).isEmpty();
    assertThat(reasons(action(ActionType.ACKNOWLEDGED).setAt(hourAhead.plusMillis(1)).build()))
        .containsExactly(ReasonCode.FUTURE_TIMESTAMP);
    assertThat(reasons(action(ActionType.COACHED).setSessionAt(hourAhead.plusSeconds(1)).build()))
        .containsExactly(ReasonCode.FUTURE_TIMESTAMP);
  }

  @Test
  void theNoteIsNeverQuoted() {
    CoachingAction bad = action(ActionType.DISMISSED).setAgentId("bad id").setNote("secret-note").build();
    assertThat(validator.check(bad)).isNotEmpty().allSatisfy(v -> assertThat(v.message()).doesNotContain("secret-note"));
  }

  private List<ReasonCode> reasons(CoachingAction action) {
    return validator.check(action).stream().map(Violation::reason).toList();
  }

  private List<String> fields(CoachingAction action) {
    return validator.check(action).stream().map(Violation::field).toList();
  }

  private static CoachingAction.Builder action(ActionType type) {
    return CoachingAction.newBuilder().setActionId("act-1").setAgentId("agent-7").setAlertId("alert-1")
        .setType(type).setActorId("sup-1").setAt(NOW);
  }
}
