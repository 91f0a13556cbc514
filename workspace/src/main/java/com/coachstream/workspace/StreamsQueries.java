package com.coachstream.workspace;

import com.coachstream.common.ops.HttpJson;
import com.coachstream.common.security.Authenticator;
import com.coachstream.common.security.Principal;
import com.coachstream.common.security.ServiceTokens;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The workspace reads through the streams processor's query API, with a service token acting for the signed-in
 * user: the query API applies the same access policy as to any caller, so a page can show nothing the user
 * could not ask the API for.
 */
final class StreamsQueries {

  private final URI base;
  private final Authenticator authenticator;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  StreamsQueries(String baseUrl, Authenticator authenticator) {
    this.base = URI.create(baseUrl.replaceAll("/+$", "") + "/");
    this.authenticator = authenticator;
  }

  /** The answer's JSON for a 200; empty for a 404 (unknown or outside the caller's scope). */
  Optional<JsonNode> get(Principal caller, String pathAndQuery) {
    try {
      HttpRequest request = HttpRequest.newBuilder(base.resolve(pathAndQuery.substring(1)))
          .header(ServiceTokens.HEADER, authenticator.serviceTokenFor(caller)).timeout(Duration.ofSeconds(15)).GET().build();
      HttpResponse<byte[]> answer = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      if (answer.statusCode() == 404 || answer.statusCode() == 403) {
        return Optional.empty();
      }
      if (answer.statusCode() != 200) {
        throw new IllegalStateException("the query API answered " + answer.statusCode() + " for " + pathAndQuery);
      }
      return Optional.of(HttpJson.MAPPER.readTree(answer.body()));
    } catch (IOException e) {
      throw new IllegalStateException("the query API cannot be reached: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** Alerts of the last 30 days the caller may see, newest first. */
  List<JsonNode> alerts(Principal caller) {
    return alerts(caller, "all");
  }

  /** The open inbox: alerts of the last 30 days no one acknowledged, dismissed or coached yet, newest first. */
  List<JsonNode> openAlerts(Principal caller) {
    return alerts(caller, "open");
  }

  private List<JsonNode> alerts(Principal caller, String status) {
    List<JsonNode> alerts = new ArrayList<>();
    get(caller, "/api/alerts?since=" + java.time.Instant.now().minus(Duration.ofDays(30)) + "&status=" + status)
        .ifPresent(body -> body.path("alerts").forEach(alerts::add));
    java.util.Collections.reverse(alerts);
    return alerts;
  }

  /** The agent's windows of the last 60 days, oldest first; empty when none or outside the caller's scope. */
  List<JsonNode> recentWindows(Principal caller, String agentId) {
    java.time.Instant now = java.time.Instant.now();
    List<JsonNode> windows = new ArrayList<>();
    get(caller, "/api/agents/" + Html.seg(agentId) + "/scores?from=" + now.minus(Duration.ofDays(60)) + "&to=" + now)
        .ifPresent(body -> body.path("windows").forEach(windows::add));
    return windows;
  }

  /** The coaching effects the answer at {@code path} holds (an agent's, team's or coach's), oldest first. */
  List<JsonNode> effects(Principal caller, String path) {
    List<JsonNode> effects = new ArrayList<>();
    get(caller, path).ifPresent(body -> body.path("effects").forEach(effects::add));
    return effects;
  }

  Optional<JsonNode> alert(Principal caller, String alertId) {
    return alerts(caller).stream().filter(a -> alertId.equals(a.path("alertId").asText())).findFirst();
  }
}
