package com.coachstream.producer.simulate;

import com.coachstream.avro.Channel;
import com.coachstream.avro.SkillCategory;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One simulated agent: a level per category (0..100), a small personal offset per skill, how many contacts
 * a day, on which channels and in which shift, and the slips planned for them.
 */
public record SimulatedAgent(
    int index,
    String agentId,
    String displayName,
    Team team,
    double softLevel,
    double hardLevel,
    Map<String, Double> skillOffsets,
    double dailyVolume,
    List<Channel> channels,
    int shiftStartHour,
    List<Slip> slips) {

  /** The agent's true level in a category at a time, slips included. */
  public double level(SkillCategory category, Instant time) {
    for (Slip slip : slips) {
      if (slip.category() == category && slip.activeAt(time)) {
        return slip.levelDuring();
      }
    }
    return category == SkillCategory.SOFT ? softLevel : hardLevel;
  }

  /** The agent's true level for a skill: the category level plus the agent's offset on that skill. */
  public double skillLevel(String skill, SkillCategory category, Instant time) {
    return level(category, time) + skillOffsets.getOrDefault(skill, 0.0);
  }

  public boolean steady() {
    return slips.isEmpty();
  }
}
