package com.coachstream.streams.topology;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Bytes;

/**
 * Keys of the per-agent history stores, laid out so that byte order is (agent, then time) order: the agent
 * id's UTF-8 bytes, a 0 byte (agent ids never contain one), then a fixed-width suffix. A range of one
 * agent's slices is then one store range query.
 */
final class HistoryKeys {

  private static final byte INTERACTION = 'i';
  private static final byte EVALUATION = 'e';

  private HistoryKeys() { }

  /** {@code agent 0 start} with the start's sign bit flipped, so negative times sort first. */
  static Bytes slice(String agentId, long sliceStart) {
    byte[] agent = agentId.getBytes(StandardCharsets.UTF_8);
    return Bytes.wrap(ByteBuffer.allocate(agent.length + 9).put(agent).put((byte) 0)
        .putLong(sliceStart ^ Long.MIN_VALUE).array());
  }

  static long sliceStart(Bytes key) {
    byte[] bytes = key.get();
    return ByteBuffer.wrap(bytes, bytes.length - 8, 8).getLong() ^ Long.MIN_VALUE;
  }

  static Bytes interaction(String agentId, long idHash) {
    return id(agentId, INTERACTION, idHash);
  }

  static Bytes evaluation(String agentId, long idHash) {
    return id(agentId, EVALUATION, idHash);
  }

  private static Bytes id(String agentId, byte kind, long idHash) {
    byte[] agent = agentId.getBytes(StandardCharsets.UTF_8);
    return Bytes.wrap(ByteBuffer.allocate(agent.length + 10).put(agent).put((byte) 0).put(kind).putLong(idHash).array());
  }
}
