package com.coachstream.notifier.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reminder rule, on its own: when a delivered SLIP alert is due, and everything that spares it. */
class OpenAlertsTest {

  private static final Duration AFTER = Duration.ofHours(48);
  private static final Instant RAISED = Instant.parse("2024-03-10T14:30:00Z");
  private static final Instant SENT = Instant.parse("2024-03-10T14:31:00Z");
  private static final Instant DUE = SENT.plus(AFTER);

  private final OpenAlerts<String> book = new OpenAlerts<>(new ReminderSettings(AFTER));
  private final ActedOn actedOn = new ActedOn();

  private static OpenAlert<String> alert(String alertId, String agentId, String category, long offset) {
    return new OpenAlert<>(alertId, agentId, category, RAISED, SENT, 0, offset, "payload of " + alertId);
  }

  private List<String> dueAt(Instant now) {
    return book.sweep(now, actedOn).due().stream().map(OpenAlert::alertId).toList();
  }

  @Test
  void anAlertNoOneActedOnIsDueAfterItsDelivery() {
    assertThat(book.open(alert("a-1", "agent-7", "SOFT", 10), SENT)).isTrue();
    assertThat(dueAt(DUE.minusMillis(1))).isEmpty();
    List<OpenAlert<String>> due = book.sweep(DUE, actedOn).due();
    assertThat(due).extracting(OpenAlert::alertId).containsExactly("a-1");
    assertThat(due.get(0).payload()).isEqualTo("payload of a-1");
  }

  @Test
  void itIsRemindedOnceEvenWhenOpenedAgain() {
    book.open(alert("a-1", "agent-7", "SOFT", 10), SENT);
    assertThat(dueAt(DUE)).containsExactly("a-1");
    assertThat(dueAt(DUE.plusSeconds(60))).isEmpty();
    book.reminded("a-1");
    // a replay of the alerts topic reads it again: it stays reminded
    assertThat(book.open(alert("a-1", "agent-7", "SOFT", 10), DUE.plusSeconds(61))).isFalse();
    assertThat(dueAt(DUE.plusSeconds(120))).isEmpty();
  }

  @Test
  void anActionNamingTheAlertSparesIt() {
    book.open(alert("a-1", "agent-7", "SOFT", 10), SENT);
    book.open(alert("a-2", "agent-8", "SOFT", 11), SENT);
    actedOn.record("a-1", "agent-7", null, RAISED.plusSeconds(5), SENT.plusSeconds(60));
    assertThat(dueAt(DUE)).containsExactly("a-2");
  }

  @Test
  void anActionOnTheAgentAndCategorySparesAlertsRaisedBeforeIt() {
    book.open(alert("a-1", "agent-7", "SOFT", 10), SENT);
    book.open(alert("a-2", "agent-7", "HARD", 11), SENT);
    book.open(alert("a-3", "agent-8", "SOFT", 12), SENT);
    actedOn.record(null, "agent-7", "SOFT", RAISED.plusSeconds(5), SENT.plusSeconds(60));
    assertThat(dueAt(DUE)).containsExactlyInAnyOrder("a-2", "a-3");
  }

  @Test
  void anActionOnTheCategoryTakenBeforeTheAlertDoesNotAnswerIt() {
    actedOn.record(null, "agent-7", "SOFT", RAISED.minusSeconds(3600), SENT);
    book.open(alert("a-1", "agent-7", "SOFT", 10), SENT);
    assertThat(dueAt(DUE)).containsExactly("a-1");
  }

  @Test
  void anActionThatArrivedBeforeTheAlertStillCounts() {
    actedOn.record("a-1", "agent-7", null, RAISED, SENT);
    book.open(alert("a-1", "agent-7", "SOFT", 10), SENT);
    assertThat(dueAt(DUE)).isEmpty();
    assertThat(book.size()).isZero();
  }

  @Test
  void anActionNamingNeitherAlertNorCategoryAnswersNothing() {
    book.open(alert("a-1", "agent-7", "SOFT", 10), SENT);
    actedOn.record(null, "agent-7", null, RAISED.plusSeconds(5), SENT);
    assertThat(actedOn.size()).isZero();
    assertThat(dueAt(DUE)).containsExactly("a-1");
  }

  @Test
  void aRecoveryOfTheAgentAndCategorySparesEarlierSlips() {
    book.open(alert("a-1", "agent-7", "SOFT", 10), SENT);
    book.open(alert("a-2", "agent-7", "HARD", 11), SENT);
    book.recovered("agent-7", "SOFT", RAISED.plusSeconds(3600));
    assertThat(dueAt(DUE)).containsExactly("a-2");
  }

  @Test
  void aRecoveryOlderThanTheSlipDoesNotSpareIt() {
    book.open(alert("a-1", "agent-7", "SOFT", 10), SENT);
    book.recovered("agent-7", "SOFT", RAISED.minusSeconds(1));
    assertThat(dueAt(DUE)).containsExactly("a-1");
  }

  @Test
  void offWhenZero() {
    OpenAlerts<String> off = new OpenAlerts<>(new ReminderSettings(Duration.ZERO));
    assertThat(off.open(alert("a-1", "agent-7", "SOFT", 10), SENT)).isFalse();
    assertThat(off.sweep(DUE, actedOn).due()).isEmpty();
    assertThat(off.size()).isZero();
  }

  @Test
  void aReminderFarOverdueIsDroppedNotSentLate() {
    book.open(alert("a-1", "agent-7", "SOFT", 10), SENT);
    OpenAlerts.Sweep<String> sweep = book.sweep(DUE.plus(AFTER).plusSeconds(1), actedOn);
    assertThat(sweep.due()).isEmpty();
    assertThat(sweep.stale()).extracting(OpenAlert::alertId).containsExactly("a-1");
    assertThat(book.size()).isZero();
  }

  @Test
  void anAlertSentLongerAgoThanTheWindowIsNotOpened() {
    assertThat(book.open(alert("a-1", "agent-7", "SOFT", 10), SENT.plus(AFTER.multipliedBy(2)).plusSeconds(1))).isFalse();
  }

  @Test
  void theLowestOffsetStillWaitingOrBeingRemindedIsWhereARestartReadsAgain() {
    book.open(alert("a-1", "agent-7", "SOFT", 10), SENT);
    book.open(new OpenAlert<>("a-2", "agent-8", "SOFT", RAISED, SENT.plusSeconds(3600), 0, 11, "p"), SENT);
    book.open(new OpenAlert<>("a-3", "agent-9", "SOFT", RAISED, SENT, 1, 4, "p"), SENT);
    assertThat(book.lowestOffset(0)).hasValue(10);
    assertThat(dueAt(DUE)).containsExactlyInAnyOrder("a-1", "a-3");
    assertThat(book.lowestOffset(0)).hasValue(10);
    book.reminded("a-1");
    assertThat(book.lowestOffset(0)).hasValue(11);
    book.forget(List.of(1));
    assertThat(book.lowestOffset(1)).isEmpty();
    assertThat(book.lowestOffset(2)).isEmpty();
  }

  @Test
  void actionsAreForgottenAfterTheWindow() {
    actedOn.record("a-1", "agent-7", null, RAISED, SENT);
    actedOn.record(null, "agent-7", "SOFT", RAISED, SENT.plusSeconds(10));
    actedOn.forgetBefore(SENT.plusSeconds(5));
    assertThat(actedOn.covers("a-1", "agent-7", "HARD", RAISED)).isFalse();
    assertThat(actedOn.covers("a-2", "agent-7", "SOFT", RAISED)).isTrue();
    actedOn.forgetBefore(SENT.plusSeconds(11));
    assertThat(actedOn.size()).isZero();
  }
}
