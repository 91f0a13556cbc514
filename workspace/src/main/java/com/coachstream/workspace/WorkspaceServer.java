package com.coachstream.workspace;

import com.coachstream.avro.CoachingAction;
import com.coachstream.common.security.AccessPolicy;
import com.coachstream.common.security.Authenticator;
import com.coachstream.schemas.topics.Topic;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The supervisor workspace (docs/workspace.md): server-rendered pages over the query API, read with a service
 * token acting for the signed-in user, and the inbox's actions written to the actions topic. Sessions are
 * cookies (HttpOnly, SameSite=Strict, Secure unless configured off for plain-HTTP local use); every POST
 * carries the session's CSRF token; sign-in is rate limited by the authenticator. This class maps the routes;
 * each group of pages is a class of its own ({@link SessionRoutes}, {@link ScoreRoutes}, {@link AlertRoutes},
 * {@link RulesRoutes}).
 */
public final class WorkspaceServer implements AutoCloseable {

  /** Where and how the workspace serves. */
  public record Config(String host, int port, String queryUrl, boolean secureCookies) { }

  private static final Logger log = LoggerFactory.getLogger(WorkspaceServer.class);

  private final Javalin app;
  private final ActionPublisher actions;
  private final LiveAlerts live;

  private WorkspaceServer(Config config, Authenticator authenticator, AccessPolicy policy, ActionPublisher actions,
      RulesDesk rules) {
    this.actions = actions;
    StreamsQueries queries = new StreamsQueries(config.queryUrl(), authenticator);
    this.live = new LiveAlerts(queries, 3000);
    SessionRoutes signIn = new SessionRoutes(new Sessions(Duration.ofHours(8), Clock.systemUTC()), authenticator,
        config.secureCookies());
    ScoreRoutes scores = new ScoreRoutes(queries, policy);
    AlertRoutes alerts = new AlertRoutes(queries, policy, actions);
    RulesRoutes ruleSets = new RulesRoutes(policy, rules);
    byte[] chartScript = resource("/workspace/charts.js");
    byte[] liveScript = resource("/workspace/live.js");
    this.app = Javalin.create(c -> {
      c.staticFiles.enableWebjars();
      c.startup.showJavalinBanner = false;
      c.routes.before(signIn::gate);
      c.routes.get("/health", ctx -> ctx.json(Map.of("status", "UP")));
      c.routes.get("/assets/charts.js", ctx -> ctx.contentType("text/javascript").result(chartScript));
      c.routes.get("/assets/live.js", ctx -> ctx.contentType("text/javascript").result(liveScript));
      // the event stream of an open team page
      c.routes.sse("/teams/{teamId}/live", client -> signIn.ofStream(client).ifPresent(user -> live.follow(client, user)));
      c.routes.get("/signin", signIn::signInPage);
      c.routes.post("/signin", signIn::signIn);
      c.routes.post("/signout", signIn::signOut);
      c.routes.get("/", scores::home);
      c.routes.get("/teams/{teamId}", scores::team);
      c.routes.get("/agents/{agentId}", scores::agent);
      c.routes.get("/inbox", alerts::inbox);
      c.routes.get("/alerts/{alertId}", alerts::alert);
      c.routes.post("/alerts/{alertId}/actions", alerts::act);
      c.routes.get("/qa", scores::qa);
      c.routes.get("/rules", ruleSets::show);
      c.routes.post("/rules", ruleSets::save);
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
