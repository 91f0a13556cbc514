package com.coachstream.streams.scoring;

import com.coachstream.avro.SkillCategory;
import com.coachstream.streams.slip.CategoryState;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compact, versioned binary form of {@link AgentState}; the state is read and written on every event, so
 * it must be cheap. Skill ids are written once in a string table and referred to by index. A new layout
 * gets a new version byte, and the reader keeps understanding the old ones.
 */
public final class AgentStateCodec {

  static final byte VERSION_1 = 1;
  private static final SkillCategory[] CATEGORIES = SkillCategory.values();

  private AgentStateCodec() { }

  public static byte[] encode(AgentState state) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeByte(VERSION_1);
      out.writeLong(state.newestEventTime());
      out.writeLong(state.dirtyFrom());
      out.writeLong(state.dirtyTo());
      writeNullable(out, state.teamId());
      out.writeInt(state.categories().size());
      for (Map.Entry<SkillCategory, CategoryState> e : state.categories().entrySet()) {
        out.writeByte(e.getKey().ordinal());
        out.writeBoolean(e.getValue().slipping());
        out.writeLong(e.getValue().lastSlipAt());
      }
      StringTable skills = new StringTable();
      ByteArrayOutputStream sliceBytes = new ByteArrayOutputStream(1024);
      DataOutputStream sliceOut = new DataOutputStream(sliceBytes);
      sliceOut.writeInt(state.slices().size());
      for (Map.Entry<Long, Slice> e : state.slices().entrySet()) {
        sliceOut.writeLong(e.getKey());
        writeSlice(sliceOut, e.getValue(), skills);
      }
      out.writeInt(skills.names.size());
      for (String name : skills.names) {
        out.writeUTF(name);
      }
      sliceOut.flush();
      sliceBytes.writeTo(out);
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static AgentState decode(byte[] data) {
    try {
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
      byte version = in.readByte();
      if (version != VERSION_1) {
        throw new IllegalStateException("Unknown agent state version " + version);
      }
      AgentState state = new AgentState();
      long newest = in.readLong();
      if (newest != AgentState.NONE) {
        state.observedEventTime(newest);
      }
      state.setDirty(in.readLong(), in.readLong());
      state.teamId(readNullable(in));
      int categories = in.readInt();
      for (int i = 0; i < categories; i++) {
        SkillCategory category = CATEGORIES[in.readByte()];
        state.category(category, new CategoryState(in.readBoolean(), in.readLong()));
      }
      String[] skills = new String[in.readInt()];
      for (int i = 0; i < skills.length; i++) {
        skills[i] = in.readUTF();
      }
      int slices = in.readInt();
      for (int i = 0; i < slices; i++) {
        readSlice(in, state.slice(in.readLong()), skills);
      }
      return state;
    } catch (IOException e) {
      throw new UncheckedIOException("Corrupt agent state", e);
    }
  }

  private static void writeSlice(DataOutputStream out, Slice slice, StringTable skills) throws IOException {
    out.writeInt(slice.interactionSkills.size());
    for (Map.Entry<String, SkillAggregate> e : slice.interactionSkills.entrySet()) {
      SkillAggregate a = e.getValue();
      out.writeInt(skills.index(e.getKey()));
      out.writeByte(a.category().ordinal());
      out.writeDouble(a.weightedSum());
      out.writeDouble(a.weight());
      out.writeInt(a.count());
      out.writeDouble(a.min());
      out.writeDouble(a.max());
    }
    out.writeInt(slice.interactionSources.size());
    for (Map.Entry<SkillCategory, Integer> e : slice.interactionSources.entrySet()) {
      out.writeByte(e.getKey().ordinal());
      out.writeInt(e.getValue());
    }
    out.writeInt(slice.interactionEvidence.size());
    for (Map.Entry<SkillCategory, List<Evidence>> e : slice.interactionEvidence.entrySet()) {
      out.writeByte(e.getKey().ordinal());
      out.writeInt(e.getValue().size());
      for (Evidence evidence : e.getValue()) {
        out.writeUTF(evidence.sourceId());
        out.writeInt(skills.index(evidence.skill()));
        out.writeDouble(evidence.score());
        out.writeLong(evidence.time());
      }
    }
    KpiSums k = slice.kpis;
    out.writeInt(k.interactions);
    out.writeDouble(k.csatSum);
    out.writeInt(k.csatCount);
    out.writeInt(k.resolvedKnown);
    out.writeInt(k.resolvedTrue);
    out.writeDouble(k.handleSecondsSum);
    out.writeDouble(k.sentimentSum);
    out.writeInt(k.sentimentCount);
    out.writeLong(slice.latestInteractionTime);
    out.writeInt(slice.interactionIdHashes.size());
    for (long hash : slice.interactionIdHashes) {
      out.writeLong(hash);
    }
    out.writeInt(slice.evaluations.size());
    for (RecordedEvaluation evaluation : slice.evaluations.values()) {
      out.writeUTF(evaluation.evaluationId());
      out.writeLong(evaluation.eventTime());
      out.writeLong(evaluation.fingerprint());
      out.writeBoolean(evaluation.retracted());
      out.writeInt(evaluation.observations().size());
      for (Observation o : evaluation.observations()) {
        out.writeInt(skills.index(o.skill()));
        out.writeByte(o.category().ordinal());
        out.writeDouble(o.score());
        out.writeDouble(o.weight());
      }
    }
  }

  private static void readSlice(DataInputStream in, Slice slice, String[] skills) throws IOException {
    int n = in.readInt();
    for (int i = 0; i < n; i++) {
      String skill = skills[in.readInt()];
      slice.interactionSkills.put(skill, new SkillAggregate(CATEGORIES[in.readByte()], in.readDouble(), in.readDouble(),
          in.readInt(), in.readDouble(), in.readDouble()));
    }
    n = in.readInt();
    for (int i = 0; i < n; i++) {
      slice.interactionSources.put(CATEGORIES[in.readByte()], in.readInt());
    }
    n = in.readInt();
    for (int i = 0; i < n; i++) {
      SkillCategory category = CATEGORIES[in.readByte()];
      int k = in.readInt();
      List<Evidence> worst = new ArrayList<>(k);
      for (int j = 0; j < k; j++) {
        worst.add(new Evidence(in.readUTF(), skills[in.readInt()], in.readDouble(), in.readLong()));
      }
      slice.interactionEvidence.put(category, worst);
    }
    KpiSums k = slice.kpis;
    k.interactions = in.readInt();
    k.csatSum = in.readDouble();
    k.csatCount = in.readInt();
    k.resolvedKnown = in.readInt();
    k.resolvedTrue = in.readInt();
    k.handleSecondsSum = in.readDouble();
    k.sentimentSum = in.readDouble();
    k.sentimentCount = in.readInt();
    slice.latestInteractionTime = in.readLong();
    n = in.readInt();
    for (int i = 0; i < n; i++) {
      slice.interactionIdHashes.add(in.readLong());
    }
    n = in.readInt();
    for (int i = 0; i < n; i++) {
      String id = in.readUTF();
      long time = in.readLong();
      long fingerprint = in.readLong();
      boolean retracted = in.readBoolean();
      int count = in.readInt();
      List<Observation> observations = new ArrayList<>(count);
      for (int j = 0; j < count; j++) {
        observations.add(new Observation(skills[in.readInt()], CATEGORIES[in.readByte()], in.readDouble(),
            in.readDouble(), time, id));
      }
      slice.putEvaluation(new RecordedEvaluation(id, time, fingerprint, retracted, List.copyOf(observations)));
    }
  }

  private static void writeNullable(DataOutputStream out, String value) throws IOException {
    out.writeBoolean(value != null);
    if (value != null) {
      out.writeUTF(value);
    }
  }

  private static String readNullable(DataInputStream in) throws IOException {
    return in.readBoolean() ? in.readUTF() : null;
  }

  /** Skill ids in first-use order, each written once. */
  private static final class StringTable {
    final List<String> names = new ArrayList<>();
    final Map<String, Integer> indexes = new HashMap<>();

    int index(String name) {
      return indexes.computeIfAbsent(name, n -> {
        names.add(n);
        return names.size() - 1;
      });
    }
  }
}
