package com.coachstream.workspace;

import com.coachstream.avro.CoachingAction;
import com.coachstream.avro.RuleSet;
import com.coachstream.common.security.AccessPolicy;
import com.coachstream.common.security.Authenticator;
import com.coachstream.common.security.Operation;
import com.coachstream.common.security.Principal;
import com.coachstream.common.security.Role;
import com.coachstream.common.security.Verdict;
import com.coachstream.schemas.topics.Topic;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.HttpStatus;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The supervisor workspace (docs/workspace.md): server-rendered pages over the query API, read with a service
 * token acting for the signed-in user, and the inbox's actions written to the actions topic. Sessions are
 * cookies (HttpOnly, SameSite=Strict, Secure unless configured off for plain-HTTP local use); every POST
 * carries the session's CSRF token; sign-in is rate limited by the authenticator.
 */
public final class WorkspaceServer implements AutoCloseable {

  /** Where and how the workspace serves. */
  public record Config(String host, int port, String queryUrl, boolean secureCookies) { }

  static final String SESSION_COOKIE = "cs_session";
  static final String LOGIN_COOKIE = "cs_login";
  private static final Logger log = LoggerFactory.getLogger(WorkspaceServer.class);

  private final Javalin app;
  private final ActionPublisher actions;
  private final Sessions sessions = new Sessions(Duration.ofHours(8), Clock.systemUTC());
  private final Authenticator authenticator;
  private final AccessPolicy policy;
  private final StreamsQueries queries;
  private final boolean secureCookies;
  private final byte[] chartScript;
  private final byte[] liveScript;
  private final LiveAlerts live;
  private final RulesDesk rules;

  private WorkspaceServer(Config config, Authenticator authenticator, AccessPolicy policy, ActionPublisher actions,
      RulesDesk rules) {
    this.authenticator = authenticator;
    this.rules = rules;
    this.policy = policy;
    this.actions = actions;
    this.secureCookies = config.secureCookies();
    this.queries = new StreamsQueries(config.queryUrl(), authenticator);
    this.chartScript = resource("/workspace/charts.js");
    this.liveScript = resource("/workspace/live.js");
    this.live = new LiveAlerts(queries, 3000);
    this.app = Javalin.create(c -> {
      c.staticFiles.enableWebjars();
      c.startup.showJavalinBanner = false;
      c.routes.before(this::gate);
      c.routes.get("/health", ctx -> ctx.json(Map.of("status", "UP")));
      c.routes.get("/assets/charts.js", ctx -> ctx.contentType("text/javascript").result(chartScript));
      c.routes.get("/assets/live.js", ctx -> ctx.contentType("text/javascript").result(liveScript));
      c.routes.sse("/teams/{teamId}/live", this::live);
      c.routes.get("/signin", ctx -> signInPage(ctx, null));
      c.routes.post("/signin", this::signIn);
      c.routes.post("/signout", this::signOut);
      c.routes.get("/", this::home);
      c.routes.get("/teams/{teamId}", this::team);
      c.routes.get("/agents/{agentId}", this::agent);
      c.routes.get("/inbox", this::inbox);
      c.routes.get("/alerts/{alertId}", this::alert);
      c.routes.post("/alerts/{alertId}/actions", this::act);
      c.routes.get("/qa", this::qa);
      c.routes.get("/rules", this::rules);
      c.routes.post("/rules", this::saveRules);
      c.routes.exception(IllegalStateException.class, (e, ctx) -> {
        log.warn("Workspace request {} failed: {}", ctx.path(), e.getMessage());
        ctx.status(502).html(Layout.message("Not available", null, null, "The scores cannot be read right now; try again."));
      });
    });
  }

  public static WorkspaceServer start(Config config, Authenticator authenticator, AccessPolicy policy,
      Properties kafkaClient, Topic<String, CoachingAction> actionsTopic, RulesDesk rules) {
    WorkspaceServer server = new WorkspaceServer(config, authenticator, policy, new ActionPublisher(kafkaClient, actionsTopic),
        rules);
    server.app.start(config.host(), config.port());
    log.info("Workspace on http://{}:{}/", config.host(), server.port());
    return server;
  }

  public int port() {
    return app.port();
  }

  /** Everything but sign-in, health and static files needs a session; every POST its CSRF token. */
  private void gate(Context ctx) {
    String path = ctx.path();
    if (path.equals("/signin") || path.equals("/health") || path.startsWith("/webjars/") || path.startsWith("/assets/")) {
      return;
    }
    Optional<Sessions.Session> session = sessions.find(ctx.cookie(SESSION_COOKIE));
    if (session.isEmpty()) {
      if (ctx.method().name().equals("GET")) {
        ctx.redirect("/signin");
      } else {
        ctx.status(401).html(Layout.message("Signed out", null, null, "Your session ended; sign in again."));
      }
      ctx.skipRemainingHandlers();
      return;
    }
    if (!ctx.method().name().equals("GET") && !session.get().csrfMatches(ctx.formParam("csrf"))) {
      ctx.status(403).html(Layout.message("Refused", null, null, "This form is out of date; reload the page and try again."));
      ctx.skipRemainingHandlers();
      return;
    }
    Sessions.Session s = session.get();
    // teams from the roster as it is now, not as it was at sign-in
    ctx.attribute("session", new Sessions.Session(s.id(), authenticator.withCurrentTeams(s.principal()), s.csrf(), s.lastSeen()));
  }

  private static Sessions.Session session(Context ctx) {
    return ctx.attribute("session");
  }

  private void signInPage(Context ctx, String error) {
    // keep the browser's token: a second GET (a favicon redirected here, another tab) must not void an open form
    String current = ctx.cookie(LOGIN_COOKIE);
    String token = current != null && current.matches("[A-Za-z0-9_-]{43}") ? current : Sessions.randomToken();
    ctx.cookie(cookie(LOGIN_COOKIE, token));
    ctx.html(Layout.signIn(error, token));
  }

  private void signIn(Context ctx) {
    String expected = ctx.cookie(LOGIN_COOKIE);
    if (expected == null || !expected.equals(ctx.formParam("csrf"))) {
      ctx.status(403);
      signInPage(ctx, "This form is out of date; try again.");
      return;
    }
    Authenticator.Result result = authenticator.signIn(ctx.formParam("user"), ctx.formParam("password"), ctx.ip());
    if (result.outcome() == Authenticator.Outcome.THROTTLED) {
      ctx.status(429).header("Retry-After", "900");
      signInPage(ctx, "Too many failed sign-ins; wait a few minutes.");
    } else if (result.principal().isEmpty()) {
      ctx.status(401);
      signInPage(ctx, "Wrong user name or password.");
    } else {
      Sessions.Session session = sessions.open(result.principal().get());
      ctx.cookie(cookie(SESSION_COOKIE, session.id()));
      ctx.redirect("/");
    }
  }

  private void signOut(Context ctx) {
    sessions.close(session(ctx).id());
    Cookie gone = cookie(SESSION_COOKIE, "");
    gone.setMaxAge(0);
    ctx.cookie(gone);
    ctx.redirect("/signin");
  }

  private Cookie cookie(String name, String value) {
    Cookie cookie = new Cookie(name, value, "/", -1, secureCookies, true, null, SameSite.STRICT);
    cookie.setSecure(secureCookies);
    cookie.setHttpOnly(true);
    cookie.setSameSite(SameSite.STRICT);
    cookie.setPath("/");
    return cookie;
  }

  /** The event stream of an open team page; the session is read again here, as the stream outlives the request. */
  private void live(io.javalin.http.sse.SseClient client) {
    Optional<Sessions.Session> session = sessions.find(client.ctx().cookie(SESSION_COOKIE));
    if (session.isEmpty()) {
      client.close();
      return;
    }
    live.follow(client, authenticator.withCurrentTeams(session.get().principal()));
  }

  private void home(Context ctx) {
    Principal user = session(ctx).principal();
    if (user.has(Role.SUPERVISOR) && !user.teams().isEmpty()) {
      ctx.redirect("/teams/" + Html.seg(user.teams().iterator().next()));
    } else if (user.has(Role.QA_MANAGER) || user.has(Role.ADMIN)) {
      ctx.redirect("/qa");
    } else if (user.has(Role.AGENT) && user.agentId() != null) {
      ctx.redirect("/agents/" + Html.seg(user.agentId()));
    } else {
      ctx.html(Layout.message("Nothing to show", user, session(ctx).csrf(), "Your account has no team and no agent."));
    }
  }

  private void team(Context ctx) {
    Sessions.Session s = session(ctx);
    String teamId = ctx.pathParam("teamId");
    Optional<JsonNode> team = policy.maySeeTeam(s.principal(), teamId)
        ? queries.get(s.principal(), "/api/teams/" + Html.seg(teamId) + "/agents") : Optional.empty();
    if (team.isEmpty()) {
      notFound(ctx, s);
      return;
    }
    // one call for the latest windows, one for the open alerts of every team in scope, one per agent for the
    // trend: the query API has no team history, and an agent's windows are held by the instance that owns it
    SlipState slips = new SlipState(queries.openAlerts(s.principal()));
    List<JsonNode> agents = new java.util.ArrayList<>();
    team.get().path("agents").forEach(agents::add);
    Map<String, List<JsonNode>> recent = new java.util.HashMap<>();
    agents.forEach(a -> recent.put(a.path("agentId").asText(), queries.recentWindows(s.principal(), a.path("agentId").asText())));
    ctx.html(Layout.page("Team " + teamId, s.principal(), s.csrf(),
        TeamPages.team(teamId, agents, recent, slips, ctx.queryParam("sort"))));
  }

  private void agent(Context ctx) {
    Sessions.Session s = session(ctx);
    String agentId = ctx.pathParam("agentId");
    String from = java.time.Instant.now().minus(Duration.ofDays(120)).toString();
    Optional<JsonNode> scores = queries.get(s.principal(), "/api/agents/" + Html.seg(agentId) + "/scores?from=" + from
        + "&to=" + java.time.Instant.now());
    if (scores.isEmpty()) {
      notFound(ctx, s);
      return;
    }
    List<JsonNode> windows = new java.util.ArrayList<>();
    scores.get().path("windows").forEach(windows::add);
    List<JsonNode> alerts = queries.alerts(s.principal()).stream()
        .filter(a -> agentId.equals(a.path("agentId").asText())).toList();
    List<JsonNode> effects = queries.effects(s.principal(), "/api/agents/" + Html.seg(agentId) + "/effects");
    ctx.html(Layout.page("Agent " + agentId, s.principal(), s.csrf(),
        Pages.agent(agentId, windows, alerts, effects) + CoachingPages.agentEffects(effects)));
  }

  private void inbox(Context ctx) {
    Sessions.Session s = session(ctx);
    ctx.html(Layout.page("Inbox", s.principal(), s.csrf(), Pages.inbox(queries.openAlerts(s.principal()),
        policy.admit(Optional.of(s.principal()), Operation.ACT_ON_ALERT) == Verdict.ALLOW ? s.csrf() : null,
        ctx.queryParam("done"))));
  }

  private void alert(Context ctx) {
    Sessions.Session s = session(ctx);
    Optional<JsonNode> alert = queries.alert(s.principal(), ctx.pathParam("alertId"));
    if (alert.isEmpty()) {
      notFound(ctx, s);
      return;
    }
    boolean mayAct = policy.admit(Optional.of(s.principal()), Operation.ACT_ON_ALERT) == Verdict.ALLOW;
    ctx.html(Layout.page("Alert", s.principal(), s.csrf(), Pages.alertCards(List.of(alert.get()), mayAct ? s.csrf() : null)));
  }

  private void act(Context ctx) {
    Sessions.Session s = session(ctx);
    if (policy.admit(Optional.of(s.principal()), Operation.ACT_ON_ALERT) != Verdict.ALLOW) {
      ctx.status(403).html(Layout.message("Refused", s.principal(), s.csrf(), "Your role does not act on alerts."));
      return;
    }
    Optional<JsonNode> alert = queries.alert(s.principal(), ctx.pathParam("alertId"));
    if (alert.isEmpty()) {
      notFound(ctx, s);
      return;
    }
    Map<String, String> form = new LinkedHashMap<>();
    ctx.formParamMap().forEach((k, v) -> form.put(k, v.isEmpty() ? null : v.get(0)));
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("alertId", alert.get().path("alertId").asText());
    facts.put("agentId", alert.get().path("agentId").asText());
    facts.put("category", alert.get().hasNonNull("category") ? alert.get().path("category").asText() : null);
    CoachingAction action;
    try {
      action = ActionRequest.from(form, facts, s.principal().userId(), java.time.Instant.now());
    } catch (IllegalArgumentException e) {
      ctx.status(400).html(Layout.message("Not recorded", s.principal(), s.csrf(), e.getMessage()));
      return;
    }
    actions.publish(action);
    ctx.redirect("/inbox?done=" + Html.seg(action.getType() + " recorded for " + action.getAgentId()));
  }

  private void qa(Context ctx) {
    Sessions.Session s = session(ctx);
    if (!policy.seesAll(s.principal())) {
      notFound(ctx, s);
      return;
    }
    Map<String, Long> byTeam = new TreeMap<>(queries.alerts(s.principal()).stream()
        .collect(Collectors.groupingBy(a -> a.path("teamId").asText("-"), Collectors.counting())));
    ctx.html(Layout.page("Quality", s.principal(), s.csrf(), CoachingPages.qa(queries, s.principal(), byTeam)));
  }

  /** The rules page: QA managers and admins only; anyone else finds nothing here, as on the quality page. */
  private void rules(Context ctx) {
    Sessions.Session s = session(ctx);
    if (policy.admit(Optional.of(s.principal()), Operation.MANAGE_RULES) != Verdict.ALLOW) {
      notFound(ctx, s);
      return;
    }
    String saved = ctx.queryParam("saved");
    ctx.html(Layout.page("Rules", s.principal(), s.csrf(), RulesPage.body(rules.current(), s.csrf(), List.of(),
        saved == null ? null : "Saved " + saved + "; it applies from the next event.", null)));
  }

  private void saveRules(Context ctx) {
    Sessions.Session s = session(ctx);
    if (policy.admit(Optional.of(s.principal()), Operation.MANAGE_RULES) != Verdict.ALLOW) {
      notFound(ctx, s);
      return;
    }
    String team = ctx.formParam("team") == null ? "" : ctx.formParam("team").trim();
    RuleForm.Parsed form = RuleForm.parse(ctx.formParam("settings"));
    List<String> problems = form.problems();
    if (problems.isEmpty()) {
      try {
        RuleSet saved = rules.save(team, form.settings(), s.principal().userId(), ctx.formParam("comment"));
        ctx.redirect("/rules?saved=" + Html.seg(saved.getTeamId() + "@" + saved.getVersion()), HttpStatus.SEE_OTHER);
        return;
      } catch (RulesDesk.Refused e) {
        problems = e.problems();
      }
    }
    ctx.status(400).html(Layout.page("Rules", s.principal(), s.csrf(), RulesPage.body(rules.current(), s.csrf(),
        problems, null, new RulesPage.Draft(team, ctx.formParam("settings") == null ? "" : ctx.formParam("settings")))));
  }

  private static void notFound(Context ctx, Sessions.Session s) {
    ctx.status(404).html(Layout.message("Not found", s.principal(), s.csrf(), "There is nothing here for you."));
  }

  private static byte[] resource(String name) {
    try (InputStream in = WorkspaceServer.class.getResourceAsStream(name)) {
      return in.readAllBytes();
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("missing resource " + name, e);
    }
  }

  @Override
  public void close() {
    app.stop();
    live.close();
    actions.close();
  }
}
