package com.coachstream.notifier.format;

import com.coachstream.avro.CoachingAlert;
import com.coachstream.notifier.EnrichedAlert;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A Microsoft Teams incoming-webhook message carrying an Adaptive Card (1.4) with the same content as the
 * Slack message. The title is green ("good") for a recovery and red ("attention") for a slip. Adaptive
 * Card TextBlocks render a subset of Markdown, not HTML, so text is passed as-is.
 */
public final class TeamsCard {

  public static final String CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private TeamsCard() { }

  public static ObjectNode toJson(EnrichedAlert a) {
    CoachingAlert alert = a.alert();
    ObjectNode root = MAPPER.createObjectNode();
    root.put("type", "message");
    ObjectNode card = root.putArray("attachments").addObject()
        .put("contentType", CARD_CONTENT_TYPE).putObject("content");
    card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
    card.put("type", "AdaptiveCard");
    card.put("version", "1.4");
    ArrayNode body = card.putArray("body");
    body.addObject().put("type", "TextBlock").put("size", "Large").put("weight", "Bolder").put("wrap", true)
        .put("color", a.isRecovery() ? "Good" : "Attention").put("text", AlertWording.title(a));
    if (a.reminder()) {
      text(body, AlertWording.reminderLine(a));
    }
    text(body, AlertWording.headline(a) + ": " + AlertWording.reason(alert) + ".");
    ArrayNode facts = body.addObject().put("type", "FactSet").putArray("facts");
    fact(facts, "Score", AlertWording.number(alert.getScore()));
    fact(facts, "Baseline", AlertWording.number(alert.getBaseline()));
    fact(facts, "Floor", AlertWording.number(alert.getFloor()));
    fact(facts, "Samples", String.valueOf(alert.getSamples()));
    AlertWording.certainty(alert).ifPresent(c -> fact(facts, "Certainty", c));
    if (alert.getRuleSet() != null) {
      fact(facts, "Rules", alert.getRuleSet());
    }
    fact(facts, "Team", a.teamId() == null ? "-" : a.teamId());
    fact(facts, "Supervisor", a.supervisorName() == null ? "-" : a.supervisorName());
    alert.getSkills().stream().limit(3).forEach(s -> fact(facts, s.getSkill(), AlertWording.skill(s)));
    if (!a.isRecovery()) {
      alert.getEvidence().forEach(e -> fact(facts, "Evidence " + e.getSourceId(),
          e.getSkill() + " " + AlertWording.number(e.getScore())));
      alert.getFocus().forEach(f -> text(body, "Coaching tip — " + AlertWording.focus(f)));
    }
    text(body, "Alert " + a.alertId());
    if (a.link() != null) {
      card.putArray("actions").addObject().put("type", "Action.OpenUrl").put("title", "Open in the workspace")
          .put("url", a.link());
    }
    return root;
  }

  private static void text(ArrayNode body, String text) {
    body.addObject().put("type", "TextBlock").put("wrap", true).put("text", text);
  }

  private static void fact(ArrayNode facts, String title, String value) {
    facts.addObject().put("title", title).put("value", value);
  }
}
