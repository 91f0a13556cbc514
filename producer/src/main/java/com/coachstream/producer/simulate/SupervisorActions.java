package com.coachstream.producer.simulate;

import com.coachstream.avro.ActionType;
import com.coachstream.avro.AlertType;
import com.coachstream.avro.CoachingAction;
import com.coachstream.avro.CoachingAlert;
import com.coachstream.avro.DismissReason;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What the simulated supervisors do, as {@link CoachingAction}s: they hold the planned coaching sessions,
 * and they answer each SLIP alert within the hour (event time): dismissed as a FALSE_ALARM when the ground
 * truth has no slip of the agent in that category, acknowledged otherwise. RECOVERY alerts need no answer.
 */
public final class SupervisorActions {

  /** How long after an alert's triggering event a supervisor answers it. */
  static final Duration RESPONSE_TIME = Duration.ofMinutes(45);

  private SupervisorActions() { }

  /** The COACHED action of a planned session (held by the team's supervisor). */
  public static CoachingAction coached(CoachingPlan.Session session) {
    return CoachingAction.newBuilder()
        .setActionId(session.sessionId())
        .setAgentId(session.agent().agentId())
        .setCategory(session.category())
        .setType(ActionType.COACHED)
        .setActorId(session.agent().team().supervisorId())
        .setCoachId(session.agent().team().supervisorId())
        .setAt(session.at())
        .setSessionAt(session.at())
        .setSkills(List.of("empathy", "active_listening"))
        .build();
  }

  /** The supervisor's answer to an alert, or null when it needs none. */
  public static CoachingAction answer(CoachingAlert alert, GroundTruth truth) {
    if (alert.getType() != AlertType.SLIP) {
      return null;
    }
    Instant at = alert.getEventTime().plus(RESPONSE_TIME);
    CoachingAction.Builder action = CoachingAction.newBuilder()
        .setActionId("ack-" + alert.getAlertId())
        .setAgentId(alert.getAgentId())
        .setAlertId(alert.getAlertId())
        .setCategory(alert.getCategory())
        .setActorId(supervisorOf(alert, truth))
        .setAt(at)
        .setSkills(List.of());
    if (truth.falseAlarm(alert.getAgentId(), alert.getCategory(), alert.getEventTime())) {
      return action.setActionId("dismiss-" + alert.getAlertId()).setType(ActionType.DISMISSED)
          .setReason(DismissReason.FALSE_ALARM).build();
    }
    return action.setType(ActionType.ACKNOWLEDGED).build();
  }

  private static String supervisorOf(CoachingAlert alert, GroundTruth truth) {
    return truth.agents().stream().filter(a -> a.agentId().equals(alert.getAgentId())).findFirst()
        .map(a -> a.team().supervisorId()).orElse("supervisor");
  }
}
