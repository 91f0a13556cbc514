package com.coachstream.streams.scoring;

import com.coachstream.avro.SkillCategory;
import com.coachstream.streams.stats.Moments;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;

/**
 * Compact, versioned binary form of a {@link Slice}: varints, exact sums, skill ids once in a
 * {@link SkillNames} table.
 * A new layout gets a new version byte, so a slice of another layout is refused with a message saying so,
 * never misread; version 1 (scores as 8-byte doubles) was only in 0.1 snapshots and is not read.
 *
 * <p>Version 3 adds statistical mode's per-event moments of the interactions ({@link CategoryMoments}).
 * A version 2 slice is read with moments derived from its aggregates: each category's interactions as
 * that many samples at their mean, sharing its weight — right in mean and weight, without the spread
 * between interactions (evaluations are kept raw, so theirs is exact). Such slices leave the state within
 * {@code window.size + baseline.size}; deriving them is deterministic, so running sums stay exact.
 */
public final class SliceCodec {

  static final byte VERSION_2 = 2;
  static final byte VERSION_3 = 3;
  private static final SkillCategory[] CATEGORIES = SkillCategory.values();

  private SliceCodec() { }

  public static byte[] encode(Slice slice) {
    return encode(slice, VERSION_3);
  }

  /** Writes {@code version} 3, or 2 (without moments) for tests of the migration. */
  static byte[] encode(Slice slice, byte version) {
    StateWriter out = StateWriter.reused();
    out.writeByte(version);
    SkillNames skills = skillNamesOf(slice);
    skills.write(out);
    out.writeVarInt(slice.interactionSkills.size());
    slice.interactionSkills.forEach((skill, a) -> {
      out.writeVarInt(skills.index(skill));
      out.writeByte(a.category().ordinal());
      a.weightedSum().write(out);
      a.weightSum().write(out);
      out.writeVarInt(a.count());
      out.writeCompactDouble(a.min());
      out.writeCompactDouble(a.max());
    });
    out.writeVarInt(slice.interactionSources.size());
    slice.interactionSources.forEach((category, n) -> {
      out.writeByte(category.ordinal());
      out.writeVarInt(n);
    });
    out.writeVarInt(slice.interactionEvidence.size());
    slice.interactionEvidence.forEach((category, worst) -> {
      out.writeByte(category.ordinal());
      out.writeVarInt(worst.size());
      for (Evidence e : worst) {
        out.writeString(e.sourceId());
        out.writeVarInt(skills.index(e.skill()));
        out.writeCompactDouble(e.score());
        out.writeZigZag(e.time());
      }
    });
    slice.kpis.write(out);
    out.writeZigZag(slice.latestInteractionTime);
    out.writeVarInt(slice.interactionIdHashes.size());
    slice.interactionIdHashes.forEach(out::writeLong);
    out.writeVarInt(slice.evaluations.size());
    for (RecordedEvaluation evaluation : slice.evaluations.values()) {
      out.writeString(evaluation.evaluationId());
      out.writeZigZag(evaluation.eventTime());
      out.writeLong(evaluation.fingerprint());
      out.writeBoolean(evaluation.retracted());
      out.writeVarInt(evaluation.observations().size());
      for (Observation o : evaluation.observations()) {
        out.writeVarInt(skills.index(o.skill()));
        out.writeByte(o.category().ordinal());
        out.writeCompactDouble(o.score());
        out.writeCompactDouble(o.weight());
      }
    }
    if (version >= VERSION_3) {
      CategoryMoments.write(out, slice.interactionMoments);
    }
    return out.toByteArray();
  }

  public static Slice decode(byte[] data) {
    StateReader in = new StateReader(data);
    int version = in.readByte();
    if (version != VERSION_2 && version != VERSION_3) {
      throw new IllegalStateException("Unknown slice version " + version
          + (version < VERSION_2 ? " (written by a 0.1 snapshot: reset the streams application to rebuild the state)" : ""));
    }
    String[] skills = SkillNames.read(in);
    Slice slice = new Slice();
    int n = in.readVarInt();
    for (int i = 0; i < n; i++) {
      String skill = skills[in.readVarInt()];
      slice.interactionSkills.put(skill, new SkillAggregate(CATEGORIES[in.readByte()], ExactSum.read(in), ExactSum.read(in),
          in.readVarInt(), in.readCompactDouble(), in.readCompactDouble()));
    }
    n = in.readVarInt();
    for (int i = 0; i < n; i++) {
      slice.interactionSources.put(CATEGORIES[in.readByte()], in.readVarInt());
    }
    n = in.readVarInt();
    for (int i = 0; i < n; i++) {
      SkillCategory category = CATEGORIES[in.readByte()];
      int k = in.readVarInt();
      List<Evidence> worst = new ArrayList<>(k);
      for (int j = 0; j < k; j++) {
        worst.add(new Evidence(in.readString(), skills[in.readVarInt()], in.readCompactDouble(), in.readZigZag()));
      }
      slice.interactionEvidence.put(category, worst);
    }
    slice.kpis = KpiSums.read(in);
    slice.latestInteractionTime = in.readZigZag();
    n = in.readVarInt();
    for (int i = 0; i < n; i++) {
      slice.interactionIdHashes.add(in.readLong());
    }
    n = in.readVarInt();
    for (int i = 0; i < n; i++) {
      String id = in.readString();
      long time = in.readZigZag();
      long fingerprint = in.readLong();
      boolean retracted = in.readBoolean();
      int count = in.readVarInt();
      List<Observation> observations = new ArrayList<>(count);
      for (int j = 0; j < count; j++) {
        observations.add(new Observation(skills[in.readVarInt()], CATEGORIES[in.readByte()], in.readCompactDouble(),
            in.readCompactDouble(), time, id));
      }
      slice.putEvaluation(new RecordedEvaluation(id, time, fingerprint, retracted, List.copyOf(observations)));
    }
    slice.interactionMoments = version == VERSION_3 ? CategoryMoments.read(in) : momentsOfVersion2(slice);
    return slice;
  }

  /** A version 2 slice's interactions as samples at their category's mean (see the class comment). */
  private static EnumMap<SkillCategory, Moments> momentsOfVersion2(Slice slice) {
    EnumMap<SkillCategory, Moments> moments = new EnumMap<>(SkillCategory.class);
    slice.interactionSources.forEach((category, sources) -> {
      double weighted = 0;
      double weight = 0;
      for (SkillAggregate a : slice.interactionSkills.values()) {
        if (a.category() == category) {
          weighted += a.weightedSum().doubleValue();
          weight += a.weightSum().doubleValue();
        }
      }
      if (sources > 0 && weight > 0) {
        Moments m = new Moments();
        for (int i = 0; i < sources; i++) {
          m.sample(weighted / weight, weight / sources, 1);
        }
        moments.put(category, m);
      }
    });
    return moments;
  }

  /** Skill ids in first-use order, each written once. */
  private static SkillNames skillNamesOf(Slice slice) {
    SkillNames names = new SkillNames();
    names.add(slice.interactionSkills.keySet());
    slice.interactionEvidence.values().forEach(worst -> worst.forEach(e -> names.index(e.skill())));
    slice.evaluations.values().forEach(e -> e.observations().forEach(o -> names.index(o.skill())));
    return names;
  }
}
