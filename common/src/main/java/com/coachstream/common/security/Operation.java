package com.coachstream.common.security;

/**
 * What an HTTP route does, as the access policy sees it. A route is registered with its operation
 * ({@code ops.route("GET", "/api/x", Operation.READ_ALERTS, handler)}); {@link AccessPolicy} alone decides which
 * roles may perform it. A route registered without an operation is refused to everyone.
 */
public enum Operation {
  /** Liveness, readiness and the OpenAPI document: open to anyone. */
  PROBE,
  /** Prometheus metrics: open or for admin/service, as configured. */
  READ_METRICS,
  /** One agent's scores, alerts, coaching history (the answer is scoped per agent). */
  READ_AGENT,
  /** One team's agents (the team must be in the caller's scope). */
  READ_TEAM,
  /** Lists of alerts (filtered to the caller's scope). */
  READ_ALERTS,
  /** Coaching effects (filtered to the caller's scope). */
  READ_EFFECTS,
  /** Per-rule precision and rule settings. */
  READ_RULES,
  /** Changing alert rules. */
  MANAGE_RULES,
  /** Acting on an alert: acknowledge, snooze, dismiss, log a coaching session. */
  ACT_ON_ALERT,
  /** Posting input events to the ingest endpoint. */
  SEND_EVENTS,
  /**
   * Posting supervisors' actions to the ingest endpoint ({@code POST /v1/actions}): sending systems, and
   * supervisors and QA managers for the actions they take themselves.
   */
  SEND_ACTIONS
}
