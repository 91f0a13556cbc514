package com.coachstream.streams.topology;

import com.coachstream.avro.AgentProfile;
import com.coachstream.streams.scoring.AgentState;
import com.coachstream.streams.scoring.Slice;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The scoring task's view of its agents: their states and slices through {@link DecodedCache}s (decoded once
 * while an agent is busy, written through to the stores), their remembered ids and the roster's teams. Made
 * anew on each initialisation of the task's processor, so nothing decoded before a re-initialisation (such as
 * after an aborted transaction) is kept.
 */
final class ScoringStores {

  /**
   * Agents whose decoded states a task keeps: its busy agents (the benchmarks' 1,200 agents on 12 partitions
   * are 100 per task), bounded whatever the number of agents the task owns, and only while they are read again
   * ({@link DecodedCache}).
   */
  static final int DECODED_STATES_PER_TASK = 128;
  /** Decoded slices kept per task: the busy agents' newest slices. */
  static final int DECODED_SLICES_PER_TASK = 256;

  private final KeyValueStore<String, AgentState> agentStore;
  private final DecodedCache<String, AgentState> agents;
  private final KeyValueStore<Bytes, Slice> slices;
  private final DecodedCache<Bytes, Slice> decodedSlices;
  private final KeyValueStore<Bytes, Long> ids;
  private final KeyValueStore<String, AgentProfile> roster;

  ScoringStores(ProcessorContext<?, ?> context) {
    agentStore = context.getStateStore(CoachingTopology.AGENT_STATE_STORE);
    agents = new DecodedCache<>(agentStore, DECODED_STATES_PER_TASK);
    slices = context.getStateStore(CoachingTopology.AGENT_SLICES_STORE);
    decodedSlices = new DecodedCache<>(slices, DECODED_SLICES_PER_TASK);
    ids = context.getStateStore(CoachingTopology.AGENT_IDS_STORE);
    roster = context.getStateStore(CoachingTopology.ROSTER_STORE);
  }

  /** The agent's state, null before their first event; changed in place, then {@link #put} back. */
  AgentState state(String agentId) {
    return agents.get(agentId);
  }

  void put(String agentId, AgentState state) {
    agents.put(agentId, state);
  }

  StoredAgentHistory history(String agentId) {
    return new StoredAgentHistory(agentId, slices, ids, decodedSlices);
  }

  /** The agent's roster profile, null when the roster does not know them. */
  AgentProfile profile(String agentId) {
    return roster.get(agentId);
  }

  /** The roster's team, else the last one seen on an interaction. */
  String teamOf(String agentId, AgentState state) {
    AgentProfile profile = roster.get(agentId);
    return profile != null && profile.getTeamId() != null ? profile.getTeamId() : state.teamId();
  }

  /** The agents whose state holds changes not yet published (read from the store, as restored). */
  List<String> agentsWithUnpublishedChanges() {
    List<String> dirty = new ArrayList<>();
    try (KeyValueIterator<String, AgentState> all = agentStore.all()) {
      all.forEachRemaining(kv -> {
        if (kv.value.isDirty()) {
          dirty.add(kv.key);
        }
      });
    }
    return dirty;
  }

  /**
   * Drops every decoded value, so the next reads decode what the stores hold: after a failure, when a decoded
   * state or slice may have been changed in place and not written, and when the task closes.
   */
  void forgetDecoded() {
    agents.clear();
    decodedSlices.clear();
  }
}
