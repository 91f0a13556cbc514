package com.coachstream.common.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class OpsServerTest {

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void servesHealthReadinessMetricsAndMountedApis() throws Exception {
    AtomicBoolean ready = new AtomicBoolean(false);
    var registry = OpsServer.newRegistry();
    registry.counter("coachstream_test_events").increment(3);
    try (OpsServer ops = OpsServer.start("127.0.0.1", 0, registry, () -> true, ready::get)) {
      ops.route("GET", "/api/echo", exchange -> HttpJson.respond(exchange, 200, HttpJson.query(exchange)));

      assertThat(get(ops, "/health").statusCode()).isEqualTo(200);
      assertThat(get(ops, "/ready").statusCode()).isEqualTo(503);
      ready.set(true);
      assertThat(get(ops, "/ready").statusCode()).isEqualTo(200);
      assertThat(get(ops, "/metrics").body()).contains("coachstream_test_events_total 3.0");
      HttpResponse<String> echo = get(ops, "/api/echo?since=2026-11-20T00%3A00%3A00Z&x");
      assertThat(HttpJson.MAPPER.readValue(echo.body(), Map.class))
          .containsEntry("since", "2026-11-20T00:00:00Z").containsEntry("x", "");
    }
  }

  @Test
  void routesWithPathParametersAnswerOnlyTheirPathsAndMethods() throws Exception {
    try (OpsServer ops = OpsServer.start("127.0.0.1", 0, OpsServer.newRegistry(), () -> true, () -> true)) {
      ops.route("GET", "/api/agents/{agentId}/scores",
          exchange -> HttpJson.respond(exchange, 200, Map.of("agent", OpsServer.pathParameter(exchange, "agentId"))));

      assertThat(get(ops, "/api/agents/agent%2007/scores").body()).isEqualTo("{\"agent\":\"agent 07\"}");
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
}
