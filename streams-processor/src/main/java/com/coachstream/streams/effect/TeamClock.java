package com.coachstream.streams.effect;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A team's event time: the newest event time that every active member of the team has reached (the slowest
 * member's newest event time). Members come from the roster (and from the agents whose events reach the team),
 * so a measurement never closes while a member's data is still on its way from a partition that is processed
 * behind the others. How far each partition got depends on how records interleave, not on event time (in a
 * backfill a partition with fewer agents runs weeks ahead of one with more), so a member that has worked holds
 * the team back until it leaves the roster (another team, inactive, removed); a member never seen working
 * stops holding it back once the team's newest event time is {@code effect.window} past the moment it joined
 * (its roster record and its first events come from the same partition, one right after the other). Also kept:
 * when the next open measurement closes, and the last day the open measurements were evaluated in.
 */
public final class TeamClock {

  public static final long NONE = Long.MIN_VALUE;

  /** Per member: {newest event time (NONE: none yet), team's newest when it joined (NONE: before any data)}. */
  private final TreeMap<String, long[]> members;
  private long nextClose;
  private long evaluatedDay;

  public TeamClock() {
    this(new TreeMap<>(), Long.MAX_VALUE, NONE);
  }

  public TeamClock(Map<String, long[]> members, long nextClose, long evaluatedDay) {
    this.members = new TreeMap<>();
    members.forEach((agent, times) -> this.members.put(agent, times.clone()));
    this.nextClose = nextClose;
    this.evaluatedDay = evaluatedDay;
  }

  /** A roster member joined (no-op when already known). */
  public void join(String agentId) {
    members.putIfAbsent(agentId, new long[] {NONE, newest()});
  }

  public void leave(String agentId) {
    members.remove(agentId);
  }

  /** Notes an agent's newest event time (never moves back); an agent not yet a member becomes one. */
  public void observe(String agentId, long newestEventTime) {
    long before = newest();
    long[] times = members.computeIfAbsent(agentId, a -> new long[] {NONE, before});
    times[0] = Math.max(times[0], newestEventTime);
    if (before == NONE) {
      // members who joined before any data count their wait from the team's first event time
      members.values().forEach(t -> t[1] = t[1] == NONE ? newest() : t[1]);
    }
  }

  /** The team's event time ({@link #NONE} while a member that holds it back has no event yet). */
  public long time(long activeMs) {
    long newest = newest();
    if (newest == NONE) {
      return NONE;
    }
    long time = Long.MAX_VALUE;
    for (long[] t : members.values()) {
      if (t[0] == NONE) {
        if (t[1] >= newest - activeMs) {
          return NONE;
        }
      } else {
        time = Math.min(time, t[0]);
      }
    }
    return time;
  }

  private long newest() {
    long newest = NONE;
    for (long[] t : members.values()) {
      newest = Math.max(newest, t[0]);
    }
    return newest;
  }

  public Map<String, long[]> members() {
    return Collections.unmodifiableMap(members);
  }

  /** Team event time after which the earliest open measurement closes ({@code Long.MAX_VALUE} when none is open). */
  public long nextClose() {
    return nextClose;
  }

  public void nextClose(long nextClose) {
    this.nextClose = nextClose;
  }

  public long evaluatedDay() {
    return evaluatedDay;
  }

  public void evaluatedDay(long day) {
    this.evaluatedDay = day;
  }

  /** Whether the open measurements are due for evaluation: the team's time entered a new day, or one closes. */
  public boolean due(long dayMs, long activeMs) {
    long time = time(activeMs);
    return time != NONE && (time > nextClose || Math.floorDiv(time, dayMs) * dayMs > evaluatedDay);
  }
}
