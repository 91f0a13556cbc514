package com.coachstream.streams.actions;

import com.coachstream.avro.CoachingAction;
import com.coachstream.avro.CoachingAlert;
import com.coachstream.avro.DismissReason;
import com.coachstream.avro.SkillCategory;

/**
 * Where supervisors left one alert: OPEN until an ACKNOWLEDGED, DISMISSED or COACHED action closes it (the
 * latest action's status, actor and time are kept; SNOOZED keeps it open and records until when). An action
 * may name an alert before the alert reached this processor (both travel in the agent's partition, but from
 * different topics): the status is then kept with {@code alertSeen} false and merged when the alert arrives.
 *
 * @param rule the rule that raised the alert ({@link RuleKey}), null for a RECOVERY or an alert not seen yet
 * @param createdAt the alert's creation (event time), or the first action's time while the alert is unseen
 * @param falseAlarmCounted whether a FALSE_ALARM dismissal was already counted against {@code rule}
 */
public record AlertStatus(String alertId, String agentId, SkillCategory category, String rule, boolean alertSeen,
    long createdAt, Status status, String actorId, Long actedAt, DismissReason dismissReason, Long snoozedUntil,
    boolean falseAlarmCounted) {

  /** An alert's state in the supervisors' inbox. */
  public enum Status { OPEN, ACKNOWLEDGED, DISMISSED, COACHED }

  /** A new alert, no action yet. */
  public static AlertStatus opened(CoachingAlert alert) {
    return new AlertStatus(alert.getAlertId(), alert.getAgentId(), alert.getCategory(), RuleKey.of(alert), true,
        alert.getCreatedAt().toEpochMilli(), Status.OPEN, null, null, null, null, false);
  }

  /** An action that names an alert not seen yet. */
  public static AlertStatus awaiting(CoachingAction action) {
    return new AlertStatus(action.getAlertId(), action.getAgentId(), action.getCategory(), null, false,
        action.getAt().toEpochMilli(), Status.OPEN, null, null, null, null, false);
  }

  /** This status once its alert arrived: the alert's category and rule, actions taken so far kept. */
  public AlertStatus withAlert(CoachingAlert alert) {
    return new AlertStatus(alertId, alert.getAgentId(), alert.getCategory(), RuleKey.of(alert), true,
        alert.getCreatedAt().toEpochMilli(), status, actorId, actedAt, dismissReason, snoozedUntil, falseAlarmCounted);
  }

  /** This status after {@code action}; the free-text note is not kept. */
  public AlertStatus after(CoachingAction action) {
    long at = action.getAt().toEpochMilli();
    return switch (action.getType()) {
      case ACKNOWLEDGED -> closed(Status.ACKNOWLEDGED, action.getActorId(), at, dismissReason);
      case DISMISSED -> closed(Status.DISMISSED, action.getActorId(), at, action.getReason());
      case COACHED -> closed(Status.COACHED, action.getActorId(), at, dismissReason);
      case SNOOZED -> new AlertStatus(alertId, agentId, category, rule, alertSeen, createdAt, status,
          actorId == null ? action.getActorId() : actorId, actedAt, dismissReason,
          action.getUntil().toEpochMilli(), falseAlarmCounted);
    };
  }

  private AlertStatus closed(Status next, String actor, long at, DismissReason reason) {
    return new AlertStatus(alertId, agentId, category, rule, alertSeen, createdAt, next, actor, at, reason,
        snoozedUntil, falseAlarmCounted);
  }

  public boolean open() {
    return status == Status.OPEN;
  }

  /** A FALSE_ALARM dismissal of a seen alert with a rule, not counted yet: count it now, once. */
  public boolean falseAlarmDue() {
    return alertSeen && rule != null && !falseAlarmCounted && status == Status.DISMISSED
        && dismissReason == DismissReason.FALSE_ALARM;
  }

  public AlertStatus falseAlarmCountedNow() {
    return new AlertStatus(alertId, agentId, category, rule, alertSeen, createdAt, status, actorId, actedAt,
        dismissReason, snoozedUntil, true);
  }
}
