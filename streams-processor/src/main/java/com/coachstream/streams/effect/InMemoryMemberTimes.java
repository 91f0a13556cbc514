package com.coachstream.streams.effect;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** {@link MemberTimes} in memory: the times by member, and how many members are at each time. */
public final class InMemoryMemberTimes implements MemberTimes {

  private final Map<String, Long> byMember = new HashMap<>();
  private final TreeMap<Long, Integer> membersAtTime = new TreeMap<>();

  @Override
  public Long get(String agentId) {
    return byMember.get(agentId);
  }

  @Override
  public void put(String agentId, long time) {
    remove(agentId);
    byMember.put(agentId, time);
    membersAtTime.merge(time, 1, Integer::sum);
  }

  @Override
  public void remove(String agentId) {
    Long old = byMember.remove(agentId);
    if (old != null) {
      membersAtTime.computeIfPresent(old, (t, n) -> n == 1 ? null : n - 1);
    }
  }

  @Override
  public long slowest() {
    return membersAtTime.isEmpty() ? TeamClock.NONE : membersAtTime.firstKey();
  }
}
