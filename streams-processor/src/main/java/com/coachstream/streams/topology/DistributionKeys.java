package com.coachstream.streams.topology;

import com.coachstream.avro.SkillCategory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Bytes;

/**
 * Keys of the team-relative rule's records. In the team's stores one team's records are one contiguous range
 * (team id, a zero byte, a family byte), windows sorted by start (sign bit flipped, big-endian), so the
 * windows a team drops are one range. On the distributions topic and in the global store: {@code
 * <CATEGORY>/<windowStart>/<teamId>}, readable in tools.
 */
final class DistributionKeys {

  private static final byte HISTOGRAM = 'h';
  private static final byte NEWEST = 'n';

  private DistributionKeys() { }

  static String published(String teamId, SkillCategory category, long windowStart) {
    return category.name() + "/" + windowStart + "/" + teamId;
  }

  /** A histogram of the team-distributions store: team, window start, category. */
  static Bytes histogram(String teamId, long windowStart, SkillCategory category) {
    return Bytes.wrap(prefix(teamId, HISTOGRAM, Long.BYTES + 1).putLong(windowStart ^ Long.MIN_VALUE)
        .put((byte) category.ordinal()).array());
  }

  /** Before every histogram of the team starting at or after {@code windowStart}. */
  static Bytes histogramsFrom(String teamId, long windowStart) {
    return Bytes.wrap(prefix(teamId, HISTOGRAM, Long.BYTES).putLong(windowStart ^ Long.MIN_VALUE).array());
  }

  /** Past every histogram of the team. */
  static Bytes histogramsEnd(String teamId) {
    return Bytes.wrap(prefix(teamId, (byte) (HISTOGRAM + 1), 0).array());
  }

  static long windowOfHistogram(Bytes key) {
    byte[] bytes = key.get();
    return ByteBuffer.wrap(bytes, bytes.length - 1 - Long.BYTES, Long.BYTES).getLong() ^ Long.MIN_VALUE;
  }

  /** The team's newest window start, in the team-distributions store. */
  static Bytes newest(String teamId) {
    return Bytes.wrap(prefix(teamId, NEWEST, 0).array());
  }

  /** A member's bucket in the team-member-scores store: team, window start, category, agent. */
  static Bytes member(String teamId, long windowStart, SkillCategory category, String agentId) {
    byte[] agent = agentId.getBytes(StandardCharsets.UTF_8);
    return Bytes.wrap(prefix(teamId, (byte) 'm', Long.BYTES + 1 + agent.length).putLong(windowStart ^ Long.MIN_VALUE)
        .put((byte) category.ordinal()).put(agent).array());
  }

  /** Before every member record of the team's windows starting at or after {@code windowStart}. */
  static Bytes membersFrom(String teamId, long windowStart) {
    return Bytes.wrap(prefix(teamId, (byte) 'm', Long.BYTES).putLong(windowStart ^ Long.MIN_VALUE).array());
  }

  private static ByteBuffer prefix(String teamId, byte family, int more) {
    byte[] team = teamId.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(team.length + 2 + more).put(team).put((byte) 0).put(family);
  }
}
