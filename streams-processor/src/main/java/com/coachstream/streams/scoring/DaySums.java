package com.coachstream.streams.scoring;

import com.coachstream.avro.SkillCategory;
import com.coachstream.streams.effect.CategorySums;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/** A slice's full per-category sums, as the coaching effect measurement of the agent's team needs them. */
public final class DaySums {

  private DaySums() { }

  /** Everything that counts in the slice (null: nothing), per category. */
  public static Map<SkillCategory, CategorySums> of(Slice slice) {
    PeriodSums sums = new PeriodSums();
    if (slice != null) {
      slice.contributeTo(sums, 1);
    }
    Map<SkillCategory, CategorySums> categories = new EnumMap<>(SkillCategory.class);
    for (SkillCategory category : SkillCategory.values()) {
      TreeMap<String, CategorySums.SkillSums> skills = new TreeMap<>();
      sums.skills.forEach((skill, s) -> {
        if (s.category == category && s.count > 0) {
          skills.put(skill, new CategorySums.SkillSums(s.weightedSum.doubleValue(), s.weight.doubleValue()));
        }
      });
      if (!skills.isEmpty() || sums.samples(category) != 0) {
        categories.put(category, new CategorySums(sums.samples(category), skills));
      }
    }
    return categories;
  }
}
