package com.coachstream.systemtests.support;

import com.coachstream.avro.AgentProfile;
import com.coachstream.avro.Channel;
import com.coachstream.avro.Criterion;
import com.coachstream.avro.EvaluationPurpose;
import com.coachstream.avro.InteractionEvent;
import com.coachstream.avro.QaEvaluation;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Valid input events, built field by field, for tests that need exact control over what goes in. */
public final class Events {

  private Events() { }

  /** A five-minute voice interaction with automated QA signals; the team is the one the source system knows. */
  public static InteractionEvent interaction(String id, String agentId, Instant endedAt, Map<String, Double> signals,
      String customerRef) {
    return InteractionEvent.newBuilder()
        .setInteractionId(id).setAgentId(agentId).setTeamId("team-from-events").setChannel(Channel.VOICE)
        .setStartedAt(endedAt.minusSeconds(300)).setEndedAt(endedAt)
        .setSkillSignals(signals).setCsat(4).setResolved(true).setSentiment(0.4).setCustomerRef(customerRef)
        .setSource("system-test")
        .build();
  }

  /** A standard QA evaluation with one criterion, {@code points} out of 10. */
  public static QaEvaluation evaluation(String id, String agentId, Instant at, String skill, double points) {
    return QaEvaluation.newBuilder()
        .setEvaluationId(id).setAgentId(agentId).setEvaluatorId("qa-reviewer-01").setScorecardId("sc-test")
        .setEvaluatedAt(at).setCriteria(List.of(new Criterion(skill, points, 10.0, 1.0, null)))
        .setAutoFail(false).setPurpose(EvaluationPurpose.STANDARD).setRetracted(false)
        .build();
  }

  /** A roster entry with a supervisor. */
  public static AgentProfile profile(String agentId, String displayName, String teamId) {
    return AgentProfile.newBuilder()
        .setAgentId(agentId).setDisplayName(displayName).setTeamId(teamId)
        .setSupervisorId("sup-" + teamId).setSupervisorName("Supervisor of " + teamId).setActive(true)
        .build();
  }
}
