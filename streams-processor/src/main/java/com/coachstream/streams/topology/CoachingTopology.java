package com.coachstream.streams.topology;

import com.coachstream.avro.AgentProfile;
import com.coachstream.avro.CoachingAction;
import com.coachstream.avro.CoachingAlert;
import com.coachstream.avro.CoachingEffect;
import com.coachstream.avro.InteractionEvent;
import com.coachstream.avro.QaEvaluation;
import com.coachstream.schemas.serde.AvroSerde;
import com.coachstream.schemas.topics.Topic;
import com.coachstream.schemas.topics.Topics;
import com.coachstream.schemas.validation.EventValidator;
import com.coachstream.streams.actions.AgentActions;
import com.coachstream.streams.actions.AlertStatus;
import com.coachstream.streams.actions.RulePrecision;
import com.coachstream.streams.alerts.AlertFactory;
import com.coachstream.streams.scoring.AgentScorer;
import com.coachstream.streams.effect.AgentDay;
import com.coachstream.streams.effect.EffectRules;
import com.coachstream.streams.effect.Session;
import com.coachstream.streams.effect.TeamClock;
import com.coachstream.streams.rules.RuleBook;
import com.coachstream.streams.scoring.ObservationExtractor;
import com.coachstream.streams.scoring.ScorableEvent;
import com.coachstream.streams.slip.AlertMode;
import com.coachstream.streams.window.WindowSpec;
import java.time.Clock;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;

/**
 * The streams processor's topology (Processor API), a pure function of its settings:
 * <pre>
 * interactions-source   -> validate-interactions   \
 *                                                    score-events -> skill-scores-sink, alerts-sink
 * qa-evaluations-source -> validate-qa-evaluations /   (agent-state-store, agent-slices-store,
 *                                                        agent-ids-store, roster-store, alerts-store)
 * agents-source         -> roster-update              (roster-store)
 *                       -> report-refused-rules -> refused-rules-sink (dead-letter topic)
 * rules-source          -> rules-update               (global rules-store, read by score-events)
 * actions-source        -> validate-actions -> apply-actions (agent-actions-store, action-ids-store,
 *                                score-events (alerts) /         alert-status-store, pending-actions-store,
 *                                                                rule-precision-store)
 * apply-actions (accepted actions) -> start-effect-measurements \  (score-events also sends changed agent
 *                                                                  days, roster-update the teams' members)
 *        effect-inputs-by-team-repartition (key team id) -> measure-effects -> effects-sink
 *        (team-days-store, team-sessions-store, team-clock-store, team-members-store, effects-store)
 * score-events (window scores, slip.team-percentile on) -> team-scores-by-team-repartition (key team id)
 *        -> rank-in-teams (team-distributions-store, team-member-scores-store) -> team-distributions topic
 *        -> team-distributions-global-store (every instance), read by score-events
 * </pre>
 * In statistical mode, validated QA evaluations pass through {@link LeniencyTopology} (evaluator leniency)
 * before score-events.
 * The scorer reads the snoozes of agent-actions-store; the actions topic is keyed by agent and co-partitioned
 * with the inputs, so an agent's actions are applied in the task that holds the agent's state.
 * Undecodable records and rejected ones (invalid, late) reach the dead-letter topic through
 * {@link DeadLetterHandlers}. The agents topic must have as many partitions as the input topics: the roster
 * and the scoring share one sub-topology, so an agent's profile and events meet in one task.
 */
public final class CoachingTopology {

  public static final String INTERACTIONS_SOURCE = "interactions-source";
  public static final String QA_EVALUATIONS_SOURCE = "qa-evaluations-source";
  public static final String AGENTS_SOURCE = "agents-source";
  public static final String VALIDATE_INTERACTIONS = "validate-interactions";
  public static final String VALIDATE_QA_EVALUATIONS = "validate-qa-evaluations";
  public static final String ROSTER_PROCESSOR = "roster-update";
  public static final String SCORE_PROCESSOR = "score-events";
  public static final String SKILL_SCORES_SINK = "skill-scores-sink";
  public static final String ALERTS_SINK = "alerts-sink";
  /**
   * Per-agent state read and written on every event (slip state, current window and baseline sums); its
   * changelog is {@code <application-id>-agent-state-store-changelog}.
   */
  public static final String AGENT_STATE_STORE = "agent-state-store";
  /** Per agent and {@code window.advance} slice: the partial aggregates windows are derived from. */
  public static final String AGENT_SLICES_STORE = "agent-slices-store";
  /** Per agent and accepted source id (hashed): the slice holding it, to recognise re-sends and corrections. */
  public static final String AGENT_IDS_STORE = "agent-ids-store";
  public static final String ROSTER_STORE = "roster-store";
  public static final String ALERTS_STORE = "alerts-store";

  /** Supervisors' actions (key agentId), co-partitioned with the inputs. */
  public static final String ACTIONS_SOURCE = "actions-source";
  /** Validates actions; invalid ones go to the dead-letter topic (stage validate) with their reason. */
  public static final String VALIDATE_ACTIONS = "validate-actions";
  /**
   * Applies each valid action in the agent's task ({@link ApplyActionsProcessor}) and learns of each alert the
   * scorer raises. Accepted (not duplicate) actions are forwarded to this processor's children, key agentId,
   * value the {@link CoachingAction} with its category filled in: a processor that needs them (such as the
   * effect measurement) is added with {@code APPLY_ACTIONS} as its parent.
   */
  public static final String APPLY_ACTIONS = "apply-actions";
  /** Per agent: the snooze of each category (read by the scorer) and the agent's open alerts. */
  public static final String AGENT_ACTIONS_STORE = "agent-actions-store";
  /** Per agent and actionId: accepted actions (their time), to ignore re-sends; kept for alerts.retention. */
  public static final String ACTION_IDS_STORE = "action-ids-store";
  /** Per alertId: the alert's status in the inbox (open, acknowledged, dismissed, coached), actor and time. */
  public static final String ALERT_STATUS_STORE = "alert-status-store";
  /** Per alertId and actionId: actions with no category that wait for their alert to arrive. */
  public static final String PENDING_ACTIONS_STORE = "pending-actions-store";
  // rules per team (docs/concepts.md, "Rules per team")
  /** Reads the rules topic into {@link #RULES_STORE} on every instance. */
  public static final String RULES_SOURCE = "rules-source";
  /** Checks each rule set and keeps the valid ones ({@link RulesStoreProcessor}). */
  public static final String UPDATE_RULES = "rules-update";
  /**
   * Global store, per team id (or {@code *}): the rules in force and the last refused rule set; read by the
   * scorer before each decision, so a change applies from the next event, without a restart.
   */
  public static final String RULES_STORE = "rules-store";
  /** Sends refused rule sets to the dead-letter topic ({@link RefusedRulesReporter}). */
  public static final String REPORT_REFUSED_RULES = "report-refused-rules";
  public static final String REFUSED_RULES_SINK = "refused-rules-sink";

  /** Per rule key (such as {@code threshold:BELOW_FLOOR}): SLIP alerts raised and dismissed as FALSE_ALARM. */
  public static final String RULE_PRECISION_STORE = "rule-precision-store";
  // coaching effect (docs/concepts.md, "Coaching effect")
  /** Starts an effect measurement per accepted COACHED action: sends the session to its team's partition. */
  public static final String START_EFFECTS = "start-effect-measurements";
  /**
   * Repartition topic ({@code <application-id>-effect-inputs-by-team-repartition}, key team id): the sessions and
   * every changed agent day, so one task sees the whole team.
   */
  public static final String EFFECT_INPUTS_TOPIC = "effect-inputs-by-team-repartition";
  public static final String EFFECT_INPUTS_SINK = "effect-inputs-by-team-sink";
  public static final String EFFECT_INPUTS_SOURCE = "effect-inputs-by-team-source";
  /** Per team: keeps days, sessions and the team's clock, publishes each session's effect. */
  public static final String MEASURE_EFFECTS = "measure-effects";
  public static final String EFFECTS_SINK = "effects-sink";
  /** Per team, day and agent: the agent's full category sums of that day. */
  public static final String TEAM_DAYS_STORE = "team-days-store";
  /** Per team and session id: the sessions measured or still able to exclude an agent from a comparison group. */
  public static final String TEAM_SESSIONS_STORE = "team-sessions-store";
  /** Per team: next closing time and last evaluated day of its measurements. */
  public static final String TEAM_CLOCK_STORE = "team-clock-store";
  /** Per team and member: the member's newest event time, and the same indexed by time (the team's event time). */
  public static final String TEAM_MEMBERS_STORE = "team-members-store";
  /** Per session id: the latest published effect (queries; a closed one is never published again). */
  public static final String EFFECTS_STORE = "effects-store";

  // team-relative rule (docs/concepts.md, "Team-relative rule")
  /**
   * Repartition topic ({@code <application-id>-team-scores-by-team-repartition}, key team id): each published
   * window's category scores of an agent (only with {@code slip.team-percentile} on), so one task sees the team.
   */
  public static final String TEAM_SCORES_TOPIC = "team-scores-by-team-repartition";
  public static final String TEAM_SCORES_SINK = "team-scores-by-team-sink";
  public static final String TEAM_SCORES_SOURCE = "team-scores-by-team-source";
  /** Per team: keeps the score distribution of each category and window, publishes each change. */
  public static final String RANK_IN_TEAMS = "rank-in-teams";
  /** Per team, window and category: the histogram of members' scores; per team: its newest window. */
  public static final String TEAM_DISTRIBUTIONS_STORE = "team-distributions-store";
  /** Per team, window, category and member: the bucket the member is counted in. */
  public static final String TEAM_MEMBER_SCORES_STORE = "team-member-scores-store";
  public static final String TEAM_DISTRIBUTIONS_SINK = "team-distributions-sink";
  /** Global store (every instance) following the team-distributions topic; the scorer reads it. */
  public static final String TEAM_DISTRIBUTIONS_GLOBAL_STORE = "team-distributions-global-store";
  public static final String TEAM_DISTRIBUTIONS_SOURCE = "team-distributions-source";
  public static final String TEAM_DISTRIBUTIONS_UPDATE = "team-distributions-update";

  private CoachingTopology() { }

  public static Topology topology(StreamsSettings settings) {
    Topics topics = settings.topics();
    EventValidator validator = new EventValidator(settings.taxonomy(), Clock.systemUTC());
    ObservationExtractor extractor = new ObservationExtractor(settings.taxonomy());
    AgentScorer scorer = new AgentScorer(settings.windows(), settings.slipPolicy(), new AlertFactory(settings.tips()));
    RuleBook ruleBook = settings.ruleBook();
    RepartitioningTopology topology = new RepartitioningTopology();

    // inputs, decoded with the catalogue's serdes; undecodable bytes go to the dead-letter handler
    source(topology, INTERACTIONS_SOURCE, topics.interactions());
    source(topology, QA_EVALUATIONS_SOURCE, topics.qaEvaluations());
    source(topology, AGENTS_SOURCE, topics.agents());
    source(topology, ACTIONS_SOURCE, topics.actions());

    // validation (docs/concepts.md), then reduction to observations
    topology.addProcessor(VALIDATE_INTERACTIONS, () -> new InputValidationProcessor<InteractionEvent, ScorableEvent>(
        validator::check, InteractionEvent::getAgentId, extractor::interaction), INTERACTIONS_SOURCE);
    // statistical mode corrects evaluations by their evaluator's leniency before scoring (LeniencyTopology)
    boolean leniency = settings.slipPolicy().mode() == AlertMode.STATISTICAL;
    String scoredEvaluations = leniency ? LeniencyTopology.CORRECT_LENIENCY : VALIDATE_QA_EVALUATIONS;
    if (leniency) {
      topology.addProcessor(VALIDATE_QA_EVALUATIONS, () -> new InputValidationProcessor<QaEvaluation, QaEvaluation>(
          validator::check, QaEvaluation::getAgentId, Function.identity()), QA_EVALUATIONS_SOURCE);
      LeniencyTopology.add(topology, settings, extractor, VALIDATE_QA_EVALUATIONS);
    } else {
      topology.addProcessor(VALIDATE_QA_EVALUATIONS, () -> new InputValidationProcessor<QaEvaluation, ScorableEvent>(
          validator::check, QaEvaluation::getAgentId, extractor::evaluation), QA_EVALUATIONS_SOURCE);
    }

    topology.addProcessor(VALIDATE_ACTIONS, () -> new InputValidationProcessor<CoachingAction, CoachingAction>(
        validator::check, CoachingAction::getAgentId, Function.identity()), ACTIONS_SOURCE);

    // roster table: the agent's team
    topology.addProcessor(ROSTER_PROCESSOR, () -> new RosterProcessor(validator), AGENTS_SOURCE);

    // scoring, windows, slip detection
    topology.addProcessor(SCORE_PROCESSOR, () -> new ScoringProcessor(scorer, settings.publishInterval(),
        settings.alertsRetention(), ruleBook), VALIDATE_INTERACTIONS, scoredEvaluations);
    RulesTopology.addTo(topology, settings, ruleBook);

    // supervisors' actions, next to the agent's state; the scorer forwards each alert it raises here too
    topology.addProcessor(APPLY_ACTIONS, () -> new ApplyActionsProcessor(settings.alertsRetention()),
        VALIDATE_ACTIONS, SCORE_PROCESSOR);

    // Cached stores: the updates of an agent between two commits are coalesced into one write of each record
    // (RocksDB and changelog) instead of one per event, and hot agents are read from memory. Remembered ids
    // are written once and rarely read again: caching them would only push agents out of the cache.
    topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(AGENT_STATE_STORE),
        Serdes.String(), new AgentStateSerde()).withCachingEnabled(), SCORE_PROCESSOR);
    topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(AGENT_SLICES_STORE),
        Serdes.Bytes(), new SliceSerde()).withCachingEnabled(), SCORE_PROCESSOR);
    topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(AGENT_IDS_STORE),
        Serdes.Bytes(), Serdes.Long()), SCORE_PROCESSOR);
    topology.addStateStore(Stores.keyValueStoreBuilder(small(ROSTER_STORE),
        Serdes.String(), new AvroSerde<>(AgentProfile.class)).withCachingEnabled(), ROSTER_PROCESSOR, SCORE_PROCESSOR);
    topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ALERTS_STORE),
        Serdes.String(), new AvroSerde<>(CoachingAlert.class)), SCORE_PROCESSOR);

    topology.addStateStore(Stores.keyValueStoreBuilder(small(AGENT_ACTIONS_STORE),
        Serdes.String(), new JsonRecordSerde<>(AgentActions.class)).withCachingEnabled(), APPLY_ACTIONS, SCORE_PROCESSOR);
    topology.addStateStore(Stores.keyValueStoreBuilder(small(ACTION_IDS_STORE),
        Serdes.String(), Serdes.Long()), APPLY_ACTIONS);
    topology.addStateStore(Stores.keyValueStoreBuilder(small(ALERT_STATUS_STORE),
        Serdes.String(), new JsonRecordSerde<>(AlertStatus.class)), APPLY_ACTIONS);
    topology.addStateStore(Stores.keyValueStoreBuilder(small(PENDING_ACTIONS_STORE),
        Serdes.String(), new AvroSerde<>(CoachingAction.class)), APPLY_ACTIONS);
    topology.addStateStore(Stores.keyValueStoreBuilder(small(RULE_PRECISION_STORE),
        Serdes.String(), new JsonRecordSerde<>(RulePrecision.class)), APPLY_ACTIONS);
    effects(topology, settings);
    TeamDistributionsTopology.addTo(topology, settings);

    // outputs
    topology.addSink(SKILL_SCORES_SINK, topics.skillScores().name(), topics.skillScores().keySerde().serializer(),
        topics.skillScores().valueSerde().serializer(), SCORE_PROCESSOR);
    topology.addSink(ALERTS_SINK, topics.alerts().name(), topics.alerts().keySerde().serializer(),
        topics.alerts().valueSerde().serializer(), SCORE_PROCESSOR);
    return topology;
  }

  /**
   * A store of few, small records (the roster, supervisors' actions and alert statuses, a team's sessions, clock,
   * members and effects): kept on the heap and rebuilt from its changelog at start. Each RocksDB store costs an
   * instance per partition, with memory outside the heap and files to open at every start, and under
   * exactly-once a crash has Kafka Streams wipe it and rebuild it from the changelog anyway. The stores that grow
   * with agents and days (state, slices, remembered ids, alerts, team days, member scores) stay on RocksDB.
   */
  static KeyValueBytesStoreSupplier small(String name) {
    return Stores.inMemoryKeyValueStore(name);
  }

  /**
   * Coaching effect: COACHED sessions (agent's partition) and changed agent days (from scoring) go to the
   * team's partition, where the team's effects are measured and published.
   */
  private static void effects(RepartitioningTopology topology, StreamsSettings settings) {
    Topics topics = settings.topics();
    // accepted (validated, not duplicate) actions come from apply-actions; only COACHED ones start a measurement
    topology.addProcessor(START_EFFECTS, () -> new CoachedSessionProcessor(settings.taxonomy()), APPLY_ACTIONS);
    topology.connectProcessorAndStateStores(START_EFFECTS, ROSTER_STORE, AGENT_STATE_STORE, ALERTS_STORE);

    // repartition by team: one task holds a whole team
    topology.addRepartitionTopic(EFFECT_INPUTS_TOPIC);
    topology.addSink(EFFECT_INPUTS_SINK, EFFECT_INPUTS_TOPIC, Serdes.String().serializer(),
        new EffectInputSerde<>().serializer(), SCORE_PROCESSOR, START_EFFECTS, ROSTER_PROCESSOR);
    topology.addSource(EFFECT_INPUTS_SOURCE, Serdes.String().deserializer(), new EffectInputSerde<>().deserializer(),
        EFFECT_INPUTS_TOPIC);

    WindowSpec windows = settings.windows();
    EffectRules rules = new EffectRules(settings.effectWindow(), windows.advance(), windows.grace(),
        category -> settings.slipPolicy().rules(category).minSamples());
    topology.addProcessor(MEASURE_EFFECTS, () -> new TeamEffectProcessor(rules, windows.advanceMs()),
        EFFECT_INPUTS_SOURCE);
    topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(TEAM_DAYS_STORE),
        Serdes.Bytes(), new EffectInputSerde<AgentDay>()).withCachingEnabled(), MEASURE_EFFECTS);
    topology.addStateStore(Stores.keyValueStoreBuilder(small(TEAM_SESSIONS_STORE),
        Serdes.Bytes(), new EffectInputSerde<Session>()), MEASURE_EFFECTS);
    topology.addStateStore(Stores.keyValueStoreBuilder(small(TEAM_CLOCK_STORE),
        Serdes.String(), new EffectInputSerde<TeamClock>()).withCachingEnabled(), MEASURE_EFFECTS);
    topology.addStateStore(Stores.keyValueStoreBuilder(small(TEAM_MEMBERS_STORE),
        Serdes.Bytes(), Serdes.Long()).withCachingEnabled(), MEASURE_EFFECTS);
    topology.addStateStore(Stores.keyValueStoreBuilder(small(EFFECTS_STORE),
        Serdes.String(), new AvroSerde<>(CoachingEffect.class)), MEASURE_EFFECTS);
    topology.addSink(EFFECTS_SINK, topics.effects().name(), topics.effects().keySerde().serializer(),
        topics.effects().valueSerde().serializer(), MEASURE_EFFECTS);
  }

  private static <K, V> void source(Topology topology, String name, Topic<K, V> topic) {
    topology.addSource(name, topic.keySerde().deserializer(), topic.valueSerde().deserializer(), topic.name());
  }
}
