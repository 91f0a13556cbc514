package com.coachstream.streams.scoring;

import com.coachstream.avro.SkillCategory;
import com.coachstream.streams.stats.Moments;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The invertible part of a period's aggregates: per skill the exact weighted sum, weight and count, per
 * category the distinct sources, and the KPI sums. Whatever is added can be subtracted exactly, so a window
 * or baseline slides by adding the slices that enter it and subtracting those that leave, and the result
 * has the same bits as the period summed afresh. (Min, max and evidence are not invertible: see
 * {@link Extremes} and {@link WindowView}.)
 */
public final class PeriodSums {

  private static final SkillCategory[] CATEGORIES = SkillCategory.values();

  /** One skill's invertible sums. */
  static final class Sums {
    final SkillCategory category;
    final ExactSum weightedSum;
    final ExactSum weight;
    long count;

    Sums(SkillCategory category, ExactSum weightedSum, ExactSum weight, long count) {
      this.category = category;
      this.weightedSum = weightedSum;
      this.weight = weight;
      this.count = count;
    }
  }

  final TreeMap<String, Sums> skills = new TreeMap<>();
  final int[] samples = new int[CATEGORIES.length];
  KpiSums kpis = new KpiSums();
  /** Statistical mode's per-event samples per category (one per source event touching it). */
  EnumMap<SkillCategory, Moments> moments = new EnumMap<>(SkillCategory.class);

  /** The category's per-event samples (empty when none), to read or to change. */
  public Moments moments(SkillCategory category) {
    return moments.computeIfAbsent(category, c -> new Moments());
  }

  /** Adds ({@code sign} 1) or removes ({@code sign} -1) one observation. */
  void observation(Observation o, int sign) {
    Sums sums = skills.computeIfAbsent(o.skill(), s -> new Sums(o.category(), new ExactSum(), new ExactSum(), 0));
    double weighted = o.score() * o.weight();
    if (sign > 0) {
      sums.weightedSum.add(weighted);
      sums.weight.add(o.weight());
    } else {
      sums.weightedSum.subtract(weighted);
      sums.weight.subtract(o.weight());
    }
    sums.count += sign;
    dropIfEmpty(o.skill(), sums);
  }

  /** Adds or removes a slice's aggregate of one skill. */
  void aggregate(String skill, SkillAggregate aggregate, int sign) {
    Sums sums = skills.computeIfAbsent(skill, s -> new Sums(aggregate.category(), new ExactSum(), new ExactSum(), 0));
    if (sign > 0) {
      sums.weightedSum.add(aggregate.weightedSum());
      sums.weight.add(aggregate.weightSum());
    } else {
      sums.weightedSum.subtract(aggregate.weightedSum());
      sums.weight.subtract(aggregate.weightSum());
    }
    sums.count += (long) sign * aggregate.count();
    dropIfEmpty(skill, sums);
  }

  void sources(SkillCategory category, int count) {
    samples[category.ordinal()] += count;
  }

  private void dropIfEmpty(String skill, Sums sums) {
    if (sums.count == 0 && sums.weightedSum.isZero() && sums.weight.isZero()) {
      skills.remove(skill);
    }
  }

  public int samples(SkillCategory category) {
    return samples[category.ordinal()];
  }

  public KpiSums kpis() {
    return kpis;
  }

  public boolean isEmpty() {
    return skills.isEmpty() && kpis.isEmpty();
  }

  void clear() {
    skills.clear();
    java.util.Arrays.fill(samples, 0);
    kpis = new KpiSums();
    moments = new EnumMap<>(SkillCategory.class);
  }

  void write(StateWriter out, SkillNames names, boolean withMoments) {
    out.writeVarInt(skills.size());
    for (Map.Entry<String, Sums> e : skills.entrySet()) {
      out.writeVarInt(names.index(e.getKey()));
      out.writeByte(e.getValue().category.ordinal());
      e.getValue().weightedSum.write(out);
      e.getValue().weight.write(out);
      out.writeVarLong(e.getValue().count);
    }
    for (int n : samples) {
      out.writeVarInt(n);
    }
    kpis.write(out);
    if (withMoments) {
      CategoryMoments.write(out, moments);
    }
  }

  /** Reads sums written by {@link #write}; {@code withMoments} false for agent state before version 5. */
  static PeriodSums read(StateReader in, String[] names, boolean withMoments) {
    PeriodSums sums = new PeriodSums();
    int skills = in.readVarInt();
    for (int i = 0; i < skills; i++) {
      String skill = names[in.readVarInt()];
      sums.skills.put(skill, new Sums(CATEGORIES[in.readByte()], ExactSum.read(in), ExactSum.read(in), in.readVarLong()));
    }
    for (int c = 0; c < CATEGORIES.length; c++) {
      sums.samples[c] = in.readVarInt();
    }
    sums.kpis = KpiSums.read(in);
    if (withMoments) {
      sums.moments = CategoryMoments.read(in);
    }
    return sums;
  }
}
