package com.coachstream.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The team page: every agent's latest window, trend of recent windows, slip state and open alerts; every value escaped. */
final class TeamPages {

  /** How many of an agent's most recent windows the sparkline shows. */
  static final int TREND_WINDOWS = 14;

  private TeamPages() { }

  /**
   * {@code agents}: each agent's latest window; {@code recent}: each agent's windows, oldest first (only the last
   * {@link #TREND_WINDOWS} are drawn); {@code slips}: from the open alerts.
   */
  static String team(String teamId, List<JsonNode> agents, Map<String, List<JsonNode>> recent, SlipState slips, String sort) {
    List<JsonNode> rows = new ArrayList<>(agents);
    Comparator<JsonNode> byId = Comparator.comparing(a -> a.path("agentId").asText());
    Comparator<JsonNode> order = switch (sort == null ? "" : sort) {
      case "soft" -> Comparator.comparingDouble(a -> Pages.score(a, "SOFT"));
      case "hard" -> Comparator.comparingDouble(a -> Pages.score(a, "HARD"));
      case "alerts" -> Comparator.<JsonNode>comparingInt(a -> -slips.openAlerts(a.path("agentId").asText())).thenComparing(byId);
      case "slip" -> Comparator.<JsonNode>comparingInt(a -> -slips.slipping(a.path("agentId").asText()).size()).thenComparing(byId);
      default -> byId;
    };
    rows.sort(order);
    StringBuilder html = new StringBuilder("<p>Latest window of every agent of team ").append(Html.esc(teamId))
        .append(", the trend of their last ").append(TREND_WINDOWS).append(" windows (blue soft, violet hard, scale 0–100), ")
        .append("the slip state per category from the open alerts (the newest open alert of a category: SLIP is slipping, ")
        .append("otherwise ok) and the number of open alerts. Sort by <a href=\"?sort=agent\">agent</a>, ")
        .append("<a href=\"?sort=soft\">soft score</a>, <a href=\"?sort=hard\">hard score</a>, ")
        .append("<a href=\"?sort=slip\">slip state</a>, <a href=\"?sort=alerts\">open alerts</a>.</p>")
        .append("<table id=\"team\"><caption>Agents of team ").append(Html.esc(teamId)).append("</caption><thead><tr>")
        .append("<th scope=\"col\">Agent</th><th scope=\"col\">Soft</th><th scope=\"col\">Hard</th>")
        .append("<th scope=\"col\">Trend</th><th scope=\"col\">Slip state</th><th scope=\"col\">Open alerts</th>")
        .append("<th scope=\"col\">Window</th></tr></thead><tbody>");
    for (JsonNode agent : rows) {
      String id = agent.path("agentId").asText();
      int open = slips.openAlerts(id);
      List<String> slipping = slips.slipping(id);
      List<JsonNode> windows = recent.getOrDefault(id, List.of());
      List<JsonNode> last = windows.subList(Math.max(0, windows.size() - TREND_WINDOWS), windows.size());
      String state = slipping.isEmpty() ? "ok" : "slipping: " + String.join(", ", slipping).toLowerCase(Locale.ROOT);
      html.append("<tr data-agent=\"").append(Html.esc(id)).append("\" data-open-alerts=\"").append(open)
          .append("\" data-slip=\"").append(slipping.isEmpty() ? "ok" : "slipping").append("\"><td><a href=\"/agents/")
          .append(Html.seg(id)).append("\">").append(Html.esc(id)).append("</a></td><td>")
          .append(Pages.fmt(Pages.score(agent, "SOFT"))).append("</td><td>").append(Pages.fmt(Pages.score(agent, "HARD")))
          .append("</td><td class=\"trend\">")
          .append(Sparkline.svg(series(last, "SOFT"), series(last, "HARD")))
          .append("<small aria-hidden=\"true\">").append(Html.esc(Sparkline.describe("soft", series(last, "SOFT"))))
          .append("</small></td><td class=\"").append(slipping.isEmpty() ? "ok" : "slip").append("\">").append(Html.esc(state))
          .append("</td><td class=\"").append(open > 0 ? "slip" : "ok").append("\">").append(open).append("</td><td>")
          .append(Html.esc(agent.path("windowStart").asText())).append("</td></tr>");
    }
    return html.append("</tbody></table><p id=\"live-status\" role=\"status\" aria-live=\"polite\"></p>")
        .append("<script src=\"/assets/live.js\"></script>").toString();
  }

  static List<Double> series(List<JsonNode> windows, String category) {
    return windows.stream().map(w -> Pages.score(w, category)).toList();
  }
}
