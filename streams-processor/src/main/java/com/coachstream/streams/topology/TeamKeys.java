package com.coachstream.streams.topology;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Bytes;

/**
 * Keys of the team stores, ordered so that one team's records are one contiguous range: team id, a zero
 * byte (ids never hold one), then for days the day start (sign bit flipped, big-endian, so bytes sort like
 * the numbers) and the agent id, for sessions the session id.
 */
final class TeamKeys {

  private TeamKeys() { }

  /** A day of an agent; with an empty agent id, the lower bound of every agent's record of that day. */
  static Bytes day(String teamId, long dayStart, String agentId) {
    byte[] team = teamId.getBytes(StandardCharsets.UTF_8);
    byte[] agent = agentId.getBytes(StandardCharsets.UTF_8);
    return Bytes.wrap(ByteBuffer.allocate(team.length + 1 + Long.BYTES + agent.length)
        .put(team).put((byte) 0).putLong(dayStart ^ Long.MIN_VALUE).put(agent).array());
  }

  static Bytes session(String teamId, String sessionId) {
    byte[] team = teamId.getBytes(StandardCharsets.UTF_8);
    byte[] session = sessionId.getBytes(StandardCharsets.UTF_8);
    return Bytes.wrap(ByteBuffer.allocate(team.length + 1 + session.length).put(team).put((byte) 0).put(session).array());
  }

  static Bytes sessionsFrom(String teamId) {
    return session(teamId, "");
  }

  /** Past every session of the team (a one byte after the team id). */
  static Bytes sessionsTo(String teamId) {
    byte[] team = teamId.getBytes(StandardCharsets.UTF_8);
    return Bytes.wrap(ByteBuffer.allocate(team.length + 1).put(team).put((byte) 1).array());
  }

  /** A member of a team in the team-members store (family 'm'): its newest event time. */
  static Bytes member(String teamId, String agentId) {
    byte[] team = teamId.getBytes(StandardCharsets.UTF_8);
    byte[] agent = agentId.getBytes(StandardCharsets.UTF_8);
    return Bytes.wrap(ByteBuffer.allocate(team.length + 2 + agent.length).put(team).put((byte) 0).put((byte) 'm')
        .put(agent).array());
  }

  /** The same member in the index by time (family 't'): time (sign bit flipped, so bytes sort like numbers), agent. */
  static Bytes memberByTime(String teamId, long time, String agentId) {
    byte[] team = teamId.getBytes(StandardCharsets.UTF_8);
    byte[] agent = agentId.getBytes(StandardCharsets.UTF_8);
    return Bytes.wrap(ByteBuffer.allocate(team.length + 2 + Long.BYTES + agent.length).put(team).put((byte) 0)
        .put((byte) 't').putLong(time ^ Long.MIN_VALUE).put(agent).array());
  }

  static Bytes membersByTimeFrom(String teamId) {
    byte[] team = teamId.getBytes(StandardCharsets.UTF_8);
    return Bytes.wrap(ByteBuffer.allocate(team.length + 2).put(team).put((byte) 0).put((byte) 't').array());
  }

  /** Past the team's whole index by time (the family byte after 't'). */
  static Bytes membersByTimeTo(String teamId) {
    byte[] team = teamId.getBytes(StandardCharsets.UTF_8);
    return Bytes.wrap(ByteBuffer.allocate(team.length + 2).put(team).put((byte) 0).put((byte) ('t' + 1)).array());
  }
}
