package com.coachstream.notifier.format;

import com.coachstream.avro.CoachingAlert;
import com.coachstream.notifier.EnrichedAlert;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.stream.Collectors;

/**
 * A Slack incoming-webhook message with Block Kit: a header, the score against baseline and floor, the
 * worst skills, the evidence and the coaching tip. A recovery is worded and marked as good news.
 * Event-derived text is escaped for Slack mrkdwn ({@code & < >}), so a name cannot inject a mention or link.
 */
public final class SlackMessage {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private SlackMessage() { }

  public static ObjectNode toJson(EnrichedAlert a) {
    CoachingAlert alert = a.alert();
    ObjectNode root = MAPPER.createObjectNode();
    String emoji = a.reminder() ? ":alarm_clock:" : a.isRecovery() ? ":white_check_mark:" : ":warning:";
    root.put("text", emoji + " " + escape(AlertWording.title(a)));
    ArrayNode blocks = root.putArray("blocks");
    blocks.addObject().put("type", "header")
        .putObject("text").put("type", "plain_text").put("emoji", true).put("text", emoji + " " + escape(AlertWording.title(a)));
    if (a.reminder()) {
      section(blocks, "*" + escape(AlertWording.reminderLine(a)) + "*");
    }
    section(blocks, "*" + escape(AlertWording.headline(a)) + "*\n"
        + escape(AlertWording.scoreLine(alert)) + " — " + AlertWording.reason(alert));
    if (!alert.getSkills().isEmpty()) {
      section(blocks, "*Skills (worst first)*\n" + alert.getSkills().stream().limit(3)
          .map(s -> "• " + escape(AlertWording.skill(s))).collect(Collectors.joining("\n")));
    }
    if (!alert.getEvidence().isEmpty() && !a.isRecovery()) {
      section(blocks, "*Evidence*\n" + alert.getEvidence().stream()
          .map(e -> "• " + escape(e.getSourceId()) + " — " + escape(e.getSkill()) + " " + AlertWording.number(e.getScore()))
          .collect(Collectors.joining("\n")));
    }
    if (!alert.getFocus().isEmpty() && !a.isRecovery()) {
      section(blocks, "*Coaching tip*\n" + alert.getFocus().stream()
          .map(f -> "• " + escape(AlertWording.focus(f))).collect(Collectors.joining("\n")));
    }
    if (a.link() != null) {
      section(blocks, "<" + escape(a.link()) + "|Open in the workspace>");
    }
    ArrayNode context = blocks.addObject().put("type", "context").putArray("elements");
    context.addObject().put("type", "mrkdwn").put("text", escape("Team " + nullToDash(a.teamId())
        + " · supervisor " + nullToDash(a.supervisorName()) + " · alert " + a.alertId()));
    return root;
  }

  private static void section(ArrayNode blocks, String mrkdwn) {
    blocks.addObject().put("type", "section").putObject("text").put("type", "mrkdwn").put("text", mrkdwn);
  }

  /** Slack's own escaping rules for mrkdwn text. */
  public static String escape(String text) {
    return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  static String nullToDash(String s) {
    return s == null ? "-" : s;
  }
}
