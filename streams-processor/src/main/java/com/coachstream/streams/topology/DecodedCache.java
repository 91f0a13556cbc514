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
 * <p>Bounded: least recently used agents are dropped beyond {@code capacity}, so its memory does not grow
 * with the number of agents a task owns. Used by the stream thread only (not thread-safe).
 */
final class DecodedCache<K, V> {

  private final KeyValueStore<K, V> store;
  private final Map<K, V> recent;

  DecodedCache(KeyValueStore<K, V> store, int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
    }
    this.store = store;
    this.recent = new LinkedHashMap<>(Math.min(capacity, 1024) * 2, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > capacity;
      }
    };
  }

  /** The key's value, or null when the store has none. */
  V get(K key) {
    V value = recent.get(key);
    if (value == null) {
      value = store.get(key);
      if (value != null) {
        recent.put(key, value);
      }
    }
    return value;
  }

  /** Writes {@code value} to the store and keeps it as the key's decoded value. */
  void put(K key, V value) {
    store.put(key, value);
    recent.put(key, value);
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

  int size() {
    return recent.size();
  }
}
