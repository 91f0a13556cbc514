package com.coachstream.streams.topology;

import com.coachstream.avro.AgentProfile;
import com.coachstream.avro.AgentSkillWindow;
import com.coachstream.avro.AgentWindowKey;
import com.coachstream.avro.CoachingAlert;
import com.coachstream.schemas.deadletter.DeadLetter;
import com.coachstream.schemas.validation.ReasonCode;
import com.coachstream.streams.actions.AgentActions;
import com.coachstream.streams.rules.EffectiveRules;
import com.coachstream.streams.rules.RuleBook;
import com.coachstream.streams.rules.TeamRules;
import com.coachstream.streams.scoring.AgentScorer;
import com.coachstream.streams.effect.AgentDay;
import com.coachstream.streams.slip.Snoozes;
import com.coachstream.streams.slip.SlipPolicy;
import com.coachstream.streams.slip.TeamDistributions;
import com.coachstream.streams.team.MemberScores;
import com.coachstream.streams.team.TeamScoreReport;
import com.coachstream.streams.scoring.AgentState;
import com.coachstream.streams.scoring.DaySums;
import com.coachstream.streams.scoring.Fnv64;
import com.coachstream.streams.scoring.ScorableEvent;
import com.coachstream.streams.scoring.ScoringResult;
import com.coachstream.streams.scoring.Slice;
import com.coachstream.streams.scoring.WindowRecords;
import com.coachstream.streams.scoring.WindowSweep;
import com.coachstream.streams.scoring.WindowView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Scores each valid event into its agent's state and history: per event one read and one write of the
 * agent's small state, of one slice and of one remembered id, the agent's latest window published at once
 * when the event changed it (as scoring derived it), alerts emitted. The other windows an event changed (every window holding a
 * changed slice) are published by a wall-clock punctuation within {@code scores.publish.interval} (spread over
 * it by {@link PublicationPacer}), once per agent however many events changed it, derived in one sweep over
 * the agent's slices, so per-event cost
 * does not grow with {@code window.size / window.advance} and the compacted topic ends with every window's
 * final state. Which agents have unpublished changes is kept in the state itself (and mirrored in memory).
 * Slips are decided by the rules in force for the agent's team ({@link CoachingTopology#RULES_STORE}).
 * SLIPs are held back while a supervisor's snooze of the agent and category runs ({@code agent-actions-store});
 * each alert raised goes to the alerts topic and to {@link CoachingTopology#APPLY_ACTIONS}, which tracks its status.
 * With {@code slip.team-percentile} on, each published window's category scores also go to the agent's team
 * ({@link TeamScoreReport}, through {@link CoachingTopology#TEAM_SCORES_TOPIC}), and the scorer reads the team's
 * distribution from the global store ({@link GlobalTeamDistributions}: one lookup per decision).
 */
final class ScoringProcessor implements Processor<String, ScorableEvent, Object, Object> {

  private final AgentScorer scorer;
  private final WindowRecords windows;
  private final WindowSweep sweep;
  private final Duration publishInterval;
  private final Duration alertsRetention;
  /** In the order they first changed: the longest waiting are published first. */
  private final Set<String> agentsWithUnpublishedWindows = new LinkedHashSet<>();
  private final PublicationPacer pacer = new PublicationPacer();
  private ProcessorContext<Object, Object> context;
  private KeyValueStore<String, AgentState> agents;
  private KeyValueStore<Bytes, Slice> slices;
  private KeyValueStore<Bytes, Long> ids;
  private KeyValueStore<String, AgentProfile> roster;
  private KeyValueStore<String, CoachingAlert> alerts;
  private KeyValueStore<String, AgentActions> actions;
  private final RuleBook ruleBook;
  private TeamRules teamRules;
  private TeamDistributions teamDistributions;
  private final TeamScoreReport teamScores = new TeamScoreReport();
  private Sensor duplicates;
  private Sensor corrections;
  private Sensor retractions;
  private Sensor late;

  ScoringProcessor(AgentScorer scorer, Duration publishInterval, Duration alertsRetention, RuleBook ruleBook) {
    this.scorer = scorer;
    this.ruleBook = ruleBook;
    this.windows = new WindowRecords(scorer.windows());
    this.sweep = new WindowSweep(scorer.windows());
    this.publishInterval = publishInterval;
    this.alertsRetention = alertsRetention;
  }

  @Override
  public void init(ProcessorContext<Object, Object> context) {
    this.context = context;
    agents = context.getStateStore(CoachingTopology.AGENT_STATE_STORE);
    slices = context.getStateStore(CoachingTopology.AGENT_SLICES_STORE);
    ids = context.getStateStore(CoachingTopology.AGENT_IDS_STORE);
    roster = context.getStateStore(CoachingTopology.ROSTER_STORE);
    alerts = context.getStateStore(CoachingTopology.ALERTS_STORE);
    actions = context.getStateStore(CoachingTopology.AGENT_ACTIONS_STORE);
    teamRules = new StoredTeamRules(context.getStateStore(CoachingTopology.RULES_STORE), ruleBook);
    teamDistributions = new GlobalTeamDistributions(context.getStateStore(CoachingTopology.TEAM_DISTRIBUTIONS_GLOBAL_STORE));
    duplicates = sensor("duplicates");
    corrections = sensor("corrections");
    retractions = sensor("retractions");
    late = sensor("late");
    // after a restart or rebalance, the unpublished changes are in the restored state
    try (KeyValueIterator<String, AgentState> all = agents.all()) {
      all.forEachRemaining(kv -> {
        if (kv.value.isDirty()) {
          agentsWithUnpublishedWindows.add(kv.key);
        }
      });
    }
    context.schedule(PublicationPacer.tickInterval(publishInterval), PunctuationType.WALL_CLOCK_TIME,
        now -> publishChangedWindows(pacer.take(agentsWithUnpublishedWindows.size())));
    context.schedule(Duration.ofHours(1), PunctuationType.WALL_CLOCK_TIME, this::pruneAlerts);
  }

  private Sensor sensor(String operation) {
    return context.metrics().addRateTotalSensor("coachstream", context.taskId() + "." + CoachingTopology.SCORE_PROCESSOR,
        operation, org.apache.kafka.common.metrics.Sensor.RecordingLevel.INFO);
  }

  @Override
  public void process(Record<String, ScorableEvent> record) {
    ScorableEvent event = record.value();
    String agentId = event.agentId();
    AgentState state = agents.get(agentId);
    if (state == null) {
      state = new AgentState();
    }
    String teamId = teamOf(agentId, event, state);
    Long correctedDay = event instanceof ScorableEvent.Evaluation ? history(agentId).evaluationSlice(Fnv64.hash(event.sourceId())) : null;
    AgentActions agentActions = actions.get(agentId);
    EffectiveRules rules = teamRules.forTeam(teamId);
    ScoringResult result = scorer.score(state, history(agentId), event, teamId,
        agentActions == null ? Snoozes.NONE : agentActions.toSnoozes(), rules, teamDistributions);
    switch (result.outcome()) {
      case DUPLICATE -> duplicates.record();
      case LATE -> {
        late.record();
        throw new RejectedRecordException(DeadLetter.Stage.LATE, ReasonCode.LATE, result.lateMessage());
      }
      case CORRECTED -> corrections.record();
      case RETRACTED -> retractions.record();
      default -> { }
    }
    if (!result.changedState()) {
      return;
    }
    List<MemberScores> toTeam = result.window() == null ? List.of()
        : teamScores.of(rules.policy(), state, agentId, teamId, result.windowStart(), result.window());
    agents.put(agentId, state);
    agentsWithUnpublishedWindows.add(agentId);
    forwardChangedDays(agentId, teamId, state, event, correctedDay, record.timestamp());
    if (result.window() != null) {
      publish(agentId, teamId, result.windowStart(), result.window(), record.timestamp());
      forwardToTeam(toTeam, record.timestamp());
    }
    for (CoachingAlert alert : result.alerts()) {
      alerts.put(alert.getAlertId(), alert);
      context.forward(new Record<>(agentId, alert, record.timestamp()), CoachingTopology.ALERTS_SINK);
      context.forward(new Record<>(agentId, alert, record.timestamp()), CoachingTopology.APPLY_ACTIONS);
    }
  }

  /**
   * Sends the full sums of the days (slices) the event changed, its own and a corrected evaluation's earlier
   * one, to the agent's team for the coaching effect measurement (nothing without a known team).
   */
  private void forwardChangedDays(String agentId, String teamId, AgentState state, ScorableEvent event,
      Long correctedDay, long timestamp) {
    if (teamId == null) {
      return;
    }
    long day = scorer.windows().sliceStart(event.eventTime());
    for (long changed : correctedDay == null || correctedDay == day ? new long[] {day} : new long[] {day, correctedDay}) {
      AgentDay value = new AgentDay(agentId, teamId, changed, state.newestEventTime(),
          DaySums.of(history(agentId).slice(changed)));
      context.forward(new Record<>(teamId, value, timestamp), CoachingTopology.EFFECT_INPUTS_SINK);
    }
  }

  /** The agent's scores in a published window, to the team's partition (the team-relative rule). */
  private void forwardToTeam(List<MemberScores> records, long timestamp) {
    for (MemberScores scores : records) {
      context.forward(new Record<>(scores.teamId(), scores, timestamp), CoachingTopology.TEAM_SCORES_SINK);
    }
  }

  /** The roster's team first, else the interaction's, else the last one seen on an interaction. */
  private String teamOf(String agentId, ScorableEvent event, AgentState state) {
    AgentProfile profile = roster.get(agentId);
    if (profile != null && profile.getTeamId() != null) {
      return profile.getTeamId();
    }
    if (event instanceof ScorableEvent.Interaction interaction && interaction.teamId() != null) {
      return interaction.teamId();
    }
    return state.teamId();
  }

  private StoredAgentHistory history(String agentId) {
    return new StoredAgentHistory(agentId, slices, ids);
  }

  /** Publishes one window; {@code timestamp} is the record's Kafka timestamp when the window is empty (a tombstone). */
  private void publish(String agentId, String teamId, long windowStart, WindowView view, long timestamp) {
    AgentSkillWindow value = windows.record(agentId, teamId, windowStart, view);
    if (value != null) {
      timestamp = value.getUpdatedAt().toEpochMilli();
    }
    AgentWindowKey key = WindowRecords.key(agentId, windowStart);
    context.forward(new Record<>(key, value, timestamp), CoachingTopology.SKILL_SCORES_SINK);
  }

  /** Publishes the changed windows of the {@code count} agents that have waited longest. */
  private void publishChangedWindows(int count) {
    List<String> pending = new ArrayList<>(count);
    Iterator<String> waiting = agentsWithUnpublishedWindows.iterator();
    while (pending.size() < count && waiting.hasNext()) {
      pending.add(waiting.next());
      waiting.remove();
    }
    for (String agentId : pending) {
      AgentState state = agents.get(agentId);
      if (state == null || !state.isDirty()) {
        continue;
      }
      AgentProfile profile = roster.get(agentId);
      String teamId = profile != null && profile.getTeamId() != null ? profile.getTeamId() : state.teamId();
      StoredAgentHistory history = history(agentId);
      SlipPolicy policy = teamRules.forTeam(teamId).policy();
      long first = scorer.windows().firstWindowStartContaining(state.dirtyFrom());
      long last = scorer.windows().lastWindowStartContaining(state.dirtyTo());
      sweep.sweep(history.slices(first, last + scorer.windows().sizeMs()), first, last,
          (windowStart, view) -> {
            publish(agentId, teamId, windowStart, view, state.newestEventTime());
            forwardToTeam(teamScores.of(policy, state, agentId, teamId, windowStart, view), state.newestEventTime());
          });
      state.clearDirty();
      scorer.expire(state, history);
      agents.put(agentId, state);
    }
  }

  private void pruneAlerts(long now) {
    long oldest = now - alertsRetention.toMillis();
    List<String> expired = new ArrayList<>();
    try (KeyValueIterator<String, CoachingAlert> all = alerts.all()) {
      while (all.hasNext()) {
        KeyValue<String, CoachingAlert> kv = all.next();
        if (kv.value.getCreatedAt().toEpochMilli() < oldest) {
          expired.add(kv.key);
        }
      }
    }
    expired.forEach(alerts::delete);
  }
}
