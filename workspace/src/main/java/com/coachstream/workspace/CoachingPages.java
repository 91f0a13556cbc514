package com.coachstream.workspace;

import com.coachstream.common.ops.HttpJson;
import com.coachstream.common.security.Principal;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The coaching parts of the pages: per-rule precision, effect roll-ups and an agent's sessions; every value escaped. */
final class CoachingPages {

  private CoachingPages() { }

  /**
   * The QA page for {@code caller}: alerts per team, each rule's precision, and the coaching effect per team of
   * {@code alertsByTeam} and per coach of those teams' sessions, read through the query API.
   */
  static String qa(StreamsQueries queries, Principal caller, Map<String, Long> alertsByTeam) {
    JsonNode rules = queries.get(caller, "/api/rules/precision").orElse(HttpJson.MAPPER.createObjectNode());
    Map<String, JsonNode> teams = new TreeMap<>();
    Set<String> coaches = new TreeSet<>();
    for (String team : alertsByTeam.keySet()) {
      queries.get(caller, "/api/teams/" + Html.seg(team) + "/effects").ifPresent(body -> {
        teams.put(team, body.path("summary"));
        body.path("effects").forEach(e -> coaches.add(e.path("coachId").asText()));
      });
    }
    Map<String, JsonNode> byCoach = new TreeMap<>();
    coaches.stream().filter(c -> !c.isEmpty()).forEach(c -> queries.get(caller, "/api/coaches/" + Html.seg(c) + "/effects")
        .ifPresent(body -> byCoach.put(c, body.path("summary"))));
    return qa(alertsByTeam, rules, teams, byCoach);
  }

  static String qa(Map<String, Long> alertsByTeam, JsonNode rules, Map<String, JsonNode> teamSummaries,
      Map<String, JsonNode> coachSummaries) {
    StringBuilder html = new StringBuilder("<h2>Alerts per team</h2><p>Alerts of the last 30 days per team.</p>")
        .append("<table id=\"alerts-per-team\"><thead><tr><th scope=\"col\">Team</th><th scope=\"col\">Alerts</th></tr></thead><tbody>");
    alertsByTeam.forEach((team, count) -> html.append("<tr><td><a href=\"/teams/").append(Html.seg(team)).append("\">")
        .append(Html.esc(team)).append("</a></td><td>").append(count).append("</td></tr>"));
    html.append("</tbody></table><h2>Rule precision</h2><p>Share of each rule's SLIP alerts that supervisors did not ")
        .append("dismiss as false alarms.</p><table id=\"rule-precision\"><thead><tr><th scope=\"col\">Rule</th>")
        .append("<th scope=\"col\">Alerts raised</th><th scope=\"col\">False alarms</th><th scope=\"col\">Precision</th>")
        .append("</tr></thead><tbody>");
    rules.path("rules").forEach(r -> html.append("<tr data-rule=\"").append(Html.esc(r.path("rule").asText())).append("\"><td>")
        .append(Html.esc(r.path("rule").asText())).append("</td><td>").append(r.path("alertsRaised").asLong())
        .append("</td><td>").append(r.path("falseAlarms").asLong()).append("</td><td>")
        .append(number(r.path("precision"), "%.2f")).append("</td></tr>"));
    html.append("</tbody></table>");
    html.append(summaries("effects-per-team", "Coaching effect per team", "Team", teamSummaries));
    html.append(summaries("effects-per-coach", "Coaching effect per coach", "Coach", coachSummaries));
    return html.toString();
  }

  private static String summaries(String id, String title, String who, Map<String, JsonNode> summaries) {
    StringBuilder html = new StringBuilder("<h2>").append(title).append("</h2><table id=\"").append(id)
        .append("\"><thead><tr><th scope=\"col\">").append(who).append("</th><th scope=\"col\">Sessions</th>")
        .append("<th scope=\"col\">Measured</th><th scope=\"col\">Mean effect</th><th scope=\"col\">Share improved</th>")
        .append("</tr></thead><tbody>");
    summaries.forEach((name, s) -> html.append("<tr data-id=\"").append(Html.esc(name)).append("\"><td>").append(Html.esc(name))
        .append("</td><td>").append(s.path("sessions").asLong()).append("</td><td>").append(s.path("measured").asLong())
        .append("</td><td>").append(number(s.path("meanEffect"), "%+.1f")).append("</td><td>")
        .append(number(s.path("shareImproved"), "%.2f")).append("</td></tr>"));
    if (summaries.isEmpty()) {
      html.append("<tr><td colspan=\"5\">No coaching sessions yet.</td></tr>");
    }
    return html.append("</tbody></table>").toString();
  }

  /** An agent's coaching sessions with their measured effect (PENDING until the after-window closed). */
  static String agentEffects(List<JsonNode> effects) {
    StringBuilder html = new StringBuilder("<h2>Coaching sessions</h2>");
    if (effects.isEmpty()) {
      return html.append("<p id=\"no-sessions\">No coaching sessions yet.</p>").toString();
    }
    html.append("<table id=\"coaching-effects\"><thead><tr><th scope=\"col\">Session</th><th scope=\"col\">Coach</th>")
        .append("<th scope=\"col\">Category</th><th scope=\"col\">Status</th><th scope=\"col\">Change</th>")
        .append("<th scope=\"col\">Comparison group</th><th scope=\"col\">Effect</th></tr></thead><tbody>");
    for (JsonNode e : effects) {
      html.append("<tr data-session=\"").append(Html.esc(e.path("sessionId").asText())).append("\"><td>")
          .append(Html.esc(e.path("sessionAt").asText())).append("</td><td>").append(Html.esc(e.path("coachId").asText("")))
          .append("</td><td>").append(Html.esc(e.path("category").asText())).append("</td><td>")
          .append(Html.esc(e.path("status").asText())).append("</td><td>").append(number(e.path("change"), "%+.1f"))
          .append("</td><td>").append(number(e.path("comparisonChange"), "%+.1f")).append("</td><td>")
          .append(number(e.path("effect"), "%+.1f")).append("</td></tr>");
    }
    return html.append("</tbody></table>").toString();
  }

  private static String number(JsonNode value, String format) {
    return value == null || !value.isNumber() ? "–" : String.format(java.util.Locale.ROOT, format, value.asDouble());
  }
}
