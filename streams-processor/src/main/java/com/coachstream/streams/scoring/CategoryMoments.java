package com.coachstream.streams.scoring;

import com.coachstream.avro.SkillCategory;
import com.coachstream.streams.stats.Moments;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Statistical mode's samples: one per source event and category, the weighted mean of the event's
 * observations of that category, weighted by their total weight. Kept as {@link Moments} per category in
 * slices and running windows, written in their exact form.
 */
final class CategoryMoments {

  private static final SkillCategory[] CATEGORIES = SkillCategory.values();

  private CategoryMoments() { }

  /** Adds ({@code sign} 1) or withdraws (-1) one source event's sample of each category it touches. */
  static void sample(Map<SkillCategory, Moments> into, List<Observation> observations, int sign) {
    EnumMap<SkillCategory, double[]> sums = new EnumMap<>(SkillCategory.class);
    for (Observation o : observations) {
      double[] s = sums.computeIfAbsent(o.category(), c -> new double[2]);
      s[0] += o.score() * o.weight();
      s[1] += o.weight();
    }
    sums.forEach((category, s) -> {
      if (s[1] > 0) {
        into.computeIfAbsent(category, c -> new Moments()).sample(s[0] / s[1], s[1], sign);
      }
    });
  }

  static void write(StateWriter out, Map<SkillCategory, Moments> moments) {
    // plain loops: written with every state and slice, so no stream or lambda per call
    int present = 0;
    for (Moments m : moments.values()) {
      if (!m.isEmpty()) {
        present++;
      }
    }
    out.writeVarInt(present);
    for (Map.Entry<SkillCategory, Moments> e : moments.entrySet()) {
      Moments m = e.getValue();
      if (!m.isEmpty()) {
        out.writeByte(e.getKey().ordinal());
        out.writeVarLong(m.count());
        m.weightExact().write(out);
        m.weightedExact().write(out);
        m.weightedSquaresExact().write(out);
        m.squaredWeightsExact().write(out);
      }
    }
  }

  static EnumMap<SkillCategory, Moments> read(StateReader in) {
    EnumMap<SkillCategory, Moments> moments = new EnumMap<>(SkillCategory.class);
    int n = in.readVarInt();
    for (int i = 0; i < n; i++) {
      SkillCategory category = CATEGORIES[in.readByte()];
      moments.put(category, new Moments(in.readVarLong(), ExactSum.read(in), ExactSum.read(in), ExactSum.read(in),
          ExactSum.read(in)));
    }
    return moments;
  }
}
