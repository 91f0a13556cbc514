package com.coachstream.streams.topology;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The value serde of a store read on every event and written rarely ({@link CoachingTopology#RULES_STORE}):
 * writes as {@code stored} does, reads through {@link DecodedOncePerValue} so an unchanged value is not
 * decoded again.
 */
final class DecodeOnceSerde<T> implements Serde<T> {

  private final Serde<T> stored;
  private final Deserializer<T> deserializer;

  DecodeOnceSerde(Serde<T> stored) {
    this.stored = stored;
    Deserializer<T> decode = stored.deserializer();
    DecodedOncePerValue<T> once = new DecodedOncePerValue<>(bytes -> decode.deserialize(null, bytes));
    // one deserializer for the store's life: the cache must outlive each call
    this.deserializer = (topic, bytes) -> once.decode(bytes);
  }

  @Override
  public Serializer<T> serializer() {
    return stored.serializer();
  }

  @Override
  public Deserializer<T> deserializer() {
    return deserializer;
  }
}
