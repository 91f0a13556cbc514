package com.coachstream.workspace;

import com.coachstream.avro.RuleSet;
import java.util.List;
import java.util.Map;

/**
 * The QA manager's rules page: each team's rule set (and {@code *}, every team without its own) with its
 * version, author and reason, a form to change each, and one for a team without rules yet.
 */
final class RulesPage {

  private RulesPage() { }

  /**
   * @param problems why the last change was refused (empty when none was)
   * @param draft the refused form's team and text, shown again for correction (null when none)
   */
  static String body(Map<String, RuleSet> rules, String csrf, List<String> problems, String flash, Draft draft) {
    StringBuilder html = new StringBuilder("<p>A team's rules win over the rules of every team (<code>*</code>), ")
        .append("which win over the configuration. Settings are those of docs/configuration.md beginning with ")
        .append("<code>slip.</code>, one <code>key=value</code> per line; a change applies from the next event.</p>");
    if (flash != null) {
      html.append("<p class=\"flash\" role=\"status\">").append(Html.esc(flash)).append("</p>");
    }
    if (!problems.isEmpty()) {
      html.append("<div class=\"error\" role=\"alert\" id=\"rules-problems\"><p>The rules were not changed:</p><ul>");
      problems.forEach(p -> html.append("<li>").append(Html.esc(p)).append("</li>"));
      html.append("</ul></div>");
    }
    html.append("<table id=\"rule-sets\"><thead><tr><th scope=\"col\">Team</th><th scope=\"col\">Version</th>")
        .append("<th scope=\"col\">Settings</th><th scope=\"col\">Changed by</th><th scope=\"col\">Why</th></tr></thead><tbody>");
    rules.values().forEach(r -> html.append("<tr data-team=\"").append(Html.esc(r.getTeamId())).append("\"><td>")
        .append(Html.esc(r.getTeamId())).append("</td><td>").append(r.getVersion()).append("</td><td><pre>")
        .append(Html.esc(RuleForm.text(r.getSettings()))).append("</pre></td><td>").append(Html.esc(r.getUpdatedBy()))
        .append(" at ").append(Html.esc(r.getUpdatedAt())).append("</td><td>").append(Html.esc(r.getComment()))
        .append("</td></tr>"));
    html.append("</tbody></table>");
    rules.values().forEach(r -> html.append(form(r.getTeamId(), draft != null && draft.team().equals(r.getTeamId())
        ? draft.text() : RuleForm.text(r.getSettings()), csrf, false)));
    html.append(form(draft != null && !rules.containsKey(draft.team()) ? draft.team() : "",
        draft != null && !rules.containsKey(draft.team()) ? draft.text() : "", csrf, true));
    return html.toString();
  }

  /** A refused form's content. */
  record Draft(String team, String text) { }

  private static String form(String team, String text, String csrf, boolean newTeam) {
    String id = newTeam ? "new" : Html.esc(team);
    StringBuilder html = new StringBuilder("<form class=\"card\" method=\"post\" action=\"/rules\" id=\"rules-form-")
        .append(id).append("\"><h2>").append(newTeam ? "Rules for another team" : "Change the rules of " + Html.esc(team))
        .append("</h2><input type=\"hidden\" name=\"csrf\" value=\"").append(Html.esc(csrf)).append("\">");
    if (newTeam) {
      html.append("<label for=\"team-new\">Team (or * for every team)</label><input id=\"team-new\" name=\"team\" required value=\"")
          .append(Html.esc(team)).append("\">");
    } else {
      html.append("<input type=\"hidden\" name=\"team\" value=\"").append(Html.esc(team)).append("\">");
    }
    return html.append("<label for=\"settings-").append(id).append("\">Settings</label><textarea id=\"settings-")
        .append(id).append("\" name=\"settings\" rows=\"5\" cols=\"40\">").append(Html.esc(text)).append("</textarea>")
        .append("<label for=\"comment-").append(id).append("\">Why</label><input id=\"comment-").append(id)
        .append("\" name=\"comment\"><p><button type=\"submit\">Save the next version</button></p></form>").toString();
  }
}
