package com.coachstream.streams.team;

import com.coachstream.avro.SkillCategory;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps one team's score distributions per category and window up to date ({@link TeamHistogram}): a member's
 * new score replaces the one they were counted with, a member without a score (or gone from the team) is
 * taken out. Windows more than {@code retentionMs} older than the team's newest are dropped. Each call
 * returns the distributions it changed, for publication (an empty histogram: the distribution is gone).
 *
 * <p>Cost: a member's update reads and writes one member record and one histogram per category, whatever the
 * team's size or the number of windows; a member leaving the team costs that once per window the team keeps.
 */
public final class TeamRanking {

  /** A distribution that changed; {@code histogram} empty when it no longer exists. */
  public record Change(SkillCategory category, long windowStart, TeamHistogram histogram) { }

  private final long retentionMs;

  public TeamRanking(long retentionMs) {
    this.retentionMs = retentionMs;
  }

  public List<Change> apply(TeamScoreBook book, MemberScores update) {
    List<Change> changes = new ArrayList<>();
    if (update.left()) {
      for (long windowStart : book.windows()) {
        for (SkillCategory category : SkillCategory.values()) {
          set(book, category, windowStart, update.agentId(), null, changes);
        }
      }
      return changes;
    }
    Long newest = book.newestWindow();
    if (newest != null && update.windowStart() < newest - retentionMs) {
      return changes; // older than anything the team still keeps
    }
    for (SkillCategory category : SkillCategory.values()) {
      Double score = update.scores().get(category);
      set(book, category, update.windowStart(), update.agentId(), score == null ? null : TeamHistogram.bucket(score),
          changes);
    }
    if (newest == null || update.windowStart() > newest) {
      book.newestWindow(update.windowStart());
      if (newest != null) {
        expire(book, update.windowStart() - retentionMs, changes);
      }
    }
    return changes;
  }

  /** Once per new newest window: drops the windows that fell out of the retention. */
  private static void expire(TeamScoreBook book, long keepFrom, List<Change> changes) {
    boolean any = false;
    for (long windowStart : book.windows()) {
      if (windowStart >= keepFrom) {
        break;
      }
      any = true;
      for (SkillCategory category : SkillCategory.values()) {
        if (book.histogram(category, windowStart) != null) {
          changes.add(new Change(category, windowStart, new TeamHistogram()));
        }
      }
    }
    if (any) {
      book.dropBefore(keepFrom);
    }
  }

  private static void set(TeamScoreBook book, SkillCategory category, long windowStart, String agentId, Integer bucket,
      List<Change> changes) {
    Integer before = book.member(category, windowStart, agentId);
    if (before == null ? bucket == null : before.equals(bucket)) {
      return;
    }
    TeamHistogram histogram = book.histogram(category, windowStart);
    if (histogram == null) {
      histogram = new TeamHistogram();
    }
    if (before != null) {
      histogram.remove(before);
    }
    if (bucket != null) {
      histogram.add(bucket);
    }
    book.member(category, windowStart, agentId, bucket);
    book.histogram(category, windowStart, histogram);
    changes.add(new Change(category, windowStart, histogram));
  }
}
