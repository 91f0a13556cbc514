package com.coachstream.streams.team;

import com.coachstream.avro.SkillCategory;
import java.util.List;

/**
 * Where one team's distributions are kept: per category and window the histogram, per member the bucket they
 * are counted in (a point lookup, so an update removes exactly what the member added before).
 */
public interface TeamScoreBook {

  /** The member's bucket in the category and window, or null when not counted there. */
  Integer member(SkillCategory category, long windowStart, String agentId);

  /** Sets (or, with null, removes) the member's bucket. */
  void member(SkillCategory category, long windowStart, String agentId, Integer bucket);

  /** The histogram of the category and window, or null when it has none. */
  TeamHistogram histogram(SkillCategory category, long windowStart);

  /** Stores the histogram; an empty one is removed. */
  void histogram(SkillCategory category, long windowStart, TeamHistogram histogram);

  /** The start of the newest window the team has had a score in, or null before the first. */
  Long newestWindow();

  void newestWindow(long windowStart);

  /** The window starts the team keeps histograms for, oldest first (read when a member leaves or windows expire). */
  List<Long> windows();

  /** Drops every histogram and member of the windows starting before {@code windowStart}. */
  void dropBefore(long windowStart);
}
