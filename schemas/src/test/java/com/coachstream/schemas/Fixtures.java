package com.coachstream.schemas;

import com.coachstream.avro.AgentProfile;
import com.coachstream.avro.AgentSkillWindow;
import com.coachstream.avro.AgentWindowKey;
import com.coachstream.avro.AlertReason;
import com.coachstream.avro.AlertType;
import com.coachstream.avro.CategoryScore;
import com.coachstream.avro.Channel;
import com.coachstream.avro.CoachingAlert;
import com.coachstream.avro.Criterion;
import com.coachstream.avro.DeliveryOutcome;
import com.coachstream.avro.EvaluationPurpose;
import com.coachstream.avro.Evidence;
import com.coachstream.avro.FocusSkill;
import com.coachstream.avro.InteractionEvent;
import com.coachstream.avro.Kpis;
import com.coachstream.avro.NotificationDelivery;
import com.coachstream.avro.QaEvaluation;
import com.coachstream.avro.SkillCategory;
import com.coachstream.avro.SkillDelta;
import com.coachstream.avro.SkillScore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/** One valid record of each type, with every optional field set. */
public final class Fixtures {

  public static final Instant T0 = Instant.parse("2026-11-20T10:15:30Z");

  private Fixtures() { }

  public static InteractionEvent interaction() {
    return InteractionEvent.newBuilder()
        .setInteractionId("int-1").setAgentId("agent-7").setTeamId("team-a").setChannel(Channel.VOICE)
        .setStartedAt(T0.minusSeconds(300)).setEndedAt(T0).setHoldSeconds(30).setTransfers(1)
        .setResolved(true).setCsat(4).setSentiment(0.25)
        .setSkillSignals(Map.of("empathy", 82.5, "compliance", 100.0))
        .setCustomerRef("cust-secret-42").setSource("ccaas").build();
  }

  public static QaEvaluation evaluation() {
    return QaEvaluation.newBuilder()
        .setEvaluationId("eval-1").setInteractionId("int-1").setAgentId("agent-7").setEvaluatorId("qa-1")
        .setScorecardId("sc-1").setEvaluatedAt(T0)
        .setCriteria(List.of(
            new Criterion("empathy", 4.0, 5.0, 2.0, "warm"),
            new Criterion("product_knowledge", 7.0, 10.0, 1.0, null)))
        .setAutoFail(false).setPurpose(EvaluationPurpose.STANDARD).setRetracted(false).setComments("ok").build();
  }

  public static AgentProfile agent() {
    return AgentProfile.newBuilder().setAgentId("agent-7").setDisplayName("Ada Lovelace").setTeamId("team-a")
        .setSupervisorId("sup-1").setSupervisorName("Grace Hopper").setSupervisorEmail("grace@example.com")
        .setActive(true).build();
  }

  public static AgentWindowKey windowKey() {
    return new AgentWindowKey("agent-7", Instant.parse("2026-11-14T00:00:00Z"));
  }

  public static AgentSkillWindow window() {
    return AgentSkillWindow.newBuilder().setAgentId("agent-7").setTeamId("team-a")
        .setWindowStart(Instant.parse("2026-11-14T00:00:00Z")).setWindowEnd(Instant.parse("2026-11-21T00:00:00Z"))
        .setSkills(List.of(new SkillScore("empathy", SkillCategory.SOFT, 81.0, 3.0, 2, 80.0, 82.5)))
        .setCategories(List.of(new CategoryScore(SkillCategory.SOFT, 81.0, 2)))
        .setKpis(new Kpis(2, 4.0, 1, 1.0, 300.0, 0.25))
        .setUpdatedAt(T0).build();
  }

  public static CoachingAlert alert() {
    return CoachingAlert.newBuilder().setAlertId("alert-1").setType(AlertType.SLIP).setAgentId("agent-7")
        .setTeamId("team-a").setCategory(SkillCategory.SOFT).setReason(AlertReason.BOTH).setScore(61.5)
        .setBaseline(84.0).setFloor(70.0).setSamples(9).setBaselineSamples(40)
        .setWindowStart(Instant.parse("2026-11-14T00:00:00Z")).setWindowEnd(Instant.parse("2026-11-21T00:00:00Z"))
        .setSourceId("eval-1").setEventTime(T0)
        .setSkills(List.of(new SkillDelta("empathy", 55.0, 85.0, -30.0)))
        .setEvidence(List.of(new Evidence("eval-1", "empathy", 40.0, T0)))
        .setFocus(List.of(new FocusSkill("empathy", "Name the customer's feeling before solving.")))
        .setCreatedAt(T0).build();
  }

  public static NotificationDelivery delivery() {
    return NotificationDelivery.newBuilder().setAlertId("alert-1").setRoute("ops-webhook").setChannelType("webhook")
        .setTarget("https://hooks.example.com/…").setAttempt(1).setOutcome(DeliveryOutcome.DELIVERED)
        .setStatusCode(200).setError(null).setLatencyMs(12).setAttemptedAt(T0).build();
  }

  /** One record of each type CoachStream writes. */
  public static List<SpecificRecord> everyType() {
    return List.of(interaction(), evaluation(), agent(), windowKey(), window(), alert(), delivery());
  }
}
