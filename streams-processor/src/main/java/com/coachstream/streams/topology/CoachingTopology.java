package com.coachstream.streams.topology;

import com.coachstream.avro.AgentProfile;
import com.coachstream.avro.CoachingAlert;
import com.coachstream.avro.InteractionEvent;
import com.coachstream.avro.QaEvaluation;
import com.coachstream.schemas.serde.AvroSerde;
import com.coachstream.schemas.topics.Topic;
import com.coachstream.schemas.topics.Topics;
import com.coachstream.schemas.validation.EventValidator;
import com.coachstream.streams.alerts.AlertFactory;
import com.coachstream.streams.scoring.AgentScorer;
import com.coachstream.streams.scoring.ObservationExtractor;
import java.time.Clock;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * The streams processor's topology (Processor API), a pure function of its settings:
 * <pre>
 * interactions-source   -> validate-interactions   \
 *                                                    score-events -> skill-scores-sink, alerts-sink
 * qa-evaluations-source -> validate-qa-evaluations /   (agent-state-store, agent-slices-store,
 *                                                        agent-ids-store, roster-store, alerts-store)
 * agents-source         -> roster-update              (roster-store)
 * </pre>
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

  private CoachingTopology() { }

  public static Topology topology(StreamsSettings settings) {
    Topics topics = settings.topics();
    EventValidator validator = new EventValidator(settings.taxonomy(), Clock.systemUTC());
    ObservationExtractor extractor = new ObservationExtractor(settings.taxonomy());
    AgentScorer scorer = new AgentScorer(settings.windows(), settings.slipPolicy(), new AlertFactory(settings.tips()));
    Topology topology = new Topology();

    // inputs, decoded with the catalogue's serdes; undecodable bytes go to the dead-letter handler
    source(topology, INTERACTIONS_SOURCE, topics.interactions());
    source(topology, QA_EVALUATIONS_SOURCE, topics.qaEvaluations());
    source(topology, AGENTS_SOURCE, topics.agents());

    // validation (docs/concepts.md), then reduction to observations
    topology.addProcessor(VALIDATE_INTERACTIONS, () -> new InputValidationProcessor<InteractionEvent>(
        validator::check, InteractionEvent::getAgentId, extractor::interaction), INTERACTIONS_SOURCE);
    topology.addProcessor(VALIDATE_QA_EVALUATIONS, () -> new InputValidationProcessor<QaEvaluation>(
        validator::check, QaEvaluation::getAgentId, extractor::evaluation), QA_EVALUATIONS_SOURCE);

    // roster table: the agent's team
    topology.addProcessor(ROSTER_PROCESSOR, () -> new RosterProcessor(validator), AGENTS_SOURCE);

    // scoring, windows, slip detection
    topology.addProcessor(SCORE_PROCESSOR, () -> new ScoringProcessor(scorer, settings.publishInterval(),
        settings.alertsRetention()), VALIDATE_INTERACTIONS, VALIDATE_QA_EVALUATIONS);

    // Cached stores: the updates of an agent between two commits are coalesced into one write of each record
    // (RocksDB and changelog) instead of one per event, and hot agents are read from memory. Remembered ids
    // are written once and rarely read again: caching them would only push agents out of the cache.
    topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(AGENT_STATE_STORE),
        Serdes.String(), new AgentStateSerde()).withCachingEnabled(), SCORE_PROCESSOR);
    topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(AGENT_SLICES_STORE),
        Serdes.Bytes(), new SliceSerde()).withCachingEnabled(), SCORE_PROCESSOR);
    topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(AGENT_IDS_STORE),
        Serdes.Bytes(), Serdes.Long()), SCORE_PROCESSOR);
    topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ROSTER_STORE),
        Serdes.String(), new AvroSerde<>(AgentProfile.class)).withCachingEnabled(), ROSTER_PROCESSOR, SCORE_PROCESSOR);
    topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ALERTS_STORE),
        Serdes.String(), new AvroSerde<>(CoachingAlert.class)), SCORE_PROCESSOR);

    // outputs
    topology.addSink(SKILL_SCORES_SINK, topics.skillScores().name(), topics.skillScores().keySerde().serializer(),
        topics.skillScores().valueSerde().serializer(), SCORE_PROCESSOR);
    topology.addSink(ALERTS_SINK, topics.alerts().name(), topics.alerts().keySerde().serializer(),
        topics.alerts().valueSerde().serializer(), SCORE_PROCESSOR);
    return topology;
  }

  private static <K, V> void source(Topology topology, String name, Topic<K, V> topic) {
    topology.addSource(name, topic.keySerde().deserializer(), topic.valueSerde().deserializer(), topic.name());
  }
}
