package com.coachstream.notifier.delivery;

import java.util.HashMap;
import java.util.Map;
import java.util.Map.Entry;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * Offsets whose deliveries are still running, per partition. Deliveries finish out of order (a slow route
 * must not hold back the others), but a consumer offset may only move past a record once everything before
 * it is settled and recorded, so the committable offset is the one after the longest settled prefix.
 * A delivery that could not be recorded (future completed exceptionally) blocks its partition for good:
 * committing past it would lose the record.
 */
public final class PendingOffsets {

  private final Map<Integer, TreeMap<Long, CompletableFuture<?>>> pending = new HashMap<>();

  public void add(int partition, long offset, CompletableFuture<?> done) {
    pending.computeIfAbsent(partition, p -> new TreeMap<>()).put(offset, done);
  }

  /**
   * The offset to commit for {@code partition} (the next one to read), when it moved since the last call;
   * empty when nothing new is settled.
   */
  public OptionalLong takeCommittable(int partition) {
    TreeMap<Long, CompletableFuture<?>> offsets = pending.get(partition);
    long next = -1;
    while (offsets != null && !offsets.isEmpty()) {
      Entry<Long, CompletableFuture<?>> first = offsets.firstEntry();
      if (!first.getValue().isDone() || first.getValue().isCompletedExceptionally()) {
        break;
      }
      next = first.getKey() + 1;
      offsets.pollFirstEntry();
    }
    return next < 0 ? OptionalLong.empty() : OptionalLong.of(next);
  }

  /** Every pending delivery of these partitions, to wait for before giving them up in a rebalance. */
  public CompletableFuture<Void> allOf(Iterable<Integer> partitions) {
    var futures = new java.util.ArrayList<CompletableFuture<?>>();
    partitions.forEach(p -> futures.addAll(pending.getOrDefault(p, new TreeMap<>()).values()));
    return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new));
  }

  public void remove(int partition) {
    pending.remove(partition);
  }

  public int size() {
    return pending.values().stream().mapToInt(Map::size).sum();
  }
}
