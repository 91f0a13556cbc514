package com.coachstream.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DecodedCacheTest {

  /** A value changed in place, as the scoring processor changes agent states and slices. */
  static final class Counter {
    int value;

    Counter(int value) {
      this.value = value;
    }
  }

  private final AtomicInteger decodes = new AtomicInteger();
  private final Serde<Counter> serde = Serdes.serdeFrom(
      (topic, counter) -> counter == null ? null : String.valueOf(counter.value).getBytes(StandardCharsets.UTF_8),
      (topic, bytes) -> {
        decodes.incrementAndGet();
        return bytes == null ? null : new Counter(Integer.parseInt(new String(bytes, StandardCharsets.UTF_8)));
      });
  private final KeyValueStore<String, Counter> store = store(serde);

  private static KeyValueStore<String, Counter> store(Serde<Counter> serde) {
    KeyValueStore<String, Counter> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("counters"),
        Serdes.String(), serde).withLoggingDisabled().withCachingDisabled().build();
    store.init(new MockProcessorContext<>().getStateStoreContext(), store);
    return store;
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void decodesAKeyOnceWhileItIsKept() {
    store.put("a1", new Counter(1));
    DecodedCache<String, Counter> cache = new DecodedCache<>(store, 10);
    Counter first = cache.get("a1");
    assertThat(cache.get("a1")).isSameAs(first);
    assertThat(decodes).hasValue(1);
    assertThat(cache.get("unknown")).isNull();
    assertThat(cache.size()).isEqualTo(1);
  }

  @Test
  void writesGoThroughToTheStore() {
    DecodedCache<String, Counter> cache = new DecodedCache<>(store, 10);
    Counter written = new Counter(7);
    cache.put("a1", written);
    assertThat(store.get("a1").value).isEqualTo(7);
    assertThat(cache.get("a1")).isSameAs(written);
    cache.delete("a1");
    assertThat(store.get("a1")).isNull();
    assertThat(cache.get("a1")).isNull();
  }

  @Test
  void keepsOnlyTheMostRecentlyUsedKeys() {
    DecodedCache<String, Counter> cache = new DecodedCache<>(store, 2);
    cache.put("a1", new Counter(1));
    cache.put("a2", new Counter(2));
    cache.get("a1"); // a2 is now the least recently used
    cache.put("a3", new Counter(3));
    assertThat(cache.size()).isEqualTo(2);
    decodes.set(0);
    assertThat(cache.get("a1").value).isEqualTo(1);
    assertThat(decodes).as("a1 was kept").hasValue(0);
    assertThat(cache.get("a2").value).isEqualTo(2);
    assertThat(decodes).as("a2 was dropped and decoded again").hasValue(1);
  }

  @Test
  void aForgottenOrClearedValueIsReadAgainFromTheStoreNotAsChangedInPlace() {
    DecodedCache<String, Counter> cache = new DecodedCache<>(store, 10);
    cache.put("a1", new Counter(1));
    cache.put("a2", new Counter(2));
    cache.get("a1").value = 99; // changed in place, never written (the processing failed half-way)
    cache.forget("a1");
    assertThat(cache.get("a1").value).isEqualTo(1);
    cache.get("a2").value = 98;
    cache.clear();
    assertThat(cache.size()).isZero();
    assertThat(cache.get("a2").value).isEqualTo(2);
  }

  @Test
  void keepsNoValuesWhileReadsDoNotFindTheirKeysAndKeepsThemAgainOnceTheyDo() {
    for (int i = 1; i <= 6; i++) {
      store.put("a" + i, new Counter(i));
    }
    DecodedCache<String, Counter> cache = new DecodedCache<>(store, 2); // judged every 4 reads
    for (int i = 1; i <= 4; i++) {
      cache.get("a" + i); // more agents than the capacity: no read finds its key
    }
    assertThat(cache.keepsValues()).isFalse();
    decodes.set(0);
    Counter first = cache.get("a5");
    Counter again = cache.get("a5");
    assertThat(again).as("decoded again, as without a cache").isNotSameAs(first);
    assertThat(again.value).isEqualTo(5);
    assertThat(decodes).hasValue(2);

    Counter written = new Counter(50);
    cache.put("a5", written);
    assertThat(cache.get("a5")).as("a write is not kept either, but reaches the store").isNotSameAs(written);
    assertThat(cache.get("a5").value).isEqualTo(50);
    assertThat(cache.keepsValues()).as("three of the last four reads found their key").isTrue();
    Counter kept = cache.get("a5");
    assertThat(cache.get("a5")).isSameAs(kept);
  }

  @Test
  void aValueChangedInPlaceButNotKeptIsReadAsWrittenOnceItIsPut() {
    for (int i = 1; i <= 4; i++) {
      store.put("a" + i, new Counter(i));
    }
    DecodedCache<String, Counter> cache = new DecodedCache<>(store, 1); // judged every 2 reads
    cache.get("a1");
    cache.get("a2");
    assertThat(cache.keepsValues()).isFalse();
    Counter changed = cache.get("a3");
    changed.value = 33;
    cache.put("a3", changed);
    assertThat(cache.get("a3").value).isEqualTo(33);
    assertThat(store.get("a3").value).isEqualTo(33);
  }

  @Test
  void refusesAnEmptyBound() {
    assertThatThrownBy(() -> new DecodedCache<>(store, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
