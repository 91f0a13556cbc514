package com.coachstream.streams.scoring;

import com.coachstream.avro.AgentSkillWindow;
import com.coachstream.avro.AgentWindowKey;
import com.coachstream.avro.CategoryScore;
import com.coachstream.avro.Kpis;
import com.coachstream.avro.SkillCategory;
import com.coachstream.avro.SkillScore;
import com.coachstream.streams.window.WindowSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Derives an agent's windows from its state and turns them into the {@code AgentSkillWindow} records of docs/concepts.md. */
public final class WindowRecords {

  private final WindowSpec windows;

  public WindowRecords(WindowSpec windows) {
    this.windows = windows;
  }

  public static AgentWindowKey key(String agentId, long windowStart) {
    return new AgentWindowKey(agentId, Instant.ofEpochMilli(windowStart));
  }

  /**
   * The window's record, or null when no event fell in it (a tombstone on the compacted topic). Its
   * {@code updatedAt} is the event time of the newest event in it, so a replay yields the same record.
   */
  public AgentSkillWindow record(String agentId, String teamId, long windowStart, WindowView view) {
    if (view.isEmpty()) {
      return null;
    }
    List<SkillScore> skills = new ArrayList<>();
    for (Map.Entry<String, SkillStats> e : view.skills().entrySet()) {
      SkillStats a = e.getValue();
      skills.add(new SkillScore(e.getKey(), a.category(), a.score(), a.weight(), a.count(), a.min(), a.max()));
    }
    List<CategoryScore> categories = new ArrayList<>();
    for (SkillCategory category : SkillCategory.values()) {
      if (view.samples(category) > 0) {
        categories.add(new CategoryScore(category, view.categoryScore(category), view.samples(category)));
      }
    }
    KpiSums k = view.kpis();
    Kpis kpis = new Kpis(k.interactions(), k.csatMean(), k.csatCount(), k.fcrRate(), k.meanHandleSeconds(), k.sentimentMean());
    return AgentSkillWindow.newBuilder()
        .setAgentId(agentId)
        .setTeamId(teamId)
        .setWindowStart(Instant.ofEpochMilli(windowStart))
        .setWindowEnd(Instant.ofEpochMilli(windowStart + windows.sizeMs()))
        .setSkills(skills)
        .setCategories(categories)
        .setKpis(kpis)
        .setUpdatedAt(Instant.ofEpochMilli(view.latestEventTime()))
        .build();
  }
}
