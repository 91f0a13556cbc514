package com.coachstream.streams.scoring;

import com.coachstream.avro.SkillCategory;
import com.coachstream.streams.slip.CategoryState;
import com.coachstream.streams.slip.SustainedRule;
import com.coachstream.streams.window.EventTimeProgress;
import com.coachstream.streams.window.WindowSpec;
import java.util.EnumMap;
import java.util.Map;

/**
 * What the processor keeps per agent and reads and writes on every event, kept small: each category's slip
 * state, the newest accepted event time of each source (for lateness, expiry and the latest window), the
 * last team seen on an interaction,
 * the range of slices changed since the windows were last published, where the stored slices begin, and
 * the {@link CurrentWindow} with its baseline as running sums. The slices and remembered ids themselves
 * are the {@link AgentHistory}, stored apart.
 */
public final class AgentState {

  public static final long NONE = Long.MIN_VALUE;

  private final EnumMap<SkillCategory, CategoryState> categories = new EnumMap<>(SkillCategory.class);
  private final EnumMap<SkillCategory, SustainedRule.Track> sustainTracks = new EnumMap<>(SkillCategory.class);
  private final EnumMap<SkillCategory, SustainedRule.Track> teamTracks = new EnumMap<>(SkillCategory.class);
  private String scoredTeam;
  private EventTimeProgress progress = new EventTimeProgress();
  private String teamId;
  private long dirtyFrom = NONE;
  private long dirtyTo = NONE;
  private long oldestSlice = NONE;
  CurrentWindow current = new CurrentWindow();

  /** The newest accepted event time over both sources ({@link #NONE} before the first event). */
  public long newestEventTime() {
    return progress.newestOfAny();
  }

  /** The newest accepted event time of each source. */
  public EventTimeProgress progress() {
    return progress;
  }

  void progress(EventTimeProgress progress) {
    this.progress = progress;
  }

  public String teamId() {
    return teamId;
  }

  public void teamId(String teamId) {
    this.teamId = teamId;
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

  /** Which of the category's last windows met the slip condition ({@code slip.sustain}; none while it is 1/1). */
  public SustainedRule.Track sustainTrack(SkillCategory category) {
    return sustainTracks.getOrDefault(category, SustainedRule.Track.NONE);
  }

  public void sustainTrack(SkillCategory category, SustainedRule.Track track) {
    keep(sustainTracks, category, track);
  }

  /** Keeps a track, or forgets it when it is {@link SustainedRule.Track#NONE} (the state stays small). */
  private static void keep(Map<SkillCategory, SustainedRule.Track> tracks, SkillCategory category,
      SustainedRule.Track track) {
    if (track.equals(SustainedRule.Track.NONE)) {
      tracks.remove(category);
    } else {
      tracks.put(category, track);
    }
  }

  public Map<SkillCategory, SustainedRule.Track> sustainTracks() {
    return sustainTracks;
  }

  /** Which of the category's last windows found the agent below their team ({@code slip.team-percentile}). */
  public SustainedRule.Track teamTrack(SkillCategory category) {
    return teamTracks.getOrDefault(category, SustainedRule.Track.NONE);
  }

  public void teamTrack(SkillCategory category, SustainedRule.Track track) {
    keep(teamTracks, category, track);
  }

  public Map<SkillCategory, SustainedRule.Track> teamTracks() {
    return teamTracks;
  }

  /** The team the agent's window scores were last sent to ({@code slip.team-percentile}), null before. */
  public String scoredTeam() {
    return scoredTeam;
  }

  public void scoredTeam(String teamId) {
    this.scoredTeam = teamId;
  }

  /** Start of the oldest slice that may still be stored ({@link #NONE} when none ever was). */
  public long oldestSlice() {
    return oldestSlice;
  }

  void oldestSlice(long sliceStart) {
    oldestSlice = sliceStart;
  }

  /** Notes that a slice starting at {@code sliceStart} is stored. */
  void storedSlice(long sliceStart) {
    oldestSlice = oldestSlice == NONE ? sliceStart : Math.min(oldestSlice, sliceStart);
  }

  /** The current window (ending with the newest event's slice), as published and queried. */
  public WindowView currentWindow() {
    return current.view();
  }

  /** Where the {@link #currentWindow() current window} starts. */
  public long currentWindowStart(WindowSpec spec) {
    return current.windowStart(spec);
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
