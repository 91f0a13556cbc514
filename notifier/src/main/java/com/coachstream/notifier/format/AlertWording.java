package com.coachstream.notifier.format;

import com.coachstream.avro.AlertReason;
import com.coachstream.avro.CoachingAlert;
import com.coachstream.avro.FocusSkill;
import com.coachstream.avro.SkillDelta;
import com.coachstream.notifier.EnrichedAlert;
import java.util.Locale;
import java.util.Optional;

/**
 * The sentences every channel shares, in plain text (channels escape them for their own markup), so Slack,
 * Teams, e-mail and the console say the same thing: who, what slipped or recovered, score against baseline
 * and floor, the worst skill and the coaching tip.
 */
public final class AlertWording {

  private AlertWording() { }

  /** "Dana Lee (agent-7) is slipping in soft skills" / "Dana Lee (agent-7) has recovered in soft skills". */
  public static String headline(EnrichedAlert a) {
    String who = a.agentName() + " (" + a.agentId() + ")";
    String category = categoryName(a.alert());
    return a.isRecovery() ? who + " has recovered in " + category : who + " is slipping in " + category;
  }

  /** Short title for subjects and card headers; a reminder says so first. */
  public static String title(EnrichedAlert a) {
    return a.reminder() ? "Reminder: " + a.agentName() + " is still slipping in " + categoryName(a.alert()) + ", no action yet"
        : a.isRecovery()
        ? "Good news: " + a.agentName() + " is back on track in " + categoryName(a.alert())
        : "Coaching needed: " + a.agentName() + " is slipping in " + categoryName(a.alert());
  }

  /**
   * "Reminder: alert a-1, raised at 2024-03-10T14:30:00Z, has not been acknowledged or acted on." Only the
   * alert's own fields: nothing of any action (notes stay in the actions topic).
   */
  public static String reminderLine(EnrichedAlert a) {
    return "Reminder: alert " + a.alertId() + ", raised at " + a.alert().getCreatedAt()
        + ", has not been acknowledged or acted on.";
  }

  public static String categoryName(CoachingAlert alert) {
    return alert.getCategory().name().toLowerCase(Locale.ROOT) + " skills";
  }

  /**
   * "score 58.0 vs baseline 74.0, floor 70.0 (12 samples)" (baseline "none" when there was none), and in
   * statistical mode how sure the alert is: ", 97.2% sure, true score 55.1 to 61.0", and the rules that raised
   * it when the alert names them: ", rules team-04@3".
   */
  public static String scoreLine(CoachingAlert alert) {
    String line = "score " + number(alert.getScore()) + " vs baseline " + number(alert.getBaseline())
        + ", floor " + number(alert.getFloor()) + " (" + alert.getSamples() + " samples)";
    String sure = certainty(alert).map(c -> line + ", " + c).orElse(line);
    return alert.getRuleSet() == null ? sure : sure + ", rules " + alert.getRuleSet();
  }

  /** "97.2% sure, true score 55.1 to 61.0" for an alert of statistical mode; empty in threshold mode. */
  public static Optional<String> certainty(CoachingAlert alert) {
    if (alert.getProbability() == null) {
      return Optional.empty();
    }
    String sure = String.format(Locale.ROOT, "%.1f%% sure", alert.getProbability() * 100);
    if (alert.getIntervalLow() == null || alert.getIntervalHigh() == null) {
      return Optional.of(sure);
    }
    return Optional.of(sure + ", true score " + number(alert.getIntervalLow()) + " to " + number(alert.getIntervalHigh()));
  }

  /** Why the alert fired, in words. */
  public static String reason(AlertReason reason) {
    return switch (reason) {
      case BELOW_FLOOR -> "below the floor";
      case DROP_FROM_BASELINE -> "dropped from baseline";
      case BOTH -> "below the floor and dropped from baseline";
      case RECOVERED -> "back above floor and baseline";
      case BELOW_TEAM_PERCENTILE -> "below the team's percentile";
    };
  }

  /** Why the alert fired, in words, with the team's percentile when the team-relative rule raised it. */
  public static String reason(CoachingAlert alert) {
    if (alert.getReason() == AlertReason.BELOW_TEAM_PERCENTILE && alert.getTeamPercentile() != null) {
      return "below the team's percentile (" + number(alert.getTeamPercentile()) + ")";
    }
    return reason(alert.getReason());
  }

  /** "empathy 52.0 (-18.0 vs baseline)" for the skill with the worst delta, when the alert lists one. */
  public static Optional<String> worstSkill(CoachingAlert alert) {
    return alert.getSkills().stream().findFirst().map(AlertWording::skill);
  }

  public static String skill(SkillDelta s) {
    String delta = s.getDelta() == null ? "no baseline" : signed(s.getDelta()) + " vs baseline";
    return s.getSkill() + " " + number(s.getScore()) + " (" + delta + ")";
  }

  /** "empathy: Acknowledge the customer's feeling before solving." for the first focus skill. */
  public static Optional<String> tip(CoachingAlert alert) {
    return alert.getFocus().stream().findFirst().map(AlertWording::focus);
  }

  public static String focus(FocusSkill f) {
    return f.getSkill() + ": " + f.getTip();
  }

  public static String number(Double value) {
    return value == null ? "none" : String.format(Locale.ROOT, "%.1f", value);
  }

  public static String signed(double value) {
    return String.format(Locale.ROOT, "%+.1f", value);
  }

  /**
   * The console line of the log channel: one line, readable at a glance, with no contact details (no
   * e-mail address; alerts carry no customer data).
   */
  public static String logLine(EnrichedAlert a) {
    CoachingAlert alert = a.alert();
    StringBuilder line = new StringBuilder();
    line.append(a.reminder() ? "REMINDER  " : a.isRecovery() ? "RECOVERED " : "SLIPPING  ");
    if (a.reminder()) {
      line.append("no action yet on the alert raised at ").append(alert.getCreatedAt()).append(": ");
    }
    line.append(headline(a)).append(": ").append(scoreLine(alert))
        .append(", ").append(reason(alert));
    worstSkill(alert).filter(s -> !a.isRecovery()).ifPresent(s -> line.append("; worst ").append(s));
    tip(alert).filter(s -> !a.isRecovery()).ifPresent(s -> line.append("; tip ").append(s));
    line.append(" [team ").append(a.teamId() == null ? "-" : a.teamId());
    if (a.supervisorName() != null) {
      line.append(", supervisor ").append(a.supervisorName());
    }
    line.append(", alert ").append(a.alertId()).append(']');
    return oneLine(line.toString());
  }

  /** Event-derived text must not forge extra log lines or mail headers. */
  public static String oneLine(String text) {
    return text.replaceAll("[\\r\\n\\t\\u0000-\\u001f]+", " ");
  }
}
