package com.coachstream.notifier.reminder;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * What supervisors have acted on lately: the alerts their actions named, and per agent and category the
 * latest action that named no alert. Any action type counts (acknowledged, snoozed, dismissed, coached): each
 * shows someone saw the alert. An action is kept until {@code seenAt} + the reminder window, then forgotten,
 * so memory holds only the actions of the last days; no free-text note is kept.
 */
public final class ActedOn {

  private record Seen(Instant at, Instant seenAt) { }

  private final Map<String, Instant> alerts = new HashMap<>();
  private final Map<String, Seen> categories = new HashMap<>();

  /**
   * One action. {@code alertId} null: the action is about the agent's {@code category} as of event time
   * {@code at}; both null: about no alert (a coaching session planned on its own), ignored.
   */
  public synchronized void record(String alertId, String agentId, String category, Instant at, Instant seenAt) {
    if (alertId != null) {
      alerts.merge(alertId, seenAt, (a, b) -> a.isAfter(b) ? a : b);
    } else if (category != null) {
      categories.merge(key(agentId, category), new Seen(at, seenAt),
          (a, b) -> new Seen(a.at().isAfter(b.at()) ? a.at() : b.at(), a.seenAt().isAfter(b.seenAt()) ? a.seenAt() : b.seenAt()));
    }
  }

  /**
   * True when an action named this alert, or named its agent and category at or after the alert was raised
   * (event time: an action about the category taken before the alert does not answer it).
   */
  public synchronized boolean covers(String alertId, String agentId, String category, Instant raisedAt) {
    if (alerts.containsKey(alertId)) {
      return true;
    }
    Seen seen = categories.get(key(agentId, category));
    return seen != null && !seen.at().isBefore(raisedAt);
  }

  /** Forgets actions seen before {@code cutoff}. */
  public synchronized void forgetBefore(Instant cutoff) {
    alerts.values().removeIf(seenAt -> seenAt.isBefore(cutoff));
    categories.values().removeIf(seen -> seen.seenAt().isBefore(cutoff));
  }

  public synchronized int size() {
    return alerts.size() + categories.size();
  }

  private static String key(String agentId, String category) {
    return agentId + '\u0000' + category;
  }
}
