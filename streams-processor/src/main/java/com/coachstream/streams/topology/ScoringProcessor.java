package com.coachstream.streams.topology;

import com.coachstream.avro.AgentProfile;
import com.coachstream.avro.CoachingAlert;
import com.coachstream.schemas.deadletter.DeadLetter;
import com.coachstream.schemas.validation.ReasonCode;
import com.coachstream.streams.actions.AgentActions;
import com.coachstream.streams.rules.EffectiveRules;
import com.coachstream.streams.rules.RuleBook;
import com.coachstream.streams.rules.TeamRules;
import com.coachstream.streams.scoring.AgentScorer;
import com.coachstream.streams.slip.Snoozes;
import com.coachstream.streams.slip.TeamDistributions;
import com.coachstream.streams.scoring.AgentState;
import com.coachstream.streams.scoring.ScorableEvent;
import com.coachstream.streams.scoring.ScoringResult;
import com.coachstream.streams.window.SourceWatermarks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Scores each valid event into its agent's state and history: per event one read and one write of the
 * agent's small state, of one slice and of one remembered id (decoded once while the agent is busy,
 * {@link ScoringStores}), alerts emitted at once. The windows an event changed are published later by
 * {@link WindowPublication}: the current one every commit interval, the others within
 * {@code scores.publish.interval}, once per agent however many events changed them, so per-event cost does not
 * grow with {@code window.size / window.advance} and the compacted topic ends with every window's final state.
 * Slips are decided by the rules in force for the agent's team ({@link CoachingTopology#RULES_STORE}).
 * SLIPs are held back while a supervisor's snooze of the agent and category runs ({@code agent-actions-store});
 * each alert raised goes to the alerts topic and to {@link CoachingTopology#APPLY_ACTIONS}, which tracks its status.
 * With {@code slip.team-percentile} on, the category scores of each window changed also go to the agent's team
 * ({@link WindowPublisher#sendToTeam}, through {@link CoachingTopology#TEAM_SCORES_TOPIC}); the current window's
 * at once, with the event that changed it, not at its publication, so the team's distributions follow every
 * event as before (the last scores the team gets are the window's final ones), and the scorer reads the team's
 * distribution from the global store ({@link GlobalTeamDistributions}: one lookup per decision).
 */
final class ScoringProcessor implements Processor<String, ScorableEvent, Object, Object> {

  private final AgentScorer scorer;
  private final Duration publishInterval;
  private final Duration alertsRetention;
  private ProcessorContext<Object, Object> context;
  private ScoringStores stores;
  private WindowPublisher publisher;
  private SourceWatermarks watermarks;
  private WindowPublication publication;
  private KeyValueStore<String, CoachingAlert> alerts;
  private KeyValueStore<String, AgentActions> actions;
  private final RuleBook ruleBook;
  private TeamRules teamRules;
  private TeamDistributions teamDistributions;
  private Sensor duplicates;
  private Sensor corrections;
  private Sensor retractions;
  private Sensor late;

  ScoringProcessor(AgentScorer scorer, Duration publishInterval, Duration alertsRetention, RuleBook ruleBook) {
    this.scorer = scorer;
    this.ruleBook = ruleBook;
    this.publishInterval = publishInterval;
    this.alertsRetention = alertsRetention;
  }

  @Override
  public void init(ProcessorContext<Object, Object> context) {
    this.context = context;
    // anew: nothing decoded before a (re-)initialisation, such as after an aborted transaction, is kept
    stores = new ScoringStores(context);
    // anew as well: after a re-initialisation the agents' own progress counts until the task reads further
    watermarks = new SourceWatermarks();
    publisher = new WindowPublisher(scorer.windows(), watermarks, context);
    alerts = context.getStateStore(CoachingTopology.ALERTS_STORE);
    actions = context.getStateStore(CoachingTopology.AGENT_ACTIONS_STORE);
    teamRules = new StoredTeamRules(context.getStateStore(CoachingTopology.RULES_STORE), ruleBook);
    teamDistributions = new GlobalTeamDistributions(context.getStateStore(CoachingTopology.TEAM_DISTRIBUTIONS_GLOBAL_STORE));
    duplicates = sensor("duplicates");
    corrections = sensor("corrections");
    retractions = sensor("retractions");
    late = sensor("late");
    publication = new WindowPublication(stores, publisher, teamRules, scorer);
    publication.schedule(context, publishInterval);
    context.schedule(Duration.ofHours(1), PunctuationType.WALL_CLOCK_TIME, this::pruneAlerts);
  }

  private Sensor sensor(String operation) {
    return context.metrics().addRateTotalSensor("coachstream", context.taskId() + "." + CoachingTopology.SCORE_PROCESSOR,
        operation, org.apache.kafka.common.metrics.Sensor.RecordingLevel.INFO);
  }

  @Override
  public void close() {
    if (stores != null) {
      stores.forgetDecoded();
    }
  }

  @Override
  public void process(Record<String, ScorableEvent> record) {
    try {
      score(record);
    } catch (RejectedRecordException e) {
      throw e; // judged late before anything was changed
    } catch (RuntimeException e) {
      stores.forgetDecoded(); // a decoded state or slice may have been changed in place and not written
      throw e;
    }
  }

  private void score(Record<String, ScorableEvent> record) {
    ScorableEvent event = record.value();
    watermarks.read(event.source(), event.eventTime());
    String agentId = event.agentId();
    AgentState state = stores.state(agentId);
    if (state == null) {
      state = new AgentState();
    }
    String teamId = teamOf(agentId, event, state);
    AgentActions agentActions = actions.get(agentId);
    EffectiveRules rules = teamRules.forTeam(teamId);
    ScoringResult result = scorer.score(state, stores.history(agentId), event, teamId,
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
    if (result.window() != null) {
      // before the state is written: notes the team the scores went to in it
      publisher.sendToTeam(rules.policy(), state, agentId, teamId, result.windowStart(), result.window(), record.timestamp());
    }
    stores.put(agentId, state);
    publication.changed(agentId, result.window() != null);
    for (CoachingAlert alert : result.alerts()) {
      alerts.put(alert.getAlertId(), alert);
      context.forward(new Record<>(agentId, alert, record.timestamp()), CoachingTopology.ALERTS_SINK);
      context.forward(new Record<>(agentId, alert, record.timestamp()), CoachingTopology.APPLY_ACTIONS);
    }
  }

  /** The roster's team first, else the interaction's, else the last one seen on an interaction. */
  private String teamOf(String agentId, ScorableEvent event, AgentState state) {
    AgentProfile profile = stores.profile(agentId);
    if (profile != null && profile.getTeamId() != null) {
      return profile.getTeamId();
    }
    if (event instanceof ScorableEvent.Interaction interaction && interaction.teamId() != null) {
      return interaction.teamId();
    }
    return state.teamId();
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
