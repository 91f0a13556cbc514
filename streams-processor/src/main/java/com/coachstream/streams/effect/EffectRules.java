package com.coachstream.streams.effect;

import com.coachstream.avro.EffectStatus;
import com.coachstream.avro.SkillCategory;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToIntFunction;

/**
 * The coaching effect of a session (docs/concepts.md, "Coaching effect"): a difference in differences
 * between the coached agent and the comparison group of its team over the same two periods.
 *
 * <p>The periods are whole days ({@code window.advance} slices, the unit the scoring keeps its sums in): with
 * B the start of the day holding S, before = [B - W, B) and after = [B, B + W), W = {@code effect.window}.
 * The measurement closes once the team's event time passes S + W + {@code window.grace}.
 */
public final class EffectRules {

  private final long windowMs;
  private final long dayMs;
  private final long graceMs;
  private final ToIntFunction<SkillCategory> minSamples;

  /**
   * @param window     {@code effect.window}, a positive multiple of {@code day}
   * @param day        {@code window.advance}
   * @param grace      {@code window.grace}
   * @param minSamples the slip rules' min-samples of each category
   */
  public EffectRules(Duration window, Duration day, Duration grace, ToIntFunction<SkillCategory> minSamples) {
    if (window.isNegative() || window.isZero() || window.toMillis() % day.toMillis() != 0) {
      throw new IllegalArgumentException("effect.window must be a positive multiple of window.advance ("
          + day + "), was " + window);
    }
    this.windowMs = window.toMillis();
    this.dayMs = day.toMillis();
    this.graceMs = grace.toMillis();
    this.minSamples = minSamples;
  }

  /** Start of the day holding S: the first day of the after period. */
  public long boundary(Session session) {
    return Math.floorDiv(session.sessionAt(), dayMs) * dayMs;
  }

  /** First day of the before period. */
  public long firstDay(Session session) {
    return boundary(session) - windowMs;
  }

  /** End (exclusive) of the after period. */
  public long endOfDays(Session session) {
    return boundary(session) + windowMs;
  }

  /** The team event time after which the measurement is closed. */
  public long closesAfter(Session session) {
    return session.sessionAt() + windowMs + graceMs;
  }

  /** How long a team keeps its days and sessions: what any session still open, or recorded late, can need. */
  public long retentionMs() {
    return 2 * windowMs + graceMs + dayMs;
  }

  /**
   * Agents of the team with a COACHED session in the session's category during [S - W, S + W): they are
   * not in the comparison group (the coached agent is left out anyway).
   */
  public Set<String> coachedNearby(Session session, Collection<Session> teamSessions) {
    Set<String> coached = new TreeSet<>();
    for (Session other : teamSessions) {
      if (other.category() == session.category()
          && other.sessionAt() >= session.sessionAt() - windowMs && other.sessionAt() < session.sessionAt() + windowMs) {
        coached.add(other.agentId());
      }
    }
    return coached;
  }

  /**
   * Measures a session.
   *
   * @param daysByAgent the session's category sums per agent of the team and day, for days in
   *                    [{@link #firstDay}, {@link #endOfDays}) (other days are ignored)
   * @param coached     agents left out of the comparison group ({@link #coachedNearby})
   * @param teamTime    the team's event time ({@link TeamClock}): the slowest member's settled event time
   */
  public EffectMeasurement measure(Session session, Map<String, ? extends SortedMap<Long, CategorySums>> daysByAgent,
      Set<String> coached, long teamTime) {
    int min = minSamples.applyAsInt(session.category());
    long boundary = boundary(session);
    PeriodPair own = periods(daysByAgent.get(session.agentId()), boundary);
    Double change = own.change();
    double changes = 0;
    int group = 0;
    for (Map.Entry<String, ? extends SortedMap<Long, CategorySums>> agent : new TreeMap<>(daysByAgent).entrySet()) {
      if (agent.getKey().equals(session.agentId()) || coached.contains(agent.getKey())) {
        continue;
      }
      PeriodPair theirs = periods(agent.getValue(), boundary);
      if (theirs.enough(min) && theirs.change() != null) {
        changes += theirs.change();
        group++;
      }
    }
    Double comparisonChange = group == 0 ? null : changes / group;
    boolean measurable = own.enough(min) && change != null && comparisonChange != null;
    Double effect = measurable ? change - comparisonChange : null;
    EffectStatus status;
    if (teamTime <= closesAfter(session)) {
      status = EffectStatus.PENDING;
    } else {
      status = measurable ? EffectStatus.FINAL : EffectStatus.INSUFFICIENT_DATA;
    }
    return new EffectMeasurement(own.before, own.after, change, comparisonChange, group, effect, status);
  }

  private PeriodPair periods(SortedMap<Long, CategorySums> days, long boundary) {
    if (days == null) {
      return new PeriodPair(MeasuredPeriod.of(CategorySums.EMPTY), MeasuredPeriod.of(CategorySums.EMPTY));
    }
    CategorySums before = CategorySums.sum(days.subMap(boundary - windowMs, boundary).values());
    CategorySums after = CategorySums.sum(days.subMap(boundary, boundary + windowMs).values());
    return new PeriodPair(MeasuredPeriod.of(before), MeasuredPeriod.of(after));
  }

  private record PeriodPair(MeasuredPeriod before, MeasuredPeriod after) {

    Double change() {
      return before.score() == null || after.score() == null ? null : after.score() - before.score();
    }

    boolean enough(int min) {
      return before.samples() >= min && after.samples() >= min;
    }
  }
}
