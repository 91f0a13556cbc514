package com.coachstream.streams.query;

import com.coachstream.avro.AgentProfile;
import com.coachstream.common.security.TeamDirectory;
import com.coachstream.streams.topology.CoachingTopology;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * A supervisor's teams from the roster this instance holds: the teams of the agents whose roster entry names
 * them as supervisor. With several instances each holds part of the roster; a supervisor's team normally has
 * agents on every instance, and a team claim in the token or users file covers the rest. While the store is
 * not queryable (a rebalance) no team is found: the scope narrows, it never widens.
 */
public final class RosterTeams implements TeamDirectory {

  private final KafkaStreams streams;

  public RosterTeams(KafkaStreams streams) {
    this.streams = streams;
  }

  @Override
  public Set<String> teamsSupervisedBy(String userId) {
    Set<String> teams = new TreeSet<>();
    try {
      ReadOnlyKeyValueStore<String, AgentProfile> roster = streams.store(StoreQueryParameters.fromNameAndType(
          CoachingTopology.ROSTER_STORE, QueryableStoreTypes.<String, AgentProfile>keyValueStore()));
      try (KeyValueIterator<String, AgentProfile> all = roster.all()) {
        all.forEachRemaining(kv -> {
          if (userId.equals(kv.value.getSupervisorId()) && kv.value.getTeamId() != null) {
            teams.add(kv.value.getTeamId());
          }
        });
      }
    } catch (InvalidStateStoreException e) {
      return Set.of();
    }
    return teams;
  }
}
