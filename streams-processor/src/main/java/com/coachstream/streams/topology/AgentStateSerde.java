package com.coachstream.streams.topology;

import com.coachstream.streams.scoring.AgentState;
import com.coachstream.streams.scoring.AgentStateCodec;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** Kafka serde of the per-agent state store, over the versioned binary {@link AgentStateCodec}. */
public final class AgentStateSerde implements Serde<AgentState> {

  @Override
  public Serializer<AgentState> serializer() {
    return (topic, state) -> state == null ? null : AgentStateCodec.encode(state);
  }

  @Override
  public Deserializer<AgentState> deserializer() {
    return (topic, bytes) -> bytes == null ? null : AgentStateCodec.decode(bytes);
  }
}
