package com.coachstream.streams.topology;

import com.coachstream.avro.QaEvaluation;
import com.coachstream.streams.scoring.ObservationExtractor;
import com.coachstream.streams.scoring.ScorableEvent;
import com.coachstream.streams.stats.EvaluatorLeniency;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Statistical mode: takes each valid QA evaluation's evaluator offset (one read of the global leniency store,
 * shrunk by {@code leniency.prior-evaluations}) out of its criterion scores before scoring, and sends the
 * evaluation as it was to be paired with the other evaluations of its interaction (none without an
 * interaction or evaluator id). The offset is the one known when the evaluation is scored.
 */
final class LeniencyCorrectionProcessor implements Processor<String, QaEvaluation, Object, Object> {

  private final ObservationExtractor extractor;
  private final double priorEvaluations;
  private ProcessorContext<Object, Object> context;
  private KeyValueStore<String, EvaluatorLeniency.Deviations> leniency;

  LeniencyCorrectionProcessor(ObservationExtractor extractor, double priorEvaluations) {
    this.extractor = extractor;
    this.priorEvaluations = priorEvaluations;
  }

  @Override
  public void init(ProcessorContext<Object, Object> context) {
    this.context = context;
    leniency = context.getStateStore(LeniencyTopology.LENIENCY_GLOBAL_STORE);
  }

  @Override
  public void process(Record<String, QaEvaluation> record) {
    QaEvaluation evaluation = record.value();
    String evaluator = evaluation.getEvaluatorId();
    EvaluatorLeniency.Deviations evidence = evaluator == null ? null : leniency.get(evaluator);
    double offset = evidence == null ? 0 : evidence.offset(priorEvaluations);
    ScorableEvent scorable = extractor.correctedEvaluation(evaluation, offset);
    context.forward(new Record<Object, Object>(record.key(), scorable, record.timestamp(), record.headers()),
        CoachingTopology.SCORE_PROCESSOR);
    String interaction = evaluation.getInteractionId();
    if (interaction != null && !interaction.isBlank() && evaluator != null && !evaluator.isBlank()) {
      context.forward(new Record<Object, Object>(interaction, evaluation, record.timestamp(), record.headers()),
          LeniencyTopology.EVALUATIONS_BY_INTERACTION_SINK);
    }
  }
}
