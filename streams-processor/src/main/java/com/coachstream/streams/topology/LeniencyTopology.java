package com.coachstream.streams.topology;

import com.coachstream.avro.QaEvaluation;
import com.coachstream.schemas.topics.Topic;
import com.coachstream.streams.scoring.ObservationExtractor;
import com.coachstream.streams.stats.EvaluatorLeniency;
import com.coachstream.streams.stats.InteractionScores;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.Stores;

/**
 * Evaluator leniency, statistical mode only (docs/concepts.md, "Evaluator leniency"):
 * <pre>
 * validate-qa-evaluations -> correct-leniency -> score-events       (reads evaluator-leniency-global-store)
 *                                             \-> evaluations-by-interaction-repartition (key interactionId)
 *   -> pair-evaluations (interaction-evaluations-store)
 *   -> evaluator-deviations-repartition (key evaluatorId, value the change of the evaluator's evidence)
 *   -> learn-leniency (evaluator-deviations-store)
 *   -> {@code <application-id>-evaluator-leniency} (compacted, key evaluatorId)
 *   -> evaluator-leniency-global-store (every instance, every evaluator)
 * </pre>
 * Evaluators span agents and teams, so the evaluations of one interaction meet in one task and each
 * evaluator's evidence is summed in one task; the scorer then needs one store read per evaluation, whatever
 * the window, team or number of evaluators.
 */
final class LeniencyTopology {

  /** Corrects each valid QA evaluation by its evaluator's offset and sends it to be paired by interaction. */
  static final String CORRECT_LENIENCY = "correct-leniency";
  /** Repartition topic ({@code <application-id>-evaluations-by-interaction-repartition}), key interactionId. */
  static final String EVALUATIONS_BY_INTERACTION_TOPIC = "evaluations-by-interaction-repartition";
  static final String EVALUATIONS_BY_INTERACTION_SINK = "evaluations-by-interaction-sink";
  static final String EVALUATIONS_BY_INTERACTION_SOURCE = "evaluations-by-interaction-source";
  /** Per interaction: its evaluations' overall scores by evaluator ({@link InteractionScores}). */
  static final String PAIR_EVALUATIONS = "pair-evaluations";
  static final String INTERACTION_EVALUATIONS_STORE = "interaction-evaluations-store";
  /** Repartition topic ({@code <application-id>-evaluator-deviations-repartition}), key evaluatorId. */
  static final String EVALUATOR_DEVIATIONS_TOPIC = "evaluator-deviations-repartition";
  static final String EVALUATOR_DEVIATIONS_SINK = "evaluator-deviations-sink";
  static final String EVALUATOR_DEVIATIONS_SOURCE = "evaluator-deviations-source";
  /** Per evaluator: the summed evidence ({@link EvaluatorLeniency.Deviations}), published on every change. */
  static final String LEARN_LENIENCY = "learn-leniency";
  static final String EVALUATOR_DEVIATIONS_STORE = "evaluator-deviations-store";
  static final String LENIENCY_SINK = "evaluator-leniency-sink";
  static final String LENIENCY_SOURCE = "evaluator-leniency-source";
  static final String UPDATE_LENIENCY = "evaluator-leniency-update";
  /** Every evaluator's evidence, on every instance: what {@link #CORRECT_LENIENCY} reads. */
  static final String LENIENCY_GLOBAL_STORE = "evaluator-leniency-global-store";
  /** Suffix of the compacted topic {@code <application-id>-evaluator-leniency}. */
  static final String LENIENCY_TOPIC_SUFFIX = "-evaluator-leniency";

  private LeniencyTopology() { }

  /** The compacted topic the evaluators' evidence is published on; the processor creates it at start. */
  static String leniencyTopic(StreamsSettings settings) {
    return settings.applicationId() + LENIENCY_TOPIC_SUFFIX;
  }

  /** Adds the leniency sub-topology; {@code scorer} must list {@link #CORRECT_LENIENCY} among its parents. */
  static void add(RepartitioningTopology topology, StreamsSettings settings, ObservationExtractor extractor,
      String validatedEvaluations) {
    Topic<String, QaEvaluation> evaluations = settings.topics().qaEvaluations();
    double priorEvaluations = settings.leniencyPriorEvaluations();
    JsonRecordSerde<EvaluatorLeniency.Deviations> deviations = new JsonRecordSerde<>(EvaluatorLeniency.Deviations.class);

    topology.addProcessor(CORRECT_LENIENCY, () -> new LeniencyCorrectionProcessor(extractor, priorEvaluations),
        validatedEvaluations);

    topology.addRepartitionTopic(EVALUATIONS_BY_INTERACTION_TOPIC);
    topology.addSink(EVALUATIONS_BY_INTERACTION_SINK, EVALUATIONS_BY_INTERACTION_TOPIC, Serdes.String().serializer(),
        evaluations.valueSerde().serializer(), CORRECT_LENIENCY);
    topology.addSource(EVALUATIONS_BY_INTERACTION_SOURCE, Serdes.String().deserializer(),
        evaluations.valueSerde().deserializer(), EVALUATIONS_BY_INTERACTION_TOPIC);
    topology.addProcessor(PAIR_EVALUATIONS, () -> new PairEvaluationsProcessor(settings.leniencyPairingRetention()),
        EVALUATIONS_BY_INTERACTION_SOURCE);
    topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(INTERACTION_EVALUATIONS_STORE),
        Serdes.String(), new JsonRecordSerde<>(InteractionScores.class)), PAIR_EVALUATIONS);

    topology.addRepartitionTopic(EVALUATOR_DEVIATIONS_TOPIC);
    topology.addSink(EVALUATOR_DEVIATIONS_SINK, EVALUATOR_DEVIATIONS_TOPIC, Serdes.String().serializer(),
        deviations.serializer(), PAIR_EVALUATIONS);
    topology.addSource(EVALUATOR_DEVIATIONS_SOURCE, Serdes.String().deserializer(), deviations.deserializer(),
        EVALUATOR_DEVIATIONS_TOPIC);
    topology.addProcessor(LEARN_LENIENCY, LearnLeniencyProcessor::new, EVALUATOR_DEVIATIONS_SOURCE);
    topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(EVALUATOR_DEVIATIONS_STORE),
        Serdes.String(), deviations), LEARN_LENIENCY);
    topology.addSink(LENIENCY_SINK, leniencyTopic(settings), Serdes.String().serializer(), deviations.serializer(),
        LEARN_LENIENCY);

    // a global store needs no connection (every processor may read it); its changelog is its source topic
    topology.addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(LENIENCY_GLOBAL_STORE),
        Serdes.String(), deviations).withLoggingDisabled(), LENIENCY_SOURCE, Serdes.String().deserializer(),
        deviations.deserializer(), leniencyTopic(settings), UPDATE_LENIENCY, GlobalStoreUpdate::new);
  }

  /** Keeps the global store equal to the topic: the latest evidence of each evaluator. */
  private static final class GlobalStoreUpdate
      implements org.apache.kafka.streams.processor.api.Processor<String, EvaluatorLeniency.Deviations, Void, Void> {

    private org.apache.kafka.streams.state.KeyValueStore<String, EvaluatorLeniency.Deviations> store;

    @Override
    public void init(org.apache.kafka.streams.processor.api.ProcessorContext<Void, Void> context) {
      store = context.getStateStore(LENIENCY_GLOBAL_STORE);
    }

    @Override
    public void process(org.apache.kafka.streams.processor.api.Record<String, EvaluatorLeniency.Deviations> record) {
      store.put(record.key(), record.value());
    }
  }
}
