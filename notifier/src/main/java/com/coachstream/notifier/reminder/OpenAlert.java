package com.coachstream.notifier.reminder;

import java.time.Instant;

/**
 * A delivered SLIP alert waiting to be acted on, with where it sits in the alerts topic (so the notifier can
 * read it again after a restart) and what the channels need to send its reminder ({@code payload}).
 *
 * @param raisedAt the alert's event time, compared with the event time of actions and recoveries
 * @param deliveredAt wall-clock time of its first delivery attempt; the reminder is due {@code after} later
 */
public record OpenAlert<T>(String alertId, String agentId, String category, Instant raisedAt, Instant deliveredAt,
    int partition, long offset, T payload) {

  boolean sameAgentAndCategory(String otherAgent, String otherCategory) {
    return agentId.equals(otherAgent) && category.equals(otherCategory);
  }
}
