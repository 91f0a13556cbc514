package com.coachstream.notifier.format;

import com.coachstream.avro.CoachingAlert;
import com.coachstream.notifier.EnrichedAlert;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * The webhook body of docs/http-api.md: alertId, type, category, reason, agent {id, name, teamId}, supervisor {id,
 * name}, score, baseline, floor, samples, probability, interval {low, high} (null in threshold mode), window
 * {start, end}, skills, evidence, focus, createdAt, reminder (true in the one reminder of an alert no one
 * acted on; its other fields are the alert's) and link (the alert in the supervisor workspace, or null).
 * Timestamps are ISO-8601 (UTC); absent values are JSON null, never left out, so receivers see a stable shape.
 */
public final class WebhookPayload {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private WebhookPayload() { }

  public static ObjectNode toJson(EnrichedAlert a) {
    CoachingAlert alert = a.alert();
    ObjectNode root = MAPPER.createObjectNode();
    root.put("alertId", alert.getAlertId());
    root.put("type", alert.getType().name());
    root.put("category", alert.getCategory().name());
    root.put("reason", alert.getReason().name());
    ObjectNode agent = root.putObject("agent");
    agent.put("id", a.agentId());
    agent.put("name", a.agentName());
    agent.put("teamId", a.teamId());
    ObjectNode supervisor = root.putObject("supervisor");
    supervisor.put("id", a.supervisorId());
    supervisor.put("name", a.supervisorName());
    root.put("score", alert.getScore());
    root.put("baseline", alert.getBaseline());
    root.put("floor", alert.getFloor());
    root.put("samples", alert.getSamples());
    root.put("probability", alert.getProbability());
    root.put("ruleSet", alert.getRuleSet());
    root.put("teamPercentile", alert.getTeamPercentile());
    ObjectNode interval = root.putObject("interval");
    interval.put("low", alert.getIntervalLow());
    interval.put("high", alert.getIntervalHigh());
    ObjectNode window = root.putObject("window");
    window.put("start", iso(alert.getWindowStart()));
    window.put("end", iso(alert.getWindowEnd()));
    ArrayNode skills = root.putArray("skills");
    alert.getSkills().forEach(s -> skills.addObject()
        .put("skill", s.getSkill()).put("score", s.getScore()).put("baseline", s.getBaseline()).put("delta", s.getDelta()));
    ArrayNode evidence = root.putArray("evidence");
    alert.getEvidence().forEach(e -> evidence.addObject()
        .put("sourceId", e.getSourceId()).put("skill", e.getSkill()).put("score", e.getScore()).put("time", iso(e.getTime())));
    ArrayNode focus = root.putArray("focus");
    alert.getFocus().forEach(f -> focus.addObject().put("skill", f.getSkill()).put("tip", f.getTip()));
    root.put("createdAt", iso(alert.getCreatedAt()));
    root.put("reminder", a.reminder());
    root.put("link", a.link());
    return root;
  }

  public static byte[] toBytes(EnrichedAlert a) {
    try {
      return MAPPER.writeValueAsBytes(toJson(a));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("Cannot write webhook JSON", e);
    }
  }

  static String iso(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
