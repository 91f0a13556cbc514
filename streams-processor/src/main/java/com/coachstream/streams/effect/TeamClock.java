package com.coachstream.streams.effect;

/**
 * A team's event time: the time up to which every member's data is settled (the slowest member's; a member's
 * settled time is the slower of its two sources, {@link com.coachstream.streams.window.SourceWatermarks#settled}).
 * Nothing a member's source has already sent can still be accepted more than {@code window.grace} before that
 * time, and how far each source and partition got depends on how records interleave, not on event time (in a
 * backfill a partition with fewer agents runs weeks ahead of one with more; live, one topic's records may be
 * fetched seconds before the other's): so a measurement that closes once this time passes its end plus the grace
 * has the same numbers in every order. Members come from the roster and from the agents whose events reach the
 * team. A member holds the team back until it leaves the roster (another team, inactive, removed), and so does a
 * member not seen working yet (its roster record may be processed long before its partition's first events are
 * fetched). Also kept: when the next open measurement closes, and the last day the open measurements were
 * evaluated in. The members' times are a {@link MemberTimes}: in the streams processor a store of their own, so
 * only this schedule is stored with the clock.
 */
public final class TeamClock {

  public static final long NONE = Long.MIN_VALUE;

  /** Per member: its settled event time (NONE: none yet). */
  private final MemberTimes members;
  private long nextClose;
  private long evaluatedDay;

  public TeamClock() {
    this(new InMemoryMemberTimes(), Long.MAX_VALUE, NONE);
  }

  public TeamClock(MemberTimes members, long nextClose, long evaluatedDay) {
    this.members = members;
    this.nextClose = nextClose;
    this.evaluatedDay = evaluatedDay;
  }

  /** The same schedule (next close, last evaluated day) over the given members. */
  public TeamClock over(MemberTimes members) {
    return new TeamClock(members, nextClose, evaluatedDay);
  }

  /** A roster member joined (no-op when already known). */
  public void join(String agentId) {
    if (members.get(agentId) == null) {
      members.put(agentId, NONE);
    }
  }

  public void leave(String agentId) {
    members.remove(agentId);
  }

  /** Notes an agent's settled event time (never moves back); an agent not yet a member becomes one. */
  public void observe(String agentId, long settledEventTime) {
    Long known = members.get(agentId);
    if (known == null || settledEventTime > known) {
      members.put(agentId, settledEventTime);
    }
  }

  /** The team's event time ({@link #NONE} without members, or while a member has no event yet). */
  public long time() {
    return members.slowest();
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
