package com.coachstream.streams.topology;

import com.coachstream.avro.SkillCategory;
import com.coachstream.streams.team.MemberScores;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** Binary serde of {@link MemberScores} on the team-scores repartition topic (internal: a version byte first). */
final class MemberScoresSerde implements Serde<MemberScores> {

  private static final byte VERSION = 1;

  @Override
  public Serializer<MemberScores> serializer() {
    return (topic, value) -> value == null ? null : encode(value);
  }

  @Override
  public Deserializer<MemberScores> deserializer() {
    return (topic, bytes) -> bytes == null ? null : decode(bytes);
  }

  static byte[] encode(MemberScores value) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      out.writeUTF(value.agentId());
      out.writeUTF(value.teamId());
      out.writeBoolean(value.left());
      out.writeLong(value.windowStart());
      out.writeByte(value.scores().size());
      for (Map.Entry<SkillCategory, Double> score : value.scores().entrySet()) {
        out.writeByte(score.getKey().ordinal());
        out.writeDouble(score.getValue());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static MemberScores decode(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      byte version = in.readByte();
      if (version != VERSION) {
        throw new IllegalArgumentException("Unknown member scores version " + version);
      }
      String agentId = in.readUTF();
      String teamId = in.readUTF();
      boolean left = in.readBoolean();
      long windowStart = in.readLong();
      Map<SkillCategory, Double> scores = new EnumMap<>(SkillCategory.class);
      int n = in.readByte();
      for (int i = 0; i < n; i++) {
        scores.put(SkillCategory.values()[in.readByte()], in.readDouble());
      }
      return new MemberScores(agentId, teamId, windowStart, scores, left);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
