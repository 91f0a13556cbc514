package com.coachstream.schemas.topics;

import org.apache.kafka.common.serialization.Serde;

/**
 * A topic with its serdes, so a call site reads {@code Consumed.with(t.keySerde(), t.valueSerde())} and no
 * topic name is spelled anywhere else. {@code compacted}: keep the latest value per key.
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, boolean compacted) { }
