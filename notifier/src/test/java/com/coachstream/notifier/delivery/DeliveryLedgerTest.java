package com.coachstream.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
}
