package com.coachstream.workspace;

import com.coachstream.common.ops.HttpJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The body of each workspace page, from the query API's JSON; every value is escaped. */
final class Pages {

  private Pages() { }

  static String agent(String agentId, List<JsonNode> windows, List<JsonNode> alerts, List<JsonNode> effects) {
    ObjectNode data = HttpJson.MAPPER.createObjectNode();
    ArrayNode x = data.putArray("x");
    ArrayNode soft = data.putArray("soft");
    ArrayNode hard = data.putArray("hard");
    for (JsonNode w : windows) {
      x.add(java.time.Instant.parse(w.path("windowEnd").asText()).getEpochSecond());
      addScore(soft, score(w, "SOFT"));
      addScore(hard, score(w, "HARD"));
    }
    double floor = alerts.isEmpty() ? 70 : alerts.get(0).path("floor").asDouble(70);
    data.put("floor", floor);
    alerts.stream().filter(a -> a.hasNonNull("baseline")).findFirst().ifPresent(a -> data.put("baseline", a.path("baseline").asDouble()));
    ArrayNode marks = data.putArray("alerts");
    alerts.forEach(a -> marks.addObject().put("t", java.time.Instant.parse(a.path("windowEnd").asText()).getEpochSecond())
        .put("score", a.path("score").asDouble()).put("type", a.path("type").asText()));
    ArrayNode sessions = data.putArray("sessions");
    effects.stream().filter(e -> e.hasNonNull("sessionAt")).forEach(e -> sessions.addObject()
        .put("t", java.time.Instant.parse(e.path("sessionAt").asText()).getEpochSecond())
        .put("category", e.path("category").asText()).put("coach", e.path("coachId").asText("")));
    skillSeries(data.putObject("skills"), windows);
    String json = data.toString().replace("<", "\\u003c");
    StringBuilder html = new StringBuilder("<figure><div id=\"chart\" role=\"img\" aria-label=\"Soft and hard scores of ")
        .append(Html.esc(agentId)).append(" per window, with the floor")
        .append(data.has("baseline") ? " and baseline" : "").append(" lines and alerts marked\"></div>")
        .append("<figcaption>Category scores per window (end date). Dashed: floor ").append(fmt(floor))
        .append(data.has("baseline") ? ", dotted: baseline " + fmt(data.path("baseline").asDouble()) : "")
        .append("; red points: alerts; green vertical lines: coaching sessions (").append(sessions.size())
        .append(").</figcaption></figure>")
        .append("<figure><div id=\"skill-chart\" role=\"img\" aria-label=\"Skill scores of ").append(Html.esc(agentId))
        .append(" per window, one line per skill\"></div><figcaption>Skill scores per window (end date): ")
        .append(Html.esc(String.join(", ", names(data.path("skills"))))).append(".</figcaption></figure>")
        .append("<script type=\"application/json\" id=\"chart-data\">").append(json).append("</script>")
        .append("<script src=\"/webjars/uplot/1.6.30/dist/uPlot.iife.min.js\"></script>")
        .append("<script src=\"/assets/charts.js\"></script><h2>Alerts</h2>");
    html.append(alerts.isEmpty() ? "<p>No alerts in the last 30 days.</p>" : alertCards(alerts, null));
    return html.toString();
  }

  static String inbox(List<JsonNode> alerts, String csrf, String flash) {
    String banner = flash == null ? "" : "<p class=\"flash\" role=\"status\">" + Html.esc(flash) + "</p>";
    return banner + (alerts.isEmpty() ? "<p>No open alerts for your teams in the last 30 days.</p>" : alertCards(alerts, csrf));
  }

  static String alertCards(List<JsonNode> alerts, String csrf) {
    StringBuilder html = new StringBuilder();
    for (JsonNode a : alerts) {
      String id = a.path("alertId").asText();
      html.append("<section class=\"card\" id=\"alert-").append(Html.esc(id)).append("\" aria-label=\"Alert for ")
          .append(Html.esc(a.path("agentId").asText())).append("\"><h3>")
          .append(Html.esc(a.path("type").asText())).append(" · ").append(Html.esc(a.path("category").asText()))
          .append(" · <a href=\"/agents/").append(Html.seg(a.path("agentId").asText())).append("\">")
          .append(Html.esc(a.path("agentId").asText())).append("</a></h3><p>Score ").append(fmt(a.path("score").asDouble()))
          .append(" vs baseline ").append(a.hasNonNull("baseline") ? fmt(a.path("baseline").asDouble()) : "none")
          .append(", floor ").append(fmt(a.path("floor").asDouble())).append(" · window ending ")
          .append(Html.esc(a.path("windowEnd").asText())).append("</p>");
      if (a.path("focus").size() > 0) {
        html.append("<p>Focus: ");
        a.path("focus").forEach(f -> html.append(Html.esc(f.path("skill").asText())).append(" — ")
            .append(Html.esc(f.path("tip").asText())).append(" "));
        html.append("</p>");
      }
      if (a.path("evidence").size() > 0) {
        html.append("<details><summary>Evidence</summary><ul>");
        a.path("evidence").forEach(e -> html.append("<li>").append(Html.esc(e.path("sourceId").asText())).append(": ")
            .append(Html.esc(e.path("skill").asText())).append(' ').append(fmt(e.path("score").asDouble())).append("</li>"));
        html.append("</ul></details>");
      }
      if (csrf != null) {
        html.append(actions(id, csrf));
      }
      html.append("</section>");
    }
    return html.toString();
  }

  private static String actions(String alertId, String csrf) {
    String action = "/alerts/" + Html.seg(alertId) + "/actions";
    String token = "<input type=\"hidden\" name=\"csrf\" value=\"" + Html.esc(csrf) + "\">";
    String id = Html.esc(alertId);
    return "<form class=\"inline\" method=\"post\" action=\"" + action + "\">" + token
        + "<input type=\"hidden\" name=\"type\" value=\"ACKNOWLEDGED\"><button type=\"submit\" name=\"acknowledge\">Acknowledge</button></form> "
        + "<form class=\"inline\" method=\"post\" action=\"" + action + "\">" + token
        + "<input type=\"hidden\" name=\"type\" value=\"SNOOZED\"><label for=\"snooze-" + id + "\">Snooze days</label>"
        + "<input id=\"snooze-" + id + "\" name=\"snoozeDays\" type=\"number\" min=\"1\" max=\"90\" value=\"7\">"
        + "<button type=\"submit\">Snooze</button></form>"
        + "<details><summary>Dismiss</summary><form method=\"post\" action=\"" + action + "\">" + token
        + "<input type=\"hidden\" name=\"type\" value=\"DISMISSED\"><label for=\"reason-" + id + "\">Reason</label>"
        + "<select id=\"reason-" + id + "\" name=\"reason\"><option value=\"FALSE_ALARM\">False alarm</option>"
        + "<option value=\"KNOWN_CAUSE\">Known cause</option><option value=\"OTHER\">Other</option></select>"
        + "<label for=\"dnote-" + id + "\">Note</label><input id=\"dnote-" + id + "\" name=\"note\" maxlength=\"2000\">"
        + "<button type=\"submit\">Dismiss</button></form></details>"
        + "<details><summary>Log a coaching session</summary><form method=\"post\" action=\"" + action + "\">" + token
        + "<input type=\"hidden\" name=\"type\" value=\"COACHED\"><label for=\"date-" + id + "\">Session date</label>"
        + "<input id=\"date-" + id + "\" name=\"sessionAt\" type=\"date\"><label for=\"skills-" + id + "\">Skills coached</label>"
        + "<input id=\"skills-" + id + "\" name=\"skills\"><label for=\"cnote-" + id + "\">Note</label>"
        + "<input id=\"cnote-" + id + "\" name=\"note\" maxlength=\"2000\"><button type=\"submit\" name=\"coached\">Log session</button>"
        + "</form></details>";
  }

  /** Per skill (name order), its score in every window (null where the window has no sample of it). */
  private static void skillSeries(ObjectNode skills, List<JsonNode> windows) {
    java.util.SortedSet<String> names = new java.util.TreeSet<>();
    windows.forEach(w -> w.path("skills").forEach(k -> names.add(k.path("skill").asText())));
    for (String name : names) {
      ArrayNode series = skills.putArray(name);
      for (JsonNode w : windows) {
        double score = Double.NaN;
        for (JsonNode k : w.path("skills")) {
          if (name.equals(k.path("skill").asText())) {
            score = k.path("score").asDouble(Double.NaN);
          }
        }
        addScore(series, score);
      }
    }
  }

  private static List<String> names(JsonNode object) {
    List<String> names = new java.util.ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** A gap (no samples of the category) is null, which the chart leaves out; NaN is not JSON. */
  private static void addScore(ArrayNode series, double score) {
    if (Double.isNaN(score)) {
      series.addNull();
    } else {
      series.add(score);
    }
  }

  static double score(JsonNode window, String category) {
    for (JsonNode c : window.path("categories")) {
      if (category.equals(c.path("category").asText())) {
        return c.path("score").asDouble(Double.NaN);
      }
    }
    return Double.NaN;
  }

  static String fmt(double value) {
    return Double.isNaN(value) ? "–" : String.format(java.util.Locale.ROOT, "%.1f", value);
  }
}
