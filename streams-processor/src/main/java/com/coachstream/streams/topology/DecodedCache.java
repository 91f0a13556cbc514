package com.coachstream.streams.topology;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The decoded values of a task's most recently used keys, in front of one of its state stores (the scoring
 * task's agent states and slices): a busy agent's state and current slice are decoded once, not on every
 * event. Writes go through to the store at once (so the changelog, the record cache and interactive queries
 * see every change as before); an entry is always the object last written to or read from the store.
 *
 * <p>Why it never serves state a rolled-back transaction wrote: Kafka Streams aborts a transaction only
 * together with closing the task (dirty) — on an error, a fenced producer, a lost or revoked partition —
 * and a closed task's processors are initialised again (or created anew) before they process a record: the
 * owner drops this cache in both {@code init} and {@code close}. A record whose processing fails half-way
 * (an exception after a value was changed in place) is {@link #forget forgotten}, so the next read
 * decodes what the store holds.
 *
 * <p>Bounded: least recently used keys are dropped beyond {@code capacity}, so its memory does not grow
 * with the number of agents a task owns. Used by the stream thread only (not thread-safe).
 *
 * <p>Values are kept only while they are read again: it remembers the keys of the last {@code capacity} reads and
 * writes either way, and keeps their values while at least half of the reads find their key ({@link ReuseMeter},
 * judged every {@code 2 × capacity} reads). When a task has many more agents than that (10,000 agents on 12
 * partitions are 833 a task), nearly every read misses, and a value kept until it drops out lives long enough to
 * be moved to the heap's old generation, which then fills with them: the memory benchmark's collector took
 * 11.9 % of the run with every value kept, 6.5 % with a quarter of the capacity (docs/performance.md, round nine).
 * A value not kept dies young, as a decoded value does without a cache.
 */
final class DecodedCache<K, V> {

  /** Held for a key whose value is not kept. */
  private static final Object NOT_KEPT = new Object();

  private final KeyValueStore<K, V> store;
  private final Map<K, Object> recent;
  private final ReuseMeter reuse;

  DecodedCache(KeyValueStore<K, V> store, int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
    }
    this.store = store;
    this.recent = new LinkedHashMap<>(Math.min(capacity, 1024) * 2, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, Object> eldest) {
        return size() > capacity;
      }
    };
    this.reuse = new ReuseMeter(2 * capacity);
  }

  /** The key's value, or null when the store has none. */
  @SuppressWarnings("unchecked")
  V get(K key) {
    Object held = recent.get(key);
    reuse.read(held != null);
    if (held != null && held != NOT_KEPT) {
      return (V) held;
    }
    V value = store.get(key);
    if (value != null) {
      remember(key, value);
    }
    return value;
  }

  /** Writes {@code value} to the store and remembers it as the key's decoded value. */
  void put(K key, V value) {
    store.put(key, value);
    remember(key, value);
  }

  private void remember(K key, V value) {
    recent.put(key, reuse.worthKeeping() ? value : NOT_KEPT);
  }

  void delete(K key) {
    recent.remove(key);
    store.delete(key);
  }

  /** Drops the key's entry: its object may differ from what the store holds. */
  void forget(K key) {
    recent.remove(key);
  }

  void clear() {
    recent.clear();
  }

  /** Keys remembered, whether or not with their values. */
  int size() {
    return recent.size();
  }

  /** Whether values are kept now (see the class comment). */
  boolean keepsValues() {
    return reuse.worthKeeping();
  }
}
