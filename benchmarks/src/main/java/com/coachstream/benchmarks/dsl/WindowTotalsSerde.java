package com.coachstream.benchmarks.dsl;

import com.coachstream.avro.SkillCategory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** Compact binary serde of {@link WindowTotals} for the DSL's window store. */
public final class WindowTotalsSerde implements Serde<WindowTotals> {

  private static final SkillCategory[] CATEGORIES = SkillCategory.values();

  @Override
  public Serializer<WindowTotals> serializer() {
    return (topic, totals) -> totals == null ? null : encode(totals);
  }

  @Override
  public Deserializer<WindowTotals> deserializer() {
    return (topic, bytes) -> bytes == null ? null : decode(bytes);
  }

  static byte[] encode(WindowTotals t) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeBoolean(t.teamId != null);
      if (t.teamId != null) {
        out.writeUTF(t.teamId);
      }
      out.writeLong(t.latestEventTime);
      out.writeByte(t.skills.size());
      for (Map.Entry<String, WindowTotals.Skill> e : t.skills.entrySet()) {
        WindowTotals.Skill s = e.getValue();
        out.writeUTF(e.getKey());
        out.writeByte(s.category.ordinal());
        out.writeDouble(s.weightedSum);
        out.writeDouble(s.weight);
        out.writeInt(s.count);
        out.writeDouble(s.min);
        out.writeDouble(s.max);
      }
      for (int n : t.samples) {
        out.writeInt(n);
      }
      out.writeInt(t.interactions);
      out.writeInt(t.csatSum);
      out.writeInt(t.csatCount);
      out.writeInt(t.resolvedKnown);
      out.writeInt(t.resolvedTrue);
      out.writeDouble(t.handleSeconds);
      out.writeDouble(t.sentimentSum);
      out.writeInt(t.sentimentCount);
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static WindowTotals decode(byte[] data) {
    try {
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
      WindowTotals t = new WindowTotals();
      t.teamId = in.readBoolean() ? in.readUTF() : null;
      t.latestEventTime = in.readLong();
      int skills = in.readByte();
      for (int i = 0; i < skills; i++) {
        String name = in.readUTF();
        WindowTotals.Skill s = new WindowTotals.Skill();
        s.category = CATEGORIES[in.readByte()];
        s.weightedSum = in.readDouble();
        s.weight = in.readDouble();
        s.count = in.readInt();
        s.min = in.readDouble();
        s.max = in.readDouble();
        t.skills.put(name, s);
      }
      for (int c = 0; c < CATEGORIES.length; c++) {
        t.samples[c] = in.readInt();
      }
      t.interactions = in.readInt();
      t.csatSum = in.readInt();
      t.csatCount = in.readInt();
      t.resolvedKnown = in.readInt();
      t.resolvedTrue = in.readInt();
      t.handleSeconds = in.readDouble();
      t.sentimentSum = in.readDouble();
      t.sentimentCount = in.readInt();
      return t;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
