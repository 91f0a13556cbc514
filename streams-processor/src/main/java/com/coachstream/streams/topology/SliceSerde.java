package com.coachstream.streams.topology;

import com.coachstream.streams.scoring.Slice;
import com.coachstream.streams.scoring.SliceCodec;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** Kafka serde of the per-agent slices store, over the versioned binary {@link SliceCodec}. */
public final class SliceSerde implements Serde<Slice> {

  @Override
  public Serializer<Slice> serializer() {
    return (topic, slice) -> slice == null ? null : SliceCodec.encode(slice);
  }

  @Override
  public Deserializer<Slice> deserializer() {
    return (topic, bytes) -> bytes == null ? null : SliceCodec.decode(bytes);
  }
}
