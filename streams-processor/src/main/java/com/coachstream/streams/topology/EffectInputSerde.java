package com.coachstream.streams.topology;

import com.coachstream.avro.SkillCategory;
import com.coachstream.streams.effect.AgentDay;
import com.coachstream.streams.effect.CategorySums;
import com.coachstream.streams.effect.InMemoryMemberTimes;
import com.coachstream.streams.effect.Session;
import com.coachstream.streams.effect.TeamClock;
import com.coachstream.streams.effect.TeamMember;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Binary serde of what the coaching effect measurement keeps and sends to a team: an {@link AgentDay},
 * a {@link Session}, a {@link TeamMember} or a {@link TeamClock}, each behind a one-byte tag (the repartition
 * topic carries the first three; the team stores keep days, sessions and clocks — a clock's schedule only, its members' times are in the
 * team-members store). Internal: never read outside this application.
 */
final class EffectInputSerde<T> implements Serde<T> {

  private static final byte AGENT_DAY = 1;
  private static final byte SESSION = 2;
  private static final byte CLOCK = 3;
  private static final byte MEMBER = 4;

  @Override
  public Serializer<T> serializer() {
    return (topic, value) -> value == null ? null : encode(value);
  }

  @Override
  @SuppressWarnings("unchecked")
  public Deserializer<T> deserializer() {
    return (topic, bytes) -> bytes == null ? null : (T) decode(bytes);
  }

  static byte[] encode(Object value) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      if (value instanceof AgentDay day) {
        out.writeByte(AGENT_DAY);
        out.writeUTF(day.agentId());
        nullable(out, day.teamId());
        out.writeLong(day.dayStart());
        out.writeLong(day.settledEventTime());
        out.writeByte(day.categories().size());
        for (Map.Entry<SkillCategory, CategorySums> c : day.categories().entrySet()) {
          out.writeByte(c.getKey().ordinal());
          out.writeInt(c.getValue().samples());
          out.writeInt(c.getValue().skills().size());
          for (Map.Entry<String, CategorySums.SkillSums> s : c.getValue().skills().entrySet()) {
            out.writeUTF(s.getKey());
            out.writeDouble(s.getValue().weightedSum());
            out.writeDouble(s.getValue().weight());
          }
        }
      } else if (value instanceof Session session) {
        out.writeByte(SESSION);
        out.writeUTF(session.sessionId());
        out.writeUTF(session.agentId());
        nullable(out, session.teamId());
        nullable(out, session.coachId());
        out.writeByte(session.category().ordinal());
        out.writeLong(session.sessionAt());
      } else if (value instanceof TeamClock clock) {
        out.writeByte(CLOCK);
        out.writeLong(clock.nextClose());
        out.writeLong(clock.evaluatedDay());
      } else if (value instanceof TeamMember member) {
        out.writeByte(MEMBER);
        out.writeUTF(member.agentId());
        out.writeUTF(member.teamId());
        out.writeBoolean(member.member());
      } else {
        throw new IllegalArgumentException("Not an effect measurement value: " + value.getClass());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static Object decode(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      byte tag = in.readByte();
      switch (tag) {
        case AGENT_DAY -> {
          String agentId = in.readUTF();
          String teamId = nullable(in);
          long dayStart = in.readLong();
          long settled = in.readLong();
          Map<SkillCategory, CategorySums> categories = new EnumMap<>(SkillCategory.class);
          int n = in.readByte();
          for (int i = 0; i < n; i++) {
            SkillCategory category = SkillCategory.values()[in.readByte()];
            int samples = in.readInt();
            int skills = in.readInt();
            TreeMap<String, CategorySums.SkillSums> sums = new TreeMap<>();
            for (int j = 0; j < skills; j++) {
              sums.put(in.readUTF(), new CategorySums.SkillSums(in.readDouble(), in.readDouble()));
            }
            categories.put(category, new CategorySums(samples, sums));
          }
          return new AgentDay(agentId, teamId, dayStart, settled, categories);
        }
        case SESSION -> {
          return new Session(in.readUTF(), in.readUTF(), nullable(in), nullable(in),
              SkillCategory.values()[in.readByte()], in.readLong());
        }
        case CLOCK -> {
          // the schedule only: the members' times have a store of their own (StoredMemberTimes)
          return new TeamClock(new InMemoryMemberTimes(), in.readLong(), in.readLong());
        }
        case MEMBER -> {
          return new TeamMember(in.readUTF(), in.readUTF(), in.readBoolean());
        }
        default -> throw new IllegalArgumentException("Unknown effect measurement value tag " + tag);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void nullable(DataOutputStream out, String value) throws IOException {
    out.writeBoolean(value != null);
    if (value != null) {
      out.writeUTF(value);
    }
  }

  private static String nullable(DataInputStream in) throws IOException {
    return in.readBoolean() ? in.readUTF() : null;
  }
}
