package com.coachstream.streams.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.coachstream.avro.ActionType;
import com.coachstream.avro.AlertReason;
import com.coachstream.avro.AlertType;
import com.coachstream.avro.CoachingAction;
import com.coachstream.avro.CoachingAlert;
import com.coachstream.avro.DismissReason;
import com.coachstream.avro.SkillCategory;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The plain rules of the action stores: alert status, agent snoozes and open alerts, precision, rule keys, filters. */
class ActionStateTest {

  private static final Instant T = Instant.parse("2026-11-20T10:00:00Z");

  @Test
  void anAlertIsOpenUntilAClosingActionAndKeepsTheLatestActorAndTime() {
    AlertStatus open = AlertStatus.opened(alert(AlertType.SLIP, AlertReason.BOTH));
    assertThat(open.open()).isTrue();
    assertThat(open.rule()).isEqualTo("threshold:BOTH");
    AlertStatus snoozed = open.after(action(ActionType.SNOOZED, 1).setUntil(T.plusSeconds(99)).build());
    assertThat(snoozed.open()).isTrue();
    assertThat(snoozed.snoozedUntil()).isEqualTo(T.plusSeconds(99).toEpochMilli());
    AlertStatus acked = snoozed.after(action(ActionType.ACKNOWLEDGED, 2).build());
    assertThat(acked.status()).isEqualTo(AlertStatus.Status.ACKNOWLEDGED);
    assertThat(acked.actedAt()).isEqualTo(T.plusSeconds(2).toEpochMilli());
    AlertStatus coached = acked.after(action(ActionType.COACHED, 3).setActorId("coach-9").build());
    assertThat(coached.status()).isEqualTo(AlertStatus.Status.COACHED);
    assertThat(coached.actorId()).isEqualTo("coach-9");
    assertThat(coached.falseAlarmDue()).isFalse();
  }

  @Test
  void aFalseAlarmIsDueOnceAndOnlyForASeenAlertWithARule() {
    AlertStatus dismissed = AlertStatus.opened(alert(AlertType.SLIP, AlertReason.BELOW_FLOOR))
        .after(action(ActionType.DISMISSED, 1).setReason(DismissReason.FALSE_ALARM).build());
    assertThat(dismissed.falseAlarmDue()).isTrue();
    assertThat(dismissed.falseAlarmCountedNow().falseAlarmDue()).isFalse();
    assertThat(dismissed.falseAlarmCountedNow().after(action(ActionType.DISMISSED, 2).setReason(DismissReason.FALSE_ALARM)
        .build()).falseAlarmDue()).isFalse();

    AlertStatus knownCause = AlertStatus.opened(alert(AlertType.SLIP, AlertReason.BELOW_FLOOR))
        .after(action(ActionType.DISMISSED, 1).setReason(DismissReason.KNOWN_CAUSE).build());
    assertThat(knownCause.falseAlarmDue()).isFalse();
    AlertStatus recovery = AlertStatus.opened(alert(AlertType.RECOVERY, AlertReason.RECOVERED))
        .after(action(ActionType.DISMISSED, 1).setReason(DismissReason.FALSE_ALARM).build());
    assertThat(recovery.falseAlarmDue()).as("no rule judged by a recovery").isFalse();

    AlertStatus early = AlertStatus.awaiting(action(ActionType.DISMISSED, 0).build())
        .after(action(ActionType.DISMISSED, 0).setReason(DismissReason.FALSE_ALARM).build());
    assertThat(early.falseAlarmDue()).as("alert not seen yet").isFalse();
    AlertStatus arrived = early.withAlert(alert(AlertType.SLIP, AlertReason.DROP_FROM_BASELINE));
    assertThat(arrived.status()).isEqualTo(AlertStatus.Status.DISMISSED);
    assertThat(arrived.rule()).isEqualTo("threshold:DROP_FROM_BASELINE");
    assertThat(arrived.falseAlarmDue()).isTrue();
  }

  @Test
  void theNewestSnoozeOfACategoryWinsAndEndedOnesArePruned() {
    AgentActions actions = AgentActions.NONE.snoozed(SkillCategory.SOFT, 5_000, 100)
        .snoozed(SkillCategory.SOFT, 2_000, 200)
        .snoozed(SkillCategory.SOFT, 9_000, 150);
    assertThat(actions.snoozes().get(SkillCategory.SOFT).until()).isEqualTo(2_000);
    assertThat(actions.toSnoozes().holds(SkillCategory.SOFT, 1_999)).isTrue();
    assertThat(actions.toSnoozes().holds(SkillCategory.HARD, 0)).isFalse();
    assertThat(actions.pruned(2_001).isEmpty()).isTrue();
    assertThat(actions.pruned(2_000).isEmpty()).isFalse();
  }

  @Test
  void openAlertsAreFoundByCategoryClosedOnceAndPrunedWithTheAlerts() {
    AgentActions actions = AgentActions.NONE.opened("s1", SkillCategory.SOFT, 10).opened("h1", SkillCategory.HARD, 20)
        .opened("s2", SkillCategory.SOFT, 30).opened("s1", SkillCategory.SOFT, 10);
    assertThat(actions.openIn(SkillCategory.SOFT)).containsExactly("s1", "s2");
    assertThat(actions.closed("s1").openIn(SkillCategory.SOFT)).containsExactly("s2");
    assertThat(actions.pruned(20).openAlerts()).extracting(AgentActions.OpenAlert::alertId).containsExactly("h1", "s2");
    assertThat(actions.closed("s1").closed("h1").closed("s2").isEmpty()).isTrue();
  }

  @Test
  void precisionIsTheShareOfAlertsNotDismissedAsFalseAlarms() {
    assertThat(RulePrecision.NONE.precision()).isNull();
    RulePrecision counts = RulePrecision.NONE.plusRaised().plusRaised().plusRaised().plusRaised().plusFalseAlarm();
    assertThat(counts).isEqualTo(new RulePrecision(4, 1));
    assertThat(counts.precision()).isEqualTo(0.75);
    assertThat(counts.plus(new RulePrecision(1, 1)).precision()).isEqualTo(0.6);
    assertThat(new RulePrecision(1, 3).precision()).isEqualTo(0.0);
  }

  @Test
  void statusFiltersAcceptTheirNamesInAnyCase() {
    Predicate<AlertStatus.Status> open = StatusFilter.parse("open");
    assertThat(List.of(AlertStatus.Status.values()).stream().filter(open)).containsExactly(AlertStatus.Status.OPEN);
    assertThat(List.of(AlertStatus.Status.values()).stream().filter(StatusFilter.parse("Closed")))
        .containsExactly(AlertStatus.Status.ACKNOWLEDGED, AlertStatus.Status.DISMISSED, AlertStatus.Status.COACHED);
    assertThat(List.of(AlertStatus.Status.values()).stream().filter(StatusFilter.parse("dismissed")))
        .containsExactly(AlertStatus.Status.DISMISSED);
    assertThat(List.of(AlertStatus.Status.values()).stream().filter(StatusFilter.parse(null))).hasSize(4);
    assertThat(List.of(AlertStatus.Status.values()).stream().filter(StatusFilter.parse("all"))).hasSize(4);
    assertThatThrownBy(() -> StatusFilter.parse("snoozed")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("open, closed");
  }

  private static CoachingAlert alert(AlertType type, AlertReason reason) {
    return CoachingAlert.newBuilder().setAlertId("alert-1").setType(type).setAgentId("agent-1").setTeamId("t")
        .setCategory(SkillCategory.SOFT).setReason(reason).setScore(50).setBaseline(null).setFloor(70).setSamples(5)
        .setBaselineSamples(0).setWindowStart(T).setWindowEnd(T).setSourceId("e1").setEventTime(T)
        .setSkills(List.of()).setEvidence(List.of()).setFocus(List.of()).setCreatedAt(T).build();
  }

  private static CoachingAction.Builder action(ActionType type, int secondsAfter) {
    return CoachingAction.newBuilder().setActionId("a" + secondsAfter).setAgentId("agent-1").setAlertId("alert-1")
        .setType(type).setActorId("sup-1").setAt(T.plusSeconds(secondsAfter));
  }
}
