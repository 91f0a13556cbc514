package com.coachstream.notifier;

import com.coachstream.avro.AgentProfile;
import com.coachstream.avro.AlertReason;
import com.coachstream.avro.AlertType;
import com.coachstream.avro.CoachingAlert;
import com.coachstream.avro.Evidence;
import com.coachstream.avro.FocusSkill;
import com.coachstream.avro.SkillCategory;
import com.coachstream.avro.SkillDelta;
import java.time.Instant;
import java.util.List;

/** Alerts and roster entries as the streams processor and the roster would write them. */
public final class TestAlerts {

  public static final Instant WINDOW_START = Instant.parse("2024-03-04T00:00:00Z");
  public static final Instant WINDOW_END = Instant.parse("2024-03-11T00:00:00Z");
  public static final Instant CREATED = Instant.parse("2024-03-10T14:30:00Z");

  private TestAlerts() { }

  public static CoachingAlert slip(String alertId, String agentId, String teamId) {
    return CoachingAlert.newBuilder()
        .setAlertId(alertId)
        .setType(AlertType.SLIP)
        .setAgentId(agentId)
        .setTeamId(teamId)
        .setCategory(SkillCategory.SOFT)
        .setReason(AlertReason.BOTH)
        .setScore(58.25)
        .setBaseline(74.0)
        .setFloor(70.0)
        .setSamples(9)
        .setBaselineSamples(31)
        .setWindowStart(WINDOW_START)
        .setWindowEnd(WINDOW_END)
        .setSourceId("eval-9")
        .setEventTime(CREATED)
        .setSkills(List.of(
            new SkillDelta("empathy", 52.0, 70.0, -18.0),
            new SkillDelta("active_listening", 64.5, null, null)))
        .setEvidence(List.of(new Evidence("eval-7", "empathy", 40.0, Instant.parse("2024-03-09T10:00:00Z"))))
        .setFocus(List.of(new FocusSkill("empathy", "Name the customer's feeling before solving the problem.")))
        .setCreatedAt(CREATED)
        .build();
  }

  public static CoachingAlert recovery(String alertId, String agentId, String teamId) {
    CoachingAlert alert = slip(alertId, agentId, teamId);
    alert.setType(AlertType.RECOVERY);
    alert.setReason(AlertReason.RECOVERED);
    alert.setScore(79.0);
    return alert;
  }

  public static AgentProfile agent(String agentId, String name, String teamId) {
    return AgentProfile.newBuilder()
        .setAgentId(agentId)
        .setDisplayName(name)
        .setTeamId(teamId)
        .setSupervisorId("sup-1")
        .setSupervisorName("Sam Ray")
        .setSupervisorEmail("sam.ray@example.com")
        .setActive(true)
        .build();
  }

  public static EnrichedAlert enriched(String alertId) {
    return new EnrichedAlert(slip(alertId, "agent-7", "team-a"), agent("agent-7", "Dana Lee", "team-a"));
  }
}
