package com.coachstream.notifier;

import com.coachstream.avro.AgentProfile;
import com.coachstream.avro.CoachingAlert;

/**
 * An alert joined with the agent's roster entry: everything a channel needs to tell the supervisor who
 * slipped. {@code agent} is null when the roster does not know the agent yet; the alert is still delivered,
 * with the agent id standing in for the name, because losing an alert is worse than an unnamed one.
 * {@code link} is the alert's page in the supervisor workspace, or null when no public URL is configured.
 * {@code reminder}: this is the one reminder of an alert delivered earlier that no one acted on.
 */
public record EnrichedAlert(CoachingAlert alert, AgentProfile agent, String link, boolean reminder) {

  public EnrichedAlert(CoachingAlert alert, AgentProfile agent) {
    this(alert, agent, null, false);
  }

  public EnrichedAlert(CoachingAlert alert, AgentProfile agent, String link) {
    this(alert, agent, link, false);
  }

  /** The same alert, to be sent as its reminder. */
  public EnrichedAlert asReminder() {
    return new EnrichedAlert(alert, agent, link, true);
  }

  public String alertId() {
    return alert.getAlertId();
  }

  public String agentId() {
    return alert.getAgentId();
  }

  public String agentName() {
    return agent == null || agent.getDisplayName().isBlank() ? alert.getAgentId() : agent.getDisplayName();
  }

  /** The alert's team, else the roster's. */
  public String teamId() {
    if (alert.getTeamId() != null) {
      return alert.getTeamId();
    }
    return agent == null ? null : agent.getTeamId();
  }

  /** Unknown agents count as active: see the class comment. */
  public boolean agentActive() {
    return agent == null || agent.getActive();
  }

  public String supervisorId() {
    return agent == null ? null : agent.getSupervisorId();
  }

  public String supervisorName() {
    return agent == null ? null : agent.getSupervisorName();
  }

  public String supervisorEmail() {
    return agent == null ? null : agent.getSupervisorEmail();
  }

  public boolean isRecovery() {
    return alert.getType() == com.coachstream.avro.AlertType.RECOVERY;
  }
}
