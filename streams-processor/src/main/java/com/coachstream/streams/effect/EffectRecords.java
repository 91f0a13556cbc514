package com.coachstream.streams.effect;

import com.coachstream.avro.CoachingEffect;
import com.coachstream.avro.PeriodScore;
import java.time.Instant;

/** The published form of a measurement: a {@link CoachingEffect} on the effects topic. */
public final class EffectRecords {

  private EffectRecords() { }

  public static CoachingEffect record(Session session, EffectMeasurement m) {
    return CoachingEffect.newBuilder()
        .setSessionId(session.sessionId())
        .setAgentId(session.agentId())
        .setTeamId(session.teamId())
        .setCoachId(session.coachId())
        .setCategory(session.category())
        .setSessionAt(Instant.ofEpochMilli(session.sessionAt()))
        .setBefore(period(m.before()))
        .setAfter(period(m.after()))
        .setChange(m.change())
        .setComparisonChange(m.comparisonChange())
        .setComparisonAgents(m.comparisonAgents())
        .setEffect(m.effect())
        .setStatus(m.status())
        .build();
  }

  private static PeriodScore period(MeasuredPeriod period) {
    return PeriodScore.newBuilder().setScore(period.score()).setSamples(period.samples()).build();
  }
}
