package com.coachstream.streams.effect;

import com.coachstream.avro.SkillCategory;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The full current sums of one agent's day ({@code window.advance} slice) per category, as the scoring
 * sends them to the agent's team after each change of the day: a later value replaces an earlier one, so a
 * corrected or retracted evaluation is reflected exactly. {@code newestEventTime} is the agent's newest event
 * time over both sources: the team's event time is the newest of its agents'.
 */
public record AgentDay(String agentId, String teamId, long dayStart, long newestEventTime,
    Map<SkillCategory, CategorySums> categories) {

  public AgentDay {
    EnumMap<SkillCategory, CategorySums> copy = new EnumMap<>(SkillCategory.class);
    copy.putAll(categories);
    categories = Collections.unmodifiableMap(copy);
  }

  public CategorySums category(SkillCategory category) {
    return categories.getOrDefault(category, CategorySums.EMPTY);
  }

  /** Whether nothing counts in the day any more (every evaluation in it retracted). */
  public boolean isEmpty() {
    return categories.values().stream().allMatch(CategorySums::isEmpty);
  }
}
