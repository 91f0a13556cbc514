package com.coachstream.streams.topology;

import com.coachstream.avro.AgentProfile;
import com.coachstream.schemas.deadletter.DeadLetter;
import com.coachstream.schemas.validation.EventValidator;
import com.coachstream.schemas.validation.ReasonCode;
import com.coachstream.schemas.validation.Violation;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Keeps the roster table (cc.agents.v1) for agents' teams: a profile replaces, a tombstone removes. */
final class RosterProcessor implements Processor<String, AgentProfile, Void, Void> {

  private final EventValidator validator;
  private KeyValueStore<String, AgentProfile> roster;

  RosterProcessor(EventValidator validator) {
    this.validator = validator;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    roster = context.getStateStore(CoachingTopology.ROSTER_STORE);
  }

  @Override
  public void process(Record<String, AgentProfile> record) {
    if (record.key() == null) {
      throw new RejectedRecordException(DeadLetter.Stage.VALIDATE, ReasonCode.MISSING_FIELD,
          "An agent record needs the agentId as its key");
    }
    if (record.value() == null) {
      roster.delete(record.key());
      return;
    }
    List<Violation> violations = validator.check(record.value());
    if (!violations.isEmpty()) {
      throw new RejectedRecordException(DeadLetter.Stage.VALIDATE, violations.get(0).reason(), violations.toString());
    }
    if (!record.key().equals(record.value().getAgentId())) {
      throw new RejectedRecordException(DeadLetter.Stage.VALIDATE, ReasonCode.INVALID_ID,
          "The record key must be the agentId '" + record.value().getAgentId() + "'");
    }
    roster.put(record.key(), record.value());
  }
}
