package com.coachstream.notifier.delivery;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which (alert, route) pairs are settled — delivered, dead-lettered, or being delivered right now — so an
 * alert reaches each route once; the same for each alert's reminder. Kept per ledger partition (a partition
 * of the deliveries topic) because that is the unit in which the state is read back from Kafka when alert
 * partitions are assigned. It also knows when recent alerts were first sent, which starts their reminder clock.
 */
public final class DeliveryLedger {

  private final Map<Integer, Set<String>> settled = new HashMap<>();
  private final Map<Integer, Map<String, Instant>> firstSent = new HashMap<>();

  public static String key(String alertId, String route) {
    return alertId + '\u0000' + route;
  }

  public static String reminderKey(String alertId, String route) {
    return key(alertId, route) + "\u0000reminder";
  }

  public synchronized boolean isLoaded(int ledgerPartition) {
    return settled.containsKey(ledgerPartition);
  }

  /** State read back from Kafka; keys from {@link #key} and {@link #reminderKey}. */
  public synchronized void load(int ledgerPartition, Collection<String> keys) {
    settled.computeIfAbsent(ledgerPartition, p -> new HashSet<>()).addAll(keys);
  }

  /** When recent alerts were first sent, read back from Kafka: the earliest attempt recorded for each. */
  public synchronized void loadFirstSent(int ledgerPartition, Map<String, Instant> times) {
    Map<String, Instant> known = firstSent.computeIfAbsent(ledgerPartition, p -> new HashMap<>());
    times.forEach((alertId, at) -> known.merge(alertId, at, (a, b) -> a.isBefore(b) ? a : b));
  }

  /** Claims the pair for delivery: true the first time, false when it was settled or claimed before. */
  public synchronized boolean claim(int ledgerPartition, String alertId, String route) {
    return settled.computeIfAbsent(ledgerPartition, p -> new HashSet<>()).add(key(alertId, route));
  }

  /** Claims the alert's reminder on the route: true the first time. */
  public synchronized boolean claimReminder(int ledgerPartition, String alertId, String route) {
    return settled.computeIfAbsent(ledgerPartition, p -> new HashSet<>()).add(reminderKey(alertId, route));
  }

  public synchronized boolean isReminded(int ledgerPartition, String alertId, String route) {
    return settled.getOrDefault(ledgerPartition, Set.of()).contains(reminderKey(alertId, route));
  }

  /** Notes that the alert is being sent now, unless an earlier first send is known. */
  public synchronized Instant noteSent(int ledgerPartition, String alertId, Instant now) {
    return firstSent.computeIfAbsent(ledgerPartition, p -> new HashMap<>()).merge(alertId, now, (a, b) -> a.isBefore(b) ? a : b);
  }

  /** When the alert was first sent, if that was recently enough to be known; null otherwise. */
  public synchronized Instant firstSent(int ledgerPartition, String alertId) {
    return firstSent.getOrDefault(ledgerPartition, Map.of()).get(alertId);
  }

  /** Forgets first-send times before {@code cutoff}: such alerts are past any reminder. */
  public synchronized void forgetSentBefore(Instant cutoff) {
    firstSent.values().forEach(times -> times.values().removeIf(at -> at.isBefore(cutoff)));
  }

  /** Forgets partitions no longer needed: another instance owns them now and will read them back itself. */
  public synchronized void retainOnly(Set<Integer> ledgerPartitions) {
    settled.keySet().retainAll(ledgerPartitions);
    firstSent.keySet().retainAll(ledgerPartitions);
  }

  public synchronized int size() {
    return settled.values().stream().mapToInt(Set::size).sum();
  }
}
