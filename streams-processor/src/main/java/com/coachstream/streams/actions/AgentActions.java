package com.coachstream.streams.actions;

import com.coachstream.avro.SkillCategory;
import com.coachstream.streams.slip.Snoozes;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What supervisors' actions left on one agent: the snooze of each category and the agent's open alerts (so an
 * action naming only a category finds them without scanning every alert). Immutable; every change returns a
 * new value.
 *
 * @param snoozes per category: until when SLIPs are held back, and the time of the action that set it (the
 *     newest action by its {@code at} wins, so a supervisor can shorten a snooze)
 * @param openAlerts the agent's alerts with no closing action yet, oldest first
 */
public record AgentActions(Map<SkillCategory, Snooze> snoozes, List<OpenAlert> openAlerts) {

  public static final AgentActions NONE = new AgentActions(Map.of(), List.of());

  public record Snooze(long until, long setAt) { }

  public record OpenAlert(String alertId, SkillCategory category, long createdAt) { }

  public AgentActions {
    snoozes = Map.copyOf(snoozes);
    openAlerts = List.copyOf(openAlerts);
  }

  /** The snooze set by an action at {@code at}, unless a newer action already set one for the category. */
  public AgentActions snoozed(SkillCategory category, long until, long at) {
    Snooze current = snoozes.get(category);
    if (current != null && current.setAt() > at) {
      return this;
    }
    Map<SkillCategory, Snooze> next = new EnumMap<>(SkillCategory.class);
    next.putAll(snoozes);
    next.put(category, new Snooze(until, at));
    return new AgentActions(next, openAlerts);
  }

  /** The snoozes in the form the scorer applies. */
  public Snoozes toSnoozes() {
    Map<SkillCategory, Long> until = new EnumMap<>(SkillCategory.class);
    snoozes.forEach((category, snooze) -> until.put(category, snooze.until()));
    return new Snoozes(until);
  }

  public AgentActions opened(String alertId, SkillCategory category, long createdAt) {
    if (openAlerts.stream().anyMatch(a -> a.alertId().equals(alertId))) {
      return this;
    }
    List<OpenAlert> next = new ArrayList<>(openAlerts);
    next.add(new OpenAlert(alertId, category, createdAt));
    return new AgentActions(snoozes, next);
  }

  public AgentActions closed(String alertId) {
    return new AgentActions(snoozes, openAlerts.stream().filter(a -> !a.alertId().equals(alertId)).toList());
  }

  /** The ids of the open alerts of {@code category}, oldest first. */
  public List<String> openIn(SkillCategory category) {
    return openAlerts.stream().filter(a -> a.category() == category).map(OpenAlert::alertId).toList();
  }

  /**
   * Without the open alerts created before {@code oldest} (the alerts store forgets them then too) and
   * without the snoozes that ended before it.
   */
  public AgentActions pruned(long oldest) {
    Map<SkillCategory, Snooze> kept = new EnumMap<>(SkillCategory.class);
    snoozes.forEach((category, snooze) -> {
      if (snooze.until() >= oldest) {
        kept.put(category, snooze);
      }
    });
    return new AgentActions(kept, openAlerts.stream().filter(a -> a.createdAt() >= oldest).toList());
  }

  public boolean isEmpty() {
    return snoozes.isEmpty() && openAlerts.isEmpty();
  }
}
