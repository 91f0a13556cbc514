package com.coachstream.common.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.coachstream.common.security.AccessPolicy;
import com.coachstream.common.security.Authenticator;
import com.coachstream.common.security.DemoUsers;
import com.coachstream.common.security.LoginThrottle;
import com.coachstream.common.security.Operation;
import com.coachstream.common.security.Role;
import com.coachstream.common.security.ServiceTokens;
import com.coachstream.common.security.TeamDirectory;
import com.coachstream.common.security.UsersFile;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpsServerTest {

  private static final String ADMIN = "admin-token-0123456789";
  private static final String SENDER = "sender-token-0123456789";

  @TempDir
  Path dir;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void servesHealthReadinessMetricsAndMountedApis() throws Exception {
    AtomicBoolean ready = new AtomicBoolean(false);
    var registry = OpsServer.newRegistry();
    registry.counter("coachstream_test_events").increment(3);
    try (OpsServer ops = OpsServer.start("127.0.0.1", 0, registry, () -> true, ready::get)) {
      ops.secure(authenticator(), new AccessPolicy(true));
      ops.route("GET", "/api/echo", Operation.READ_ALERTS,
          exchange -> HttpJson.respond(exchange, 200, HttpJson.query(exchange)));

      assertThat(get(ops, "/health").statusCode()).isEqualTo(200);
      assertThat(get(ops, "/ready").statusCode()).isEqualTo(503);
      ready.set(true);
      assertThat(get(ops, "/ready").statusCode()).isEqualTo(200);
      assertThat(get(ops, "/metrics").body()).contains("coachstream_test_events_total 3.0");
      HttpResponse<String> echo = get(ops, "/api/echo?since=2026-11-20T00%3A00%3A00Z&x", ADMIN);
      assertThat(HttpJson.MAPPER.readValue(echo.body(), Map.class))
          .containsEntry("since", "2026-11-20T00:00:00Z").containsEntry("x", "");
    }
  }

  @Test
  void everyRouteButTheProbesNeedsCredentialsAndARoleItsOperationAllows() throws Exception {
    try (OpsServer ops = OpsServer.start("127.0.0.1", 0, OpsServer.newRegistry(), () -> true, () -> true)) {
      ops.route("GET", "/api/before-secure", Operation.READ_ALERTS, exchange -> HttpJson.respond(exchange, 200, Map.of()));
      assertThat(get(ops, "/api/before-secure", ADMIN).statusCode()).as("not secured yet: nobody passes").isEqualTo(401);
      ops.secure(authenticator(), new AccessPolicy(false));
      ops.route("GET", "/api/alerts", Operation.READ_ALERTS,
          exchange -> HttpJson.respond(exchange, 200, Map.of("caller", OpsServer.principal(exchange).userId())));
      ops.route("GET", "/api/forgotten", exchange -> HttpJson.respond(exchange, 200, Map.of()));

      assertThat(get(ops, "/health").statusCode()).isEqualTo(200);
      assertThat(get(ops, "/ready").statusCode()).isEqualTo(200);
      HttpResponse<String> anonymous = get(ops, "/api/alerts");
      assertThat(anonymous.statusCode()).isEqualTo(401);
      assertThat(anonymous.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"coachstream\"");
      assertThat(get(ops, "/api/alerts", "wrong-token").statusCode()).isEqualTo(401);
      assertThat(get(ops, "/api/alerts", SENDER).statusCode()).isEqualTo(403);
      assertThat(get(ops, "/api/alerts", ADMIN).body()).isEqualTo("{\"caller\":\"root\"}");
      assertThat(get(ops, "/api/forgotten").statusCode()).as("no policy").isEqualTo(401);
      assertThat(get(ops, "/api/forgotten", ADMIN).statusCode()).as("no policy, even for an admin").isEqualTo(403);
      assertThat(get(ops, "/metrics").statusCode()).as("metrics configured closed").isEqualTo(401);
      assertThat(get(ops, "/metrics", ADMIN).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void routesWithPathParametersAnswerOnlyTheirPathsAndMethods() throws Exception {
    try (OpsServer ops = OpsServer.start("127.0.0.1", 0, OpsServer.newRegistry(), () -> true, () -> true)) {
      ops.secure(authenticator(), new AccessPolicy(true));
      ops.route("GET", "/api/agents/{agentId}/scores", Operation.READ_AGENT,
          exchange -> HttpJson.respond(exchange, 200, Map.of("agent", OpsServer.pathParameter(exchange, "agentId"))));

      assertThat(get(ops, "/api/agents/agent%2007/scores", ADMIN).body()).isEqualTo("{\"agent\":\"agent 07\"}");
      assertThat(get(ops, "/api/agents/agent-07/windows").statusCode()).isEqualTo(404);
      assertThat(get(ops, "/healthz").statusCode()).isEqualTo(404);
      HttpResponse<String> post = http.send(HttpRequest.newBuilder(uri(ops, "/api/agents/a/scores"))
          .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(post.statusCode()).isEqualTo(405);
      assertThat(post.headers().firstValue("Allow")).contains("GET");
      assertThat(ops.routes()).containsExactly(new Route("GET", "/health"), new Route("GET", "/ready"),
          new Route("GET", "/metrics"), new Route("GET", "/api/agents/{agentId}/scores"));
      assertThatThrownBy(() -> ops.route("GET", "/health", exchange -> { }))
          .hasMessageContaining("Route registered twice: GET /health");
    }
  }

  @Test
  void servesItsApiDocumentAsARoute() throws Exception {
    try (OpsServer ops = OpsServer.start("127.0.0.1", 0, OpsServer.newRegistry(), () -> true, () -> true)) {
      ApiDescription sample = ApiDescription.load("openapi/sample.yaml");
      ops.describedBy(sample);

      HttpResponse<String> document = get(ops, ApiDescription.PATH);
      assertThat(document.statusCode()).isEqualTo(200);
      assertThat(document.headers().firstValue("Content-Type")).contains("application/yaml; charset=utf-8");
      assertThat(document.body()).isEqualTo(new String(sample.bytes(), java.nio.charset.StandardCharsets.UTF_8));
      assertThat(ops.routes()).contains(new Route("GET", "/openapi.yaml"));
      assertThat(sample.mismatchesWithService(ops.routes(), uri(ops, "/"))).contains(
          "GET /openapi.yaml is served but not documented in openapi/sample.yaml",
          "GET /things/{thingId} is documented in openapi/sample.yaml but not served",
          "POST /others/{otherId} has no responses")
          .noneMatch(m -> m.startsWith("GET /openapi.yaml answered"));
      ApiDescription other = ApiDescription.load("openapi/other.yaml");
      assertThat(other.mismatchesWithService(ops.routes(), uri(ops, "/")))
          .contains("GET /openapi.yaml answered 200 without the document openapi/other.yaml");
    }
  }

  private URI uri(OpsServer ops, String path) {
    return URI.create("http://127.0.0.1:" + ops.port() + path);
  }

  private HttpResponse<String> get(OpsServer ops, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(uri(ops, path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(OpsServer ops, String path, String token) throws Exception {
    return http.send(HttpRequest.newBuilder(uri(ops, path)).header("Authorization", "Bearer " + token).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private Authenticator authenticator() {
    UsersFile users = UsersFile.load(DemoUsers.write(dir.resolve("users.json"), List.of(
        DemoUsers.User.of("root", ADMIN, Role.ADMIN, Set.of(), null),
        DemoUsers.User.of("crm", SENDER, Role.SENDER, Set.of(), null))));
    return new Authenticator(users, Optional.empty(), ServiceTokens.random(Clock.systemUTC()),
        new LoginThrottle(5, Duration.ofMinutes(15), Clock.systemUTC()), TeamDirectory.NONE, Optional.empty());
  }
}
