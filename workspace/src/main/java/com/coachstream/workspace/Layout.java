package com.coachstream.workspace;

import com.coachstream.common.security.Principal;
import com.coachstream.common.security.Role;
import java.util.stream.Collectors;

/** The frame of every page: skip link, navigation by role, readable contrast, one column on a phone. */
final class Layout {

  private static final String CSS = """
      *{box-sizing:border-box}body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1b1b1b;background:#fff}
      a{color:#1d4ed8}a:focus,button:focus,input:focus,select:focus{outline:3px solid #f59e0b;outline-offset:2px}
      header{background:#0b3d2e;color:#fff;padding:.5rem 1rem;display:flex;flex-wrap:wrap;gap:1rem;align-items:center}
      header a{color:#fff}nav ul{list-style:none;display:flex;flex-wrap:wrap;gap:1rem;margin:0;padding:0}
      main{padding:1rem;max-width:72rem;margin:auto}table{border-collapse:collapse;width:100%}
      th,td{border-bottom:1px solid #ccc;padding:.4rem;text-align:left}th a{color:#1b1b1b}
      .slip{color:#b42318;font-weight:600}.ok{color:#1a7f37}.flash{background:#ecfdf3;border:1px solid #1a7f37;padding:.5rem}
      .error{background:#fef3f2;border:1px solid #b42318;padding:.5rem}form.inline{display:inline}
      button{font:inherit;padding:.3rem .7rem;border:1px solid #0b3d2e;background:#0b3d2e;color:#fff;border-radius:4px}
      label{display:block;margin:.3rem 0}.card{border:1px solid #ccc;border-radius:6px;padding:.7rem;margin:.7rem 0}
      #chart,#skill-chart{width:100%;min-height:320px}.spark{display:block}td.trend small{color:#444}.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;color:#000}
      @media (max-width:40rem){td,th{font-size:14px;padding:.3rem .2rem}main{padding:.5rem}.spark{width:72px;height:20px}
        #team th:last-child,#team td:last-child{display:none}}
      """;

  private Layout() { }

  static String page(String title, Principal user, String csrf, String body) {
    StringBuilder html = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>").append(Html.esc(title)).append(" · CoachStream</title><style>").append(CSS).append("</style>")
        .append("<link rel=\"stylesheet\" href=\"/webjars/uplot/1.6.30/dist/uPlot.min.css\"></head><body>")
        .append("<a class=\"skip\" href=\"#main\">Skip to content</a><header><strong>CoachStream</strong>");
    if (user != null) {
      html.append("<nav aria-label=\"Main\"><ul>").append(links(user)).append("</ul></nav>")
          .append("<span>Signed in as ").append(Html.esc(user.userId())).append("</span>")
          .append("<form class=\"inline\" method=\"post\" action=\"/signout\"><input type=\"hidden\" name=\"csrf\" value=\"")
          .append(Html.esc(csrf)).append("\"><button type=\"submit\">Sign out</button></form>");
    }
    return html.append("</header><main id=\"main\"><h1>").append(Html.esc(title)).append("</h1>").append(body)
        .append("</main></body></html>").toString();
  }

  private static String links(Principal user) {
    StringBuilder links = new StringBuilder();
    if (user.has(Role.SUPERVISOR) || user.has(Role.QA_MANAGER) || user.has(Role.ADMIN)) {
      links.append(user.teams().stream().map(t -> "<li><a href=\"/teams/" + Html.seg(t) + "\">Team " + Html.esc(t) + "</a></li>")
          .collect(Collectors.joining()));
      links.append("<li><a href=\"/inbox\">Inbox</a></li>");
    }
    if (user.has(Role.AGENT) && user.agentId() != null) {
      links.append("<li><a href=\"/agents/").append(Html.seg(user.agentId())).append("\">My trends</a></li>");
    }
    if (user.has(Role.QA_MANAGER) || user.has(Role.ADMIN)) {
      links.append("<li><a href=\"/qa\">Quality</a></li><li><a href=\"/rules\">Rules</a></li>");
    }
    return links.toString();
  }

  static String signIn(String error, String loginToken) {
    String message = error == null ? "" : "<p class=\"error\" role=\"alert\">" + Html.esc(error) + "</p>";
    return page("Sign in", null, null, message + "<form method=\"post\" action=\"/signin\">"
        + "<input type=\"hidden\" name=\"csrf\" value=\"" + Html.esc(loginToken) + "\">"
        + "<label for=\"user\">User name</label><input id=\"user\" name=\"user\" autocomplete=\"username\" required>"
        + "<label for=\"password\">Password</label><input id=\"password\" name=\"password\" type=\"password\" "
        + "autocomplete=\"current-password\" required><p><button type=\"submit\" id=\"signin\">Sign in</button></p></form>");
  }

  static String message(String title, Principal user, String csrf, String text) {
    return page(title, user, csrf, "<p>" + Html.esc(text) + "</p>");
  }
}
