package com.coachstream.streams.topology;

import com.coachstream.avro.AgentProfile;
import com.coachstream.schemas.deadletter.DeadLetter;
import com.coachstream.schemas.validation.EventValidator;
import com.coachstream.schemas.validation.ReasonCode;
import com.coachstream.schemas.validation.Violation;
import com.coachstream.streams.effect.TeamMember;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the roster table (cc.agents.v1) for agents' teams: a profile replaces, a tombstone removes. Tells
 * the teams concerned who joined and left them (the coaching effect waits for a team's members).
 */
final class RosterProcessor implements Processor<String, AgentProfile, String, Object> {

  private final EventValidator validator;
  private KeyValueStore<String, AgentProfile> roster;
  private ProcessorContext<String, Object> context;

  RosterProcessor(EventValidator validator) {
    this.validator = validator;
  }

  @Override
  public void init(ProcessorContext<String, Object> context) {
    this.context = context;
    roster = context.getStateStore(CoachingTopology.ROSTER_STORE);
  }

  @Override
  public void process(Record<String, AgentProfile> record) {
    if (record.key() == null) {
      throw new RejectedRecordException(DeadLetter.Stage.VALIDATE, ReasonCode.MISSING_FIELD,
          "An agent record needs the agentId as its key");
    }
    AgentProfile earlier = roster.get(record.key());
    if (record.value() == null) {
      roster.delete(record.key());
      tellTeams(record.key(), earlier, null, record.timestamp());
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
    tellTeams(record.key(), earlier, record.value(), record.timestamp());
  }

  private void tellTeams(String agentId, AgentProfile earlier, AgentProfile now, long timestamp) {
    String before = earlier == null ? null : earlier.getTeamId();
    String after = now == null || !now.getActive() ? null : now.getTeamId();
    if (before != null && !before.equals(after)) {
      tell(before, agentId, false, timestamp);
    }
    if (now != null && !now.getActive() && now.getTeamId() != null && !now.getTeamId().equals(before)) {
      tell(now.getTeamId(), agentId, false, timestamp); // known to the team from its events only
    }
    if (after != null) {
      tell(after, agentId, true, timestamp);
    }
  }

  private void tell(String teamId, String agentId, boolean member, long timestamp) {
    context.forward(new Record<>(teamId, (Object) new TeamMember(agentId, teamId, member), timestamp),
        CoachingTopology.EFFECT_INPUTS_SINK);
  }
}
