package com.coachstream.notifier.format;

import com.coachstream.avro.CoachingAlert;
import com.coachstream.notifier.EnrichedAlert;

/**
 * Subject, plain-text and HTML bodies of the coaching e-mail. Every event-derived string in the HTML part
 * goes through {@link Html#escape}; the subject is kept to one line so it cannot forge headers.
 */
public record EmailContent(String subject, String text, String html) {

  public static EmailContent of(EnrichedAlert a) {
    CoachingAlert alert = a.alert();
    String subject = AlertWording.oneLine("[CoachStream] " + AlertWording.title(a));

    StringBuilder text = new StringBuilder();
    if (a.reminder()) {
      text.append(AlertWording.reminderLine(a)).append("\n\n");
    }
    text.append(AlertWording.headline(a)).append(".\n")
        .append(AlertWording.scoreLine(alert)).append(" - ").append(AlertWording.reason(alert)).append(".\n");
    if (!alert.getSkills().isEmpty()) {
      text.append("\nSkills (worst first):\n");
      alert.getSkills().forEach(s -> text.append("  - ").append(AlertWording.skill(s)).append('\n'));
    }
    if (!a.isRecovery() && !alert.getEvidence().isEmpty()) {
      text.append("\nEvidence:\n");
      alert.getEvidence().forEach(e -> text.append("  - ").append(e.getSourceId()).append(": ").append(e.getSkill())
          .append(' ').append(AlertWording.number(e.getScore())).append(" at ").append(e.getTime()).append('\n'));
    }
    if (!a.isRecovery() && !alert.getFocus().isEmpty()) {
      text.append("\nWhat to coach:\n");
      alert.getFocus().forEach(f -> text.append("  - ").append(AlertWording.focus(f)).append('\n'));
    }
    text.append("\nWindow ").append(alert.getWindowStart()).append(" to ").append(alert.getWindowEnd())
        .append(". Alert ").append(a.alertId()).append('\n');
    if (a.link() != null) {
      text.append("Open in the workspace: ").append(a.link()).append('\n');
    }

    StringBuilder html = new StringBuilder();
    String color = a.isRecovery() ? "#1a7f37" : "#b42318";
    html.append("<html><body style=\"font-family:sans-serif\">")
        .append("<h2 style=\"color:").append(color).append("\">").append(Html.escape(AlertWording.title(a))).append("</h2>");
    if (a.reminder()) {
      html.append("<p><b>").append(Html.escape(AlertWording.reminderLine(a))).append("</b></p>");
    }
    html.append("<p><b>").append(Html.escape(AlertWording.headline(a))).append("</b><br>")
        .append(Html.escape(AlertWording.scoreLine(alert))).append(" &ndash; ")
        .append(Html.escape(AlertWording.reason(alert))).append(".</p>");
    if (!alert.getSkills().isEmpty()) {
      html.append("<h3>Skills (worst first)</h3><ul>");
      alert.getSkills().forEach(s -> html.append("<li>").append(Html.escape(AlertWording.skill(s))).append("</li>"));
      html.append("</ul>");
    }
    if (!a.isRecovery() && !alert.getEvidence().isEmpty()) {
      html.append("<h3>Evidence</h3><ul>");
      alert.getEvidence().forEach(e -> html.append("<li>").append(Html.escape(e.getSourceId())).append(": ")
          .append(Html.escape(e.getSkill())).append(' ').append(AlertWording.number(e.getScore())).append("</li>"));
      html.append("</ul>");
    }
    if (!a.isRecovery() && !alert.getFocus().isEmpty()) {
      html.append("<h3>What to coach</h3><ul>");
      alert.getFocus().forEach(f -> html.append("<li>").append(Html.escape(AlertWording.focus(f))).append("</li>"));
      html.append("</ul>");
    }
    if (a.link() != null) {
      html.append("<p><a href=\"").append(Html.escape(a.link())).append("\">Open in the workspace</a></p>");
    }
    html.append("<p style=\"color:#666\">Alert ").append(Html.escape(a.alertId())).append("</p></body></html>");
    return new EmailContent(subject, text.toString(), html.toString());
  }
}
