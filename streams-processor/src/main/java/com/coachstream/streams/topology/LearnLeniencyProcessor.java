package com.coachstream.streams.topology;

import com.coachstream.streams.stats.EvaluatorLeniency;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Per evaluator (the record key): adds each change of their evidence to the total and publishes the total
 * on the compacted leniency topic, which every instance reads into its global store.
 */
final class LearnLeniencyProcessor
    implements Processor<String, EvaluatorLeniency.Deviations, String, EvaluatorLeniency.Deviations> {

  private ProcessorContext<String, EvaluatorLeniency.Deviations> context;
  private KeyValueStore<String, EvaluatorLeniency.Deviations> evaluators;

  @Override
  public void init(ProcessorContext<String, EvaluatorLeniency.Deviations> context) {
    this.context = context;
    evaluators = context.getStateStore(LeniencyTopology.EVALUATOR_DEVIATIONS_STORE);
  }

  @Override
  public void process(Record<String, EvaluatorLeniency.Deviations> record) {
    EvaluatorLeniency.Deviations total = evaluators.get(record.key());
    total = (total == null ? EvaluatorLeniency.Deviations.NONE : total).plus(record.value());
    evaluators.put(record.key(), total);
    context.forward(record.withValue(total));
  }
}
