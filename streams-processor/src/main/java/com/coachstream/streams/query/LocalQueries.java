package com.coachstream.streams.query;

import com.coachstream.avro.AgentProfile;
import com.coachstream.avro.AgentSkillWindow;
import com.coachstream.avro.CoachingAlert;
import com.coachstream.avro.CoachingEffect;
import com.coachstream.schemas.json.AvroJson;
import com.coachstream.streams.actions.AlertStatus;
import com.coachstream.streams.actions.RulePrecision;
import com.coachstream.streams.scoring.AgentState;
import com.coachstream.streams.scoring.WindowRecords;
import com.coachstream.streams.scoring.WindowSweep;
import com.coachstream.streams.topology.StoredAgentHistory;
import com.coachstream.streams.topology.CoachingTopology;
import com.coachstream.streams.window.WindowSpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** Answers queries from this instance's state stores only; {@link QueryApi} routes and fans out. */
final class LocalQueries {

  /** The most windows one scores query returns. */
  static final int MAX_WINDOWS = 1000;

  private final KafkaStreams streams;
  private final WindowSpec windows;
  private final WindowRecords records;
  private final WindowSweep sweep;

  LocalQueries(KafkaStreams streams, WindowSpec windows) {
    this.streams = streams;
    this.windows = windows;
    this.records = new WindowRecords(windows);
    this.sweep = new WindowSweep(windows);
  }

  /**
   * The agent's non-empty windows overlapping [from, to] that its state still holds, or empty if unknown.
   * Only the store of the agent's partition is asked: while that partition is still restoring here (a
   * fail-over), it throws {@link org.apache.kafka.streams.errors.InvalidStateStoreException} (a 503, retry)
   * instead of the other local partitions answering "unknown agent" (a false 404).
   */
  Optional<List<JsonNode>> scores(String agentId, int partition, String fromParam, String toParam) {
    AgentState state = this.<AgentState>store(CoachingTopology.AGENT_STATE_STORE, partition).get(agentId);
    if (state == null || state.oldestSlice() == AgentState.NONE) {
      return Optional.empty();
    }
    long to = TimeParam.parse("to", toParam, state.newestEventTime());
    long from = TimeParam.parse("from", fromParam, to - windows.sizeMs() + 1);
    if (from > to) {
      throw new IllegalArgumentException("from must not be after to");
    }
    long first = Math.max(windows.firstWindowStartContaining(from), state.oldestSlice());
    long last = Math.min(windows.lastWindowStartContaining(to), first + (MAX_WINDOWS - 1) * windows.advanceMs());
    String teamId = teamOf(agentId, state);
    List<JsonNode> result = new ArrayList<>();
    if (first <= last) {
      StoredAgentHistory history = new StoredAgentHistory(agentId, historyStore(CoachingTopology.AGENT_SLICES_STORE, partition),
          historyStore(CoachingTopology.AGENT_IDS_STORE, partition));
      sweep.sweep(history.slices(first, last + windows.sizeMs()), first, last, (start, view) -> {
        AgentSkillWindow window = records.record(agentId, teamId, start, view);
        if (window != null) {
          result.add(AvroJson.toJson(window));
        }
      });
    }
    return Optional.of(result);
  }

  /** Latest window (the current window of the newest event) of each agent of the team held here. */
  List<JsonNode> teamAgents(String teamId) {
    List<JsonNode> result = new ArrayList<>();
    try (KeyValueIterator<String, AgentState> all = this.<AgentState>store(CoachingTopology.AGENT_STATE_STORE).all()) {
      all.forEachRemaining(kv -> {
        if (teamId.equals(teamOf(kv.key, kv.value)) && kv.value.newestEventTime() != AgentState.NONE) {
          long start = windows.currentWindowStart(kv.value.newestEventTime());
          AgentSkillWindow window = records.record(kv.key, teamId, start, kv.value.currentWindow());
          if (window != null) {
            result.add(AvroJson.toJson(window));
          }
        }
      });
    }
    return result;
  }

  /**
   * Alerts created at or after {@code since} whose status passes {@code wanted}, each with its status in the
   * supervisors' inbox: {@code status}, and once acted on {@code actorId}, {@code actedAt}, {@code dismissReason},
   * {@code snoozedUntil}. An alert's status lives in the same task as the alert (the agent's).
   */
  List<JsonNode> alerts(long since, Predicate<AlertStatus.Status> wanted) {
    List<JsonNode> result = new ArrayList<>();
    ReadOnlyKeyValueStore<String, AlertStatus> statuses = store(CoachingTopology.ALERT_STATUS_STORE);
    try (KeyValueIterator<String, CoachingAlert> all = this.<CoachingAlert>store(CoachingTopology.ALERTS_STORE).all()) {
      all.forEachRemaining(kv -> {
        if (kv.value.getCreatedAt().toEpochMilli() < since) {
          return;
        }
        AlertStatus status = statuses.get(kv.key);
        AlertStatus.Status current = status == null ? AlertStatus.Status.OPEN : status.status();
        if (wanted.test(current)) {
          ObjectNode alert = AvroJson.toJson(kv.value);
          alert.put("status", current.name().toLowerCase(java.util.Locale.ROOT));
          if (status != null) {
            putIfPresent(alert, "actorId", status.actorId());
            putIfPresent(alert, "actedAt", status.actedAt() == null ? null : Instant.ofEpochMilli(status.actedAt()).toString());
            putIfPresent(alert, "dismissReason", status.dismissReason() == null ? null : status.dismissReason().name());
            putIfPresent(alert, "snoozedUntil", status.snoozedUntil() == null ? null : Instant.ofEpochMilli(status.snoozedUntil()).toString());
          }
          result.add(alert);
        }
      });
    }
    return result;
  }

  private static void putIfPresent(ObjectNode node, String field, String value) {
    if (value != null) {
      node.put(field, value);
    }
  }

  /** Per rule, the SLIP alerts raised and dismissed as FALSE_ALARM in the partitions held here. */
  Map<String, RulePrecision> rulePrecision() {
    Map<String, RulePrecision> sums = new TreeMap<>();
    try (KeyValueIterator<String, RulePrecision> all = this.<RulePrecision>store(CoachingTopology.RULE_PRECISION_STORE).all()) {
      all.forEachRemaining(kv -> sums.merge(kv.key, kv.value, RulePrecision::plus));
    }
    return sums;
  }

  /** The latest effect of every session held here that passes {@code filter}. */
  List<JsonNode> effects(java.util.function.Predicate<CoachingEffect> filter) {
    List<JsonNode> result = new ArrayList<>();
    try (KeyValueIterator<String, CoachingEffect> all = this.<CoachingEffect>store(CoachingTopology.EFFECTS_STORE).all()) {
      all.forEachRemaining(kv -> {
        if (filter.test(kv.value)) {
          result.add(AvroJson.toJson(kv.value));
        }
      });
    }
    return result;
  }

  /** The agent's team and roster supervisor as this instance's partition knows them; nulls when unknown. */
  String[] teamAndSupervisor(String agentId, int partition) {
    AgentProfile profile = this.<AgentProfile>store(CoachingTopology.ROSTER_STORE, partition).get(agentId);
    AgentState state = this.<AgentState>store(CoachingTopology.AGENT_STATE_STORE, partition).get(agentId);
    String team = profile != null && profile.getTeamId() != null ? profile.getTeamId() : state == null ? null : state.teamId();
    return new String[] {team, profile == null ? null : profile.getSupervisorId()};
  }

  private String teamOf(String agentId, AgentState state) {
    AgentProfile profile = this.<AgentProfile>store(CoachingTopology.ROSTER_STORE).get(agentId);
    return profile != null && profile.getTeamId() != null ? profile.getTeamId() : state.teamId();
  }

  private <V> ReadOnlyKeyValueStore<String, V> store(String name) {
    return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore()));
  }

  private <V> ReadOnlyKeyValueStore<String, V> store(String name, int partition) {
    return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore())
        .withPartition(partition));
  }

  private <V> ReadOnlyKeyValueStore<Bytes, V> historyStore(String name, int partition) {
    return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<Bytes, V>keyValueStore())
        .withPartition(partition));
  }
}
