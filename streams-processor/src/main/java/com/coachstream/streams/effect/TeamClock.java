package com.coachstream.streams.effect;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A team's event time: the newest event time that every active agent of the team has reached (the
 * slowest active agent's newest event time), where an agent is active while its newest event time is within
 * {@code effect.window} of the team's newest. A measurement closes on this time, so it never closes while
 * an agent's data for its periods is still on its way from a partition that runs behind the others (their
 * progress depends on how records interleave, not on event time), and an agent that stops working holds
 * no one back for longer than the window. Also kept: when the next open measurement closes, and the last
 * day the team's open measurements were evaluated in.
 */
public final class TeamClock {

  public static final long NONE = Long.MIN_VALUE;

  private final TreeMap<String, Long> newestByAgent;
  private long nextClose;
  private long evaluatedDay;

  public TeamClock() {
    this(new TreeMap<>(), Long.MAX_VALUE, NONE);
  }

  public TeamClock(Map<String, Long> newestByAgent, long nextClose, long evaluatedDay) {
    this.newestByAgent = new TreeMap<>(newestByAgent);
    this.nextClose = nextClose;
    this.evaluatedDay = evaluatedDay;
  }

  /** Notes an agent's newest event time (never moves back); agents inactive for longer than {@code activeMs} are dropped. */
  public void observe(String agentId, long newestEventTime, long activeMs) {
    newestByAgent.merge(agentId, newestEventTime, Math::max);
    long newest = newest();
    newestByAgent.values().removeIf(t -> t < newest - activeMs);
  }

  /** The team's event time ({@link #NONE} before any agent is seen). */
  public long time() {
    long time = Long.MAX_VALUE;
    for (long t : newestByAgent.values()) {
      time = Math.min(time, t);
    }
    return newestByAgent.isEmpty() ? NONE : time;
  }

  private long newest() {
    long newest = NONE;
    for (long t : newestByAgent.values()) {
      newest = Math.max(newest, t);
    }
    return newest;
  }

  public Map<String, Long> newestByAgent() {
    return Collections.unmodifiableMap(newestByAgent);
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
  public boolean due(long dayMs) {
    long time = time();
    return time != NONE && (time > nextClose || Math.floorDiv(time, dayMs) * dayMs > evaluatedDay);
  }
}
