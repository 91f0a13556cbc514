package com.coachstream.streams.team;

import com.coachstream.avro.SkillCategory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A {@link TeamScoreBook} in maps, for tests of the ranking logic. */
final class InMemoryTeamScoreBook implements TeamScoreBook {

  final TreeMap<Long, Map<SkillCategory, TeamHistogram>> histograms = new TreeMap<>();
  final TreeMap<Long, Map<String, Integer>> members = new TreeMap<>();
  private Long newest;

  @Override
  public Integer member(SkillCategory category, long windowStart, String agentId) {
    return members.getOrDefault(windowStart, Map.of()).get(category + "/" + agentId);
  }

  @Override
  public void member(SkillCategory category, long windowStart, String agentId, Integer bucket) {
    Map<String, Integer> window = members.computeIfAbsent(windowStart, w -> new HashMap<>());
    if (bucket == null) {
      window.remove(category + "/" + agentId);
    } else {
      window.put(category + "/" + agentId, bucket);
    }
  }

  @Override
  public TeamHistogram histogram(SkillCategory category, long windowStart) {
    TeamHistogram stored = histograms.getOrDefault(windowStart, Map.of()).get(category);
    return stored == null ? null : TeamHistogram.decode(stored.encode()); // a copy, like a store
  }

  @Override
  public void histogram(SkillCategory category, long windowStart, TeamHistogram histogram) {
    Map<SkillCategory, TeamHistogram> window = histograms.computeIfAbsent(windowStart, w -> new HashMap<>());
    if (histogram.isEmpty()) {
      window.remove(category);
      if (window.isEmpty()) {
        histograms.remove(windowStart);
      }
    } else {
      window.put(category, TeamHistogram.decode(histogram.encode()));
    }
  }

  @Override
  public Long newestWindow() {
    return newest;
  }

  @Override
  public void newestWindow(long windowStart) {
    newest = windowStart;
  }

  @Override
  public List<Long> windows() {
    return new ArrayList<>(histograms.keySet());
  }

  @Override
  public void dropBefore(long windowStart) {
    histograms.headMap(windowStart).clear();
    members.headMap(windowStart).clear();
  }
}
