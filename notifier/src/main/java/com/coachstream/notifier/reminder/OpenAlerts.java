package com.coachstream.notifier.reminder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The reminder rule: a delivered SLIP alert that no action answered and no RECOVERY of the agent and
 * category followed gets one reminder {@code after} its delivery. An alert leaves the book when it is
 * answered, recovered, too far overdue ({@link ReminderSettings#slack()}) or once its reminder is settled;
 * an alert the book holds or has reminded is never opened again, so it is reminded once.
 * {@link #lowestOffset} tells from where the alerts topic must be read again to rebuild the book after a restart.
 */
public final class OpenAlerts<T> {

  /** What one sweep found: reminders now due (handed over, never returned again) and alerts given up as stale. */
  public record Sweep<T>(List<OpenAlert<T>> due, List<OpenAlert<T>> stale) { }

  private final ReminderSettings settings;
  private final Map<String, OpenAlert<T>> waiting = new LinkedHashMap<>();
  private final Map<String, OpenAlert<T>> reminding = new LinkedHashMap<>();
  /** Alerts reminded by this instance, until their window ends: a replay of the alerts topic cannot reopen them. */
  private final Map<String, Instant> reminded = new LinkedHashMap<>();

  public OpenAlerts(ReminderSettings settings) {
    this.settings = settings;
  }

  /** Opens a delivered SLIP alert; false when reminders are off, it is known already, or it is past its window. */
  public synchronized boolean open(OpenAlert<T> alert, Instant now) {
    if (settings.isOff() || waiting.containsKey(alert.alertId()) || reminding.containsKey(alert.alertId())
        || reminded.containsKey(alert.alertId())
        || alert.deliveredAt().plus(settings.window()).isBefore(now)) {
      return false;
    }
    waiting.put(alert.alertId(), alert);
    return true;
  }

  /** A RECOVERY at event time {@code at}: the agent's earlier SLIP alerts in {@code category} need no reminder. */
  public synchronized void recovered(String agentId, String category, Instant at) {
    waiting.values().removeIf(a -> a.sameAgentAndCategory(agentId, category) && !a.raisedAt().isAfter(at));
  }

  /** Closes what was acted on, gives up what is too late, and hands over the reminders due at {@code now}. */
  public synchronized Sweep<T> sweep(Instant now, ActedOn actedOn) {
    List<OpenAlert<T>> due = new ArrayList<>();
    List<OpenAlert<T>> stale = new ArrayList<>();
    reminded.values().removeIf(deliveredAt -> deliveredAt.plus(settings.window()).isBefore(now));
    for (Iterator<OpenAlert<T>> it = waiting.values().iterator(); it.hasNext(); ) {
      OpenAlert<T> alert = it.next();
      Instant dueAt = alert.deliveredAt().plus(settings.after());
      if (actedOn.covers(alert.alertId(), alert.agentId(), alert.category(), alert.raisedAt())) {
        it.remove();
      } else if (dueAt.plus(settings.slack()).isBefore(now)) {
        it.remove();
        stale.add(alert);
      } else if (!dueAt.isAfter(now)) {
        it.remove();
        reminding.put(alert.alertId(), alert);
        due.add(alert);
      }
    }
    return new Sweep<>(due, stale);
  }

  /** The reminder of {@code alertId} is settled and recorded on every route. */
  public synchronized void reminded(String alertId) {
    OpenAlert<T> alert = reminding.remove(alertId);
    if (alert != null) {
      reminded.put(alertId, alert.deliveredAt());
    }
  }

  /** The lowest alerts-topic offset of {@code partition} still waiting or being reminded. */
  public synchronized OptionalLong lowestOffset(int partition) {
    return java.util.stream.Stream.concat(waiting.values().stream(), reminding.values().stream())
        .filter(a -> a.partition() == partition).mapToLong(OpenAlert::offset).min();
  }

  /** Forgets alerts of partitions this instance no longer owns: their next owner rebuilds them. */
  public synchronized void forget(Collection<Integer> partitions) {
    waiting.values().removeIf(a -> partitions.contains(a.partition()));
    reminding.values().removeIf(a -> partitions.contains(a.partition()));
    reminded.clear();
  }

  /** Alerts waiting for their reminder or being reminded now. */
  public synchronized int waiting() {
    return waiting.size() + reminding.size();
  }

  public synchronized int size() {
    return waiting.size() + reminding.size() + reminded.size();
  }
}
