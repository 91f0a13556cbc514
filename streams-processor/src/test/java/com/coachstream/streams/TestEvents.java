package com.coachstream.streams;

import com.coachstream.avro.Channel;
import com.coachstream.avro.Criterion;
import com.coachstream.avro.EvaluationPurpose;
import com.coachstream.avro.InteractionEvent;
import com.coachstream.avro.QaEvaluation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builders of valid input events for tests. */
public final class TestEvents {

  public static final Instant T0 = Instant.parse("2024-03-04T00:00:00Z");

  private TestEvents() { }

  public static InteractionEvent interaction(String id, String agent, Instant endedAt, Map<String, Double> signals) {
    return InteractionEvent.newBuilder()
        .setInteractionId(id).setAgentId(agent).setTeamId("team-a").setChannel(Channel.VOICE)
        .setStartedAt(endedAt.minusSeconds(300)).setEndedAt(endedAt)
        .setSkillSignals(signals).setCsat(4).setResolved(true).setSentiment(0.5).setCustomerRef("cust-secret-42")
        .build();
  }

  /** A QA evaluation with one criterion per skill, each scored {@code points} out of 10. */
  public static QaEvaluation evaluation(String id, String agent, Instant at, Map<String, Double> pointsOutOf10) {
    List<Criterion> criteria = new ArrayList<>();
    pointsOutOf10.forEach((skill, points) -> criteria.add(new Criterion(skill, points, 10.0, 1.0, null)));
    return QaEvaluation.newBuilder()
        .setEvaluationId(id).setAgentId(agent).setEvaluatedAt(at).setCriteria(criteria)
        .setAutoFail(false).setPurpose(EvaluationPurpose.STANDARD).setRetracted(false)
        .build();
  }
}
