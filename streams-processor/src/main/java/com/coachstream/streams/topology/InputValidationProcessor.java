package com.coachstream.streams.topology;

import com.coachstream.schemas.deadletter.DeadLetter;
import com.coachstream.schemas.validation.ReasonCode;
import com.coachstream.schemas.validation.Violation;
import com.coachstream.streams.scoring.ScorableEvent;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Validates one input type (docs/concepts.md) and passes it on converted (a {@link ScorableEvent}, or an action as
 * it is); an invalid record is
 * rejected to the dead-letter topic (stage {@code validate}) with the first violation's reason code and
 * every violation in the message. The record key must be the agent id: state and partitions are per agent.
 */
final class InputValidationProcessor<V, R> implements Processor<String, V, String, R> {

  private final Function<V, List<Violation>> validator;
  private final Function<V, String> agentId;
  private final Function<V, R> convert;
  private ProcessorContext<String, R> context;

  InputValidationProcessor(Function<V, List<Violation>> validator, Function<V, String> agentId,
      Function<V, R> convert) {
    this.validator = validator;
    this.agentId = agentId;
    this.convert = convert;
  }

  @Override
  public void init(ProcessorContext<String, R> context) {
    this.context = context;
  }

  @Override
  public void process(Record<String, V> record) {
    if (record.value() == null) {
      throw new RejectedRecordException(DeadLetter.Stage.VALIDATE, ReasonCode.MISSING_FIELD,
          "An input event needs a value; tombstones are only meaningful on the agents topic");
    }
    List<Violation> violations = validator.apply(record.value());
    if (!violations.isEmpty()) {
      throw new RejectedRecordException(DeadLetter.Stage.VALIDATE, violations.get(0).reason(),
          violations.stream().map(Violation::toString).reduce((a, b) -> a + "; " + b).orElseThrow());
    }
    String agent = agentId.apply(record.value());
    if (!agent.equals(record.key())) {
      throw new RejectedRecordException(DeadLetter.Stage.VALIDATE, ReasonCode.INVALID_ID,
          "The record key must be the agentId '" + agent + "', was " + (record.key() == null ? "null" : "'" + record.key() + "'"));
    }
    context.forward(record.withValue(convert.apply(record.value())));
  }
}
