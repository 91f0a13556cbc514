package com.coachstream.notifier.delivery;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which (alert, route) pairs are settled — delivered, dead-lettered, or being delivered right now — so an
 * alert reaches each route once. Kept per ledger partition (a partition of the deliveries topic) because
 * that is the unit in which the state is read back from Kafka when alert partitions are assigned.
 */
public final class DeliveryLedger {

  private final Map<Integer, Set<String>> settled = new HashMap<>();

  public static String key(String alertId, String route) {
    return alertId + '\u0000' + route;
  }

  public synchronized boolean isLoaded(int ledgerPartition) {
    return settled.containsKey(ledgerPartition);
  }

  /** State read back from Kafka; keys from {@link #key}. */
  public synchronized void load(int ledgerPartition, Collection<String> keys) {
    settled.computeIfAbsent(ledgerPartition, p -> new HashSet<>()).addAll(keys);
  }

  /** Claims the pair for delivery: true the first time, false when it was settled or claimed before. */
  public synchronized boolean claim(int ledgerPartition, String alertId, String route) {
    return settled.computeIfAbsent(ledgerPartition, p -> new HashSet<>()).add(key(alertId, route));
  }

  /** Forgets partitions no longer needed: another instance owns them now and will read them back itself. */
  public synchronized void retainOnly(Set<Integer> ledgerPartitions) {
    settled.keySet().retainAll(ledgerPartitions);
  }

  public synchronized int size() {
    return settled.values().stream().mapToInt(Set::size).sum();
  }
}
