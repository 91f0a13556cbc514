package com.coachstream.streams.scoring;

import com.coachstream.avro.SkillCategory;
import com.coachstream.streams.slip.CategoryState;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Everything the processor keeps per agent, read and written once per event: the slices (keyed by slice
 * start) that windows and baselines are derived from, each category's slip state, the newest accepted event
 * time (for lateness and expiry), the last team seen on an interaction, and the range of slices changed
 * since the windows were last published.
 */
public final class AgentState {

  public static final long NONE = Long.MIN_VALUE;

  private final TreeMap<Long, Slice> slices = new TreeMap<>();
  private final EnumMap<SkillCategory, CategoryState> categories = new EnumMap<>(SkillCategory.class);
  private long newestEventTime = NONE;
  private String teamId;
  private long dirtyFrom = NONE;
  private long dirtyTo = NONE;

  public long newestEventTime() {
    return newestEventTime;
  }

  public void observedEventTime(long eventTime) {
    newestEventTime = newestEventTime == NONE ? eventTime : Math.max(newestEventTime, eventTime);
  }

  public String teamId() {
    return teamId;
  }

  public void teamId(String teamId) {
    this.teamId = teamId;
  }

  public Slice slice(long sliceStart) {
    return slices.computeIfAbsent(sliceStart, s -> new Slice());
  }

  /** Slices with start in {@code [from, to)}, oldest first. */
  public Collection<Slice> slicesBetween(long from, long to) {
    return slices.subMap(from, true, to, false).values();
  }

  public Map<Long, Slice> slices() {
    return slices;
  }

  public boolean hasInteraction(String interactionId) {
    for (Slice slice : slices.values()) {
      if (slice.hasInteraction(interactionId)) {
        return true;
      }
    }
    return false;
  }

  /** The remembered evaluation with this id and the start of the slice holding it. */
  public Optional<Map.Entry<Long, RecordedEvaluation>> findEvaluation(String evaluationId) {
    for (Map.Entry<Long, Slice> e : slices.entrySet()) {
      RecordedEvaluation evaluation = e.getValue().evaluation(evaluationId);
      if (evaluation != null) {
        return Optional.of(Map.entry(e.getKey(), evaluation));
      }
    }
    return Optional.empty();
  }

  public CategoryState category(SkillCategory category) {
    return categories.getOrDefault(category, CategoryState.INITIAL);
  }

  public void category(SkillCategory category, CategoryState state) {
    categories.put(category, state);
  }

  public Map<SkillCategory, CategoryState> categories() {
    return categories;
  }

  /** Drops the slices (and with them the remembered ids) older than {@code oldestSlice}. */
  public void expireBefore(long oldestSlice) {
    slices.headMap(oldestSlice, false).clear();
  }

  public void markDirty(long sliceStart) {
    dirtyFrom = dirtyFrom == NONE ? sliceStart : Math.min(dirtyFrom, sliceStart);
    dirtyTo = dirtyTo == NONE ? sliceStart : Math.max(dirtyTo, sliceStart);
  }

  public boolean isDirty() {
    return dirtyFrom != NONE;
  }

  public long dirtyFrom() {
    return dirtyFrom;
  }

  public long dirtyTo() {
    return dirtyTo;
  }

  public void setDirty(long from, long to) {
    this.dirtyFrom = from;
    this.dirtyTo = to;
  }

  public void clearDirty() {
    setDirty(NONE, NONE);
  }
}
