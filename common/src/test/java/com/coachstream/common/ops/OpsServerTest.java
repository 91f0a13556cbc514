package com.coachstream.common.ops;

import static org.assertj.core.api.Assertions.assertThat;

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
      ops.handle("/api/echo", exchange -> HttpJson.respond(exchange, 200, HttpJson.query(exchange)));

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

  private HttpResponse<String> get(OpsServer ops, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ops.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
