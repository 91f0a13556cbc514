package com.coachstream.notifier.channel;

import com.coachstream.notifier.EnrichedAlert;

/**
 * One configured way to reach people (a route): the log, a webhook, Slack, Teams or an SMTP server.
 * A channel makes exactly one attempt per call; retrying is the caller's job, so every channel gets the
 * same backoff, budget and audit trail.
 */
public interface NotificationChannel extends AutoCloseable {

  /** log, webhook, slack, teams or email. */
  String type();

  /** Where the channel sends, safe to log and to store: scheme and host only, no path, token or address. */
  String redactedTarget();

  /**
   * Sends one alert once.
   *
   * @return the HTTP status or SMTP reply code of the success, or null when there is none (log)
   * @throws DeliveryException when the attempt failed; it says whether a retry may succeed
   */
  Integer send(EnrichedAlert alert) throws DeliveryException;

  @Override
  default void close() { }
}
