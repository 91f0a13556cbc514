package com.coachstream.streams.topology;

import com.coachstream.avro.QaEvaluation;
import com.coachstream.streams.scoring.ObservationExtractor;
import com.coachstream.streams.stats.EvaluatorLeniency;
import com.coachstream.streams.stats.InteractionScores;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Per interaction (the record key): keeps its evaluations and sends each evaluator whose deviation the new,
 * corrected or retracted evaluation changed the change of their evidence (key evaluatorId). Cost per
 * evaluation: one read and one write, and as many records as the interaction has evaluators. Interactions
 * nobody has scored for {@code leniency.pairing-retention} (event time) are forgotten once an hour.
 */
final class PairEvaluationsProcessor implements Processor<String, QaEvaluation, String, EvaluatorLeniency.Deviations> {

  private final Duration retention;
  private ProcessorContext<String, EvaluatorLeniency.Deviations> context;
  private KeyValueStore<String, InteractionScores> interactions;

  PairEvaluationsProcessor(Duration retention) {
    this.retention = retention;
  }

  @Override
  public void init(ProcessorContext<String, EvaluatorLeniency.Deviations> context) {
    this.context = context;
    interactions = context.getStateStore(LeniencyTopology.INTERACTION_EVALUATIONS_STORE);
    context.schedule(Duration.ofHours(1), PunctuationType.STREAM_TIME, this::forgetQuietInteractions);
  }

  @Override
  public void process(Record<String, QaEvaluation> record) {
    QaEvaluation evaluation = record.value();
    InteractionScores before = interactions.get(record.key());
    if (before == null) {
      before = InteractionScores.EMPTY;
    }
    long time = evaluation.getEvaluatedAt().toEpochMilli();
    InteractionScores after = evaluation.getRetracted()
        ? before.without(evaluation.getEvaluationId(), time)
        : before.with(new InteractionScores.Scored(evaluation.getEvaluationId(), evaluation.getEvaluatorId(),
            ObservationExtractor.overallScore(evaluation)), time);
    if (after.unscored()) {
      interactions.delete(record.key());
    } else {
      interactions.put(record.key(), after);
    }
    for (Map.Entry<String, EvaluatorLeniency.Deviations> change : InteractionScores.changes(before, after).entrySet()) {
      context.forward(new Record<>(change.getKey(), change.getValue(), record.timestamp()));
    }
  }

  private void forgetQuietInteractions(long streamTime) {
    long oldest = streamTime - retention.toMillis();
    List<String> quiet = new ArrayList<>();
    try (KeyValueIterator<String, InteractionScores> all = interactions.all()) {
      while (all.hasNext()) {
        KeyValue<String, InteractionScores> kv = all.next();
        if (kv.value.newestTime() < oldest) {
          quiet.add(kv.key);
        }
      }
    }
    quiet.forEach(interactions::delete);
  }
}
