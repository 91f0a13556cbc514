package com.coachstream.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeliveryLedgerTest {

  private final DeliveryLedger ledger = new DeliveryLedger();

  @Test
  void aPairIsClaimedOnce() {
    assertThat(ledger.claim(0, "a1", "slack")).isTrue();
    assertThat(ledger.claim(0, "a1", "slack")).isFalse();
    assertThat(ledger.claim(0, "a1", "email")).isTrue();
  }

  @Test
  void loadedStateCountsAsSettled() {
    ledger.load(2, List.of(DeliveryLedger.key("a1", "slack")));
    assertThat(ledger.isLoaded(2)).isTrue();
    assertThat(ledger.claim(2, "a1", "slack")).isFalse();
    assertThat(ledger.claim(2, "a2", "slack")).isTrue();
  }

  @Test
  void loadingAddsToWhatIsClaimedAlready() {
    ledger.claim(1, "a1", "log");
    ledger.load(1, List.of(DeliveryLedger.key("a2", "log")));
    assertThat(ledger.claim(1, "a1", "log")).isFalse();
    assertThat(ledger.claim(1, "a2", "log")).isFalse();
  }

  @Test
  void retainOnlyForgetsOtherPartitions() {
    ledger.claim(0, "a1", "log");
    ledger.claim(1, "a2", "log");
    ledger.retainOnly(Set.of(1));
    assertThat(ledger.isLoaded(0)).isFalse();
    assertThat(ledger.size()).isEqualTo(1);
  }

  @Test
  void routeAndAlertIdCannotCollideInTheKey() {
    assertThat(DeliveryLedger.key("a", "bc")).isNotEqualTo(DeliveryLedger.key("ab", "c"));
  }

  @Test
  void aReminderIsClaimedOnceAndApartFromItsAlert() {
    assertThat(ledger.claim(0, "a1", "slack")).isTrue();
    assertThat(ledger.isReminded(0, "a1", "slack")).isFalse();
    assertThat(ledger.claimReminder(0, "a1", "slack")).isTrue();
    assertThat(ledger.claimReminder(0, "a1", "slack")).isFalse();
    assertThat(ledger.isReminded(0, "a1", "slack")).isTrue();
    ledger.load(1, List.of(DeliveryLedger.reminderKey("a2", "log")));
    assertThat(ledger.claimReminder(1, "a2", "log")).isFalse();
    assertThat(ledger.claim(1, "a2", "log")).isTrue();
  }

  @Test
  void theFirstSendIsKeptUntilForgotten() {
    Instant t0 = Instant.parse("2024-03-10T14:30:00Z");
    ledger.loadFirstSent(0, Map.of("a1", t0.plusSeconds(5)));
    assertThat(ledger.noteSent(0, "a1", t0)).isEqualTo(t0);
    assertThat(ledger.noteSent(0, "a1", t0.plusSeconds(60))).isEqualTo(t0);
    assertThat(ledger.firstSent(0, "a1")).isEqualTo(t0);
    assertThat(ledger.firstSent(1, "a1")).isNull();
    ledger.forgetSentBefore(t0.plusSeconds(1));
    assertThat(ledger.firstSent(0, "a1")).isNull();
  }
}
