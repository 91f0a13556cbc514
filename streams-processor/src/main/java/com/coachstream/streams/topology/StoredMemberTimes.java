package com.coachstream.streams.topology;

import com.coachstream.streams.effect.MemberTimes;
import com.coachstream.streams.effect.TeamClock;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * One team's {@link MemberTimes} in the team-members store: a record per member (its time) and one per member in
 * an index ordered by time, so a member's change is a few point reads and writes and the slowest member is the
 * first record of the index — the cost does not grow with the team's size.
 */
final class StoredMemberTimes implements MemberTimes {

  private final KeyValueStore<Bytes, Long> store;
  private final String teamId;

  StoredMemberTimes(KeyValueStore<Bytes, Long> store, String teamId) {
    this.store = store;
    this.teamId = teamId;
  }

  @Override
  public Long get(String agentId) {
    return store.get(TeamKeys.member(teamId, agentId));
  }

  @Override
  public void put(String agentId, long time) {
    remove(agentId);
    store.put(TeamKeys.member(teamId, agentId), time);
    store.put(TeamKeys.memberByTime(teamId, time, agentId), time);
  }

  @Override
  public void remove(String agentId) {
    Long old = get(agentId);
    if (old != null) {
      store.delete(TeamKeys.member(teamId, agentId));
      store.delete(TeamKeys.memberByTime(teamId, old, agentId));
    }
  }

  @Override
  public long slowest() {
    try (KeyValueIterator<Bytes, Long> byTime = store.range(TeamKeys.membersByTimeFrom(teamId),
        TeamKeys.membersByTimeTo(teamId))) {
      while (byTime.hasNext()) {
        var kv = byTime.next();
        if (!kv.key.equals(TeamKeys.membersByTimeTo(teamId))) {
          return kv.value;
        }
      }
    }
    return TeamClock.NONE;
  }
}
