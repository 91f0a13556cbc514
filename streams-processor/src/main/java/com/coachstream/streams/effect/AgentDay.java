package com.coachstream.streams.effect;

import com.coachstream.avro.SkillCategory;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The full current sums of one agent's day ({@code window.advance} slice) per category, as the scoring sends them
 * to the agent's team once the day changed (with the agent's changed windows): a later value replaces an earlier
 * one, so a corrected or retracted evaluation is reflected exactly. {@code settledEventTime} is the time up to
 * which the agent's data is settled ({@link com.coachstream.streams.window.SourceWatermarks#settled}) once this
 * day and those sent before it are applied: the team's event time is the slowest of its members'. Of the days one
 * publication sends, only the last carries it; the others carry {@link #NOT_SETTLED}.
 */
public record AgentDay(String agentId, String teamId, long dayStart, long settledEventTime,
    Map<SkillCategory, CategorySums> categories) {

  /** The settled time of a day record that does not move the agent's settled time (below every event time). */
  public static final long NOT_SETTLED = TeamClock.NONE;

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
