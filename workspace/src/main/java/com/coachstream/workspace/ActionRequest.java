package com.coachstream.workspace;

import com.coachstream.avro.ActionType;
import com.coachstream.avro.CoachingAction;
import com.coachstream.avro.DismissReason;
import com.coachstream.avro.SkillCategory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Turns an inbox form (acknowledge, snooze, dismiss with a reason, log a coaching session) into a
 * {@link CoachingAction}, refusing anything incomplete with a sentence the page shows.
 */
final class ActionRequest {

  static final int MAX_NOTE = 2000;

  private ActionRequest() { }

  /**
   * @param form the submitted fields: type, snoozeDays, reason, note, sessionAt (ISO date or instant), skills
   * @param alert the alert acted on: alertId, agentId, category
   */
  static CoachingAction from(Map<String, String> form, Map<String, String> alert, String actorId, Instant now) {
    ActionType type = parse(ActionType.class, form.get("type"), "action");
    String note = blankToNull(form.get("note"));
    if (note != null && note.length() > MAX_NOTE) {
      throw new IllegalArgumentException("the note is longer than " + MAX_NOTE + " characters");
    }
    CoachingAction.Builder action = CoachingAction.newBuilder().setActionId(UUID.randomUUID().toString())
        .setAgentId(alert.get("agentId")).setAlertId(alert.get("alertId"))
        .setCategory(alert.get("category") == null ? null : SkillCategory.valueOf(alert.get("category")))
        .setType(type).setActorId(actorId).setAt(now).setSkills(List.of());
    switch (type) {
      case SNOOZED -> {
        int days = Integer.parseInt(form.getOrDefault("snoozeDays", "7").strip());
        if (days < 1 || days > 90) {
          throw new IllegalArgumentException("snooze between 1 and 90 days");
        }
        action.setUntil(now.plus(Duration.ofDays(days)));
      }
      case DISMISSED -> action.setReason(parse(DismissReason.class, form.get("reason"), "reason")).setNote(note);
      case COACHED -> {
        String sessionAt = blankToNull(form.get("sessionAt"));
        action.setSessionAt(sessionAt == null ? now : parseTime(sessionAt)).setCoachId(actorId).setNote(note)
            .setSkills(skills(form.get("skills")));
      }
      default -> { }
    }
    return action.build();
  }

  private static Instant parseTime(String text) {
    try {
      return text.length() == 10 ? Instant.parse(text + "T12:00:00Z") : Instant.parse(text);
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException("the session date is not a date (YYYY-MM-DD)");
    }
  }

  private static List<String> skills(String text) {
    return text == null || text.isBlank() ? List.of()
        : List.of(text.split("[,\\s]+")).stream().filter(s -> !s.isBlank()).map(String::strip).toList();
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String value, String what) {
    try {
      return Enum.valueOf(type, value == null ? "" : value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("choose a valid " + what);
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
