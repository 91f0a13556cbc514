package com.coachstream.streams.effect;

/**
 * The settled event time of each member of one team, and the slowest of them. Kept apart from {@link TeamClock}
 * so that the streams processor can hold it in a store, one record per member plus an index by time: a change
 * of one member then costs the same whatever the team's size.
 */
public interface MemberTimes {

  /** A member's time, or {@code null} when the agent is not a member. */
  Long get(String agentId);

  /** Sets a member's time, making the agent a member if it was not one. */
  void put(String agentId, long time);

  void remove(String agentId);

  /** The smallest time of any member ({@link TeamClock#NONE} without members or while a member has none). */
  long slowest();
}
