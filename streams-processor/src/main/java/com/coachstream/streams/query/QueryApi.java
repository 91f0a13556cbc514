package com.coachstream.streams.query;

import com.coachstream.common.ops.HttpJson;
import com.coachstream.common.ops.OpsServer;
import com.coachstream.common.security.AccessPolicy;
import com.coachstream.common.security.Authenticator;
import com.coachstream.common.security.Principal;
import com.coachstream.common.security.ServiceTokens;
import com.coachstream.streams.actions.AlertStatus;
import com.coachstream.streams.actions.RulePrecision;
import com.coachstream.streams.actions.StatusFilter;
import com.coachstream.streams.topology.CoachingTopology;
import com.coachstream.streams.window.WindowSpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The HTTP query API (described in docs/http-api.md and {@code openapi/streams-processor.yaml}). An agent's scores are answered by the instance that holds the agent
 * (found with {@code queryMetadataForKey}, then one HTTP hop); team and alert queries ask every instance
 * for its local part ({@code local=true}) and merge. Every answer is scoped to the caller by {@link AccessPolicy}:
 * an agent or team outside the caller's scope answers exactly like an unknown one (404, same body), and lists
 * hold only what the caller may see. A forwarded request carries a service token acting for the caller (never
 * the caller's own credentials), so the instance that answers applies the same scope.
 * <ul>
 *   <li>{@code GET /api/agents/{agentId}/scores?from=&to=}: windows overlapping [from, to] (ISO-8601 or
 *       epoch ms; default: the last window.size before the agent's newest event)</li>
 *   <li>{@code GET /api/teams/{teamId}/agents}: latest window per agent of the team</li>
 *   <li>{@code GET /api/alerts?since=&status=}: alerts created since (default: the last 24 h), each with its
 *       status (open, acknowledged, dismissed, coached); {@code status=open|closed|...} filters</li>
 *   <li>{@code GET /api/rules/precision}: per rule, SLIP alerts raised, dismissed as false alarms, precision</li>
 *   <li>{@code GET /api/agents/{agentId}/effects}, {@code /api/teams/{teamId}/effects},
 *       {@code /api/coaches/{coachId}/effects}: coaching effects, the last two with their roll-up</li>
 * </ul>
 */
public final class QueryApi {

  static final String FORWARDED_HEADER = "X-CoachStream-Forwarded";

  private final KafkaStreams streams;
  private final HostInfo self;
  private final LocalQueries local;
  private final AccessPolicy policy;
  private final Authenticator authenticator;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public QueryApi(KafkaStreams streams, WindowSpec windows, HostInfo self, AccessPolicy policy,
      Authenticator authenticator) {
    this.streams = streams;
    this.self = self;
    this.local = new LocalQueries(streams, windows);
    this.policy = policy;
    this.authenticator = authenticator;
  }

  /** The one answer for an agent that is unknown or outside the caller's scope: no existence oracle. */
  private static Map<String, String> noAgent(String agentId) {
    return Map.of("error", "NOT_FOUND", "message", "no scores for agent " + agentId);
  }

  private static Map<String, String> noTeam(String teamId) {
    return Map.of("error", "NOT_FOUND", "message", "no agents of team " + teamId);
  }

  public void agents(HttpExchange exchange) throws IOException {
    String agentId = OpsServer.pathParameter(exchange, "agentId");
    Map<String, String> query = HttpJson.query(exchange);
    Principal caller = OpsServer.principal(exchange);
    guarded(exchange, () -> {
      KeyQueryMetadata owner = streams.queryMetadataForKey(CoachingTopology.AGENT_STATE_STORE, agentId,
          Serdes.String().serializer());
      if (owner == null || owner.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
        HttpJson.respond(exchange, 503, Map.of("error", "state is not available yet (rebalancing); retry"));
      } else if (owner.activeHost().equals(self)) {
        String[] team = local.teamAndSupervisor(agentId, owner.partition());
        if (!policy.maySeeAgent(caller, agentId, team[0], team[1])) {
          HttpJson.respond(exchange, 404, noAgent(agentId));
          return;
        }
        Optional<List<JsonNode>> windows = local.scores(agentId, owner.partition(), query.get("from"), query.get("to"));
        if (windows.isPresent()) {
          HttpJson.respond(exchange, 200, Map.of("agentId", agentId, "windows", windows.get()));
        } else {
          HttpJson.respond(exchange, 404, noAgent(agentId));
        }
      } else if (exchange.getRequestHeaders().containsKey(FORWARDED_HEADER)) {
        HttpJson.respond(exchange, 503, Map.of("error", "agent moved while forwarding; retry"));
      } else {
        HttpResponse<byte[]> answer = get(caller, owner.activeHost(), exchange.getRequestURI().getRawPath()
            + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()));
        HttpJson.respond(exchange, answer.statusCode(), answer.body());
      }
    });
  }

  public void teams(HttpExchange exchange) throws IOException {
    String teamId = OpsServer.pathParameter(exchange, "teamId");
    Principal caller = OpsServer.principal(exchange);
    guarded(exchange, () -> {
      if (!policy.maySeeTeam(caller, teamId)) {
        HttpJson.respond(exchange, 404, noTeam(teamId));
        return;
      }
      List<JsonNode> agents = fanOut(exchange, caller, "agents", () -> local.teamAgents(teamId));
      if (agents.isEmpty() && !isLocalPart(exchange)) {
        HttpJson.respond(exchange, 404, noTeam(teamId));
        return;
      }
      agents.sort(Comparator.comparing(n -> n.path("agentId").asText()));
      HttpJson.respond(exchange, 200, Map.of("teamId", teamId, "agents", agents));
    });
  }

  public void alerts(HttpExchange exchange) throws IOException {
    Principal caller = OpsServer.principal(exchange);
    guarded(exchange, () -> {
      long since = TimeParam.parse("since", HttpJson.query(exchange).get("since"),
          System.currentTimeMillis() - Duration.ofHours(24).toMillis());
      Predicate<AlertStatus.Status> wanted = StatusFilter.parse(HttpJson.query(exchange).get("status"));
      List<JsonNode> alerts = fanOut(exchange, caller, "alerts", () -> local.alerts(since, wanted).stream()
          .filter(a -> policy.maySeeAgent(caller, a.path("agentId").asText(), text(a, "teamId"), null)).toList());
      alerts.sort(Comparator.comparing((JsonNode n) -> n.path("createdAt").asText())
          .thenComparing(n -> n.path("alertId").asText()));
      HttpJson.respond(exchange, 200, Map.of("alerts", alerts));
    });
  }

  private static String text(JsonNode node, String field) {
    return node.hasNonNull(field) ? node.get(field).asText() : null;
  }

  private static boolean isLocalPart(HttpExchange exchange) {
    return "true".equals(HttpJson.query(exchange).get("local"));
  }

  /**
   * Per rule (such as {@code threshold:BELOW_FLOOR}): SLIP alerts raised, how many supervisors dismissed as
   * FALSE_ALARM, and the precision, summed over every instance's partitions. Only QA managers and admins get
   * here (the route's operation), and the rules are the whole organisation's: no per-caller filtering.
   */
  public void rulePrecision(HttpExchange exchange) throws IOException {
    Principal caller = OpsServer.principal(exchange);
    guarded(exchange, () -> {
      List<JsonNode> parts = fanOut(exchange, caller, "rules", () -> rows(local.rulePrecision()));
      Map<String, RulePrecision> sums = new TreeMap<>();
      parts.forEach(n -> sums.merge(n.path("rule").asText(),
          new RulePrecision(n.path("alertsRaised").asLong(), n.path("falseAlarms").asLong()), RulePrecision::plus));
      HttpJson.respond(exchange, 200, Map.of("rules", rows(sums)));
    });
  }

  private static List<JsonNode> rows(Map<String, RulePrecision> counts) {
    List<JsonNode> rows = new ArrayList<>();
    counts.forEach((rule, c) -> {
      ObjectNode row = HttpJson.MAPPER.createObjectNode();
      row.put("rule", rule);
      row.put("alertsRaised", c.raised());
      row.put("falseAlarms", c.falseAlarms());
      if (c.precision() == null) {
        row.putNull("precision");
      } else {
        row.put("precision", c.precision());
      }
      rows.add(row);
    });
    return rows;
  }

  /** Coaching effects of one agent's sessions, oldest session first. */
  public void agentEffects(HttpExchange exchange) throws IOException {
    String agentId = OpsServer.pathParameter(exchange, "agentId");
    effects(exchange, "agentId", agentId, e -> agentId.equals(e.getAgentId()), false);
  }

  /** Coaching effects of one team's sessions, with their roll-up. */
  public void teamEffects(HttpExchange exchange) throws IOException {
    String teamId = OpsServer.pathParameter(exchange, "teamId");
    effects(exchange, "teamId", teamId, e -> teamId.equals(e.getTeamId()), true);
  }

  /**
   * Coaching effects of one coach's sessions, with their roll-up (mean effect, share improved). A coach's
   * roll-up is for QA managers, admins and the coach themself; anyone else gets the answer of a coach with no
   * sessions, exactly as for an unknown coach.
   */
  public void coachEffects(HttpExchange exchange) throws IOException {
    String coachId = OpsServer.pathParameter(exchange, "coachId");
    Principal caller = OpsServer.principal(exchange);
    boolean mayAsk = policy.seesAll(caller) || caller.userId().equals(coachId);
    effects(exchange, "coachId", coachId, e -> mayAsk && coachId.equals(e.getCoachId()), true);
  }

  /**
   * The effects {@code filter} selects, of agents in the caller's scope only (each instance filters its own part
   * with the caller's scope, so the roll-up covers only what the caller may see).
   */
  private void effects(HttpExchange exchange, String idField, String id,
      Predicate<com.coachstream.avro.CoachingEffect> filter, boolean rollUp) throws IOException {
    Principal caller = OpsServer.principal(exchange);
    Predicate<com.coachstream.avro.CoachingEffect> inScope =
        e -> policy.maySeeAgent(caller, e.getAgentId(), e.getTeamId(), null);
    guarded(exchange, () -> {
      List<JsonNode> effects = fanOut(exchange, caller, "effects", () -> local.effects(filter.and(inScope)));
      effects.sort(Comparator.comparing((JsonNode n) -> n.path("sessionAt").asText())
          .thenComparing(n -> n.path("sessionId").asText()));
      Map<String, Object> body = new java.util.LinkedHashMap<>();
      body.put(idField, id);
      if (rollUp && !isLocalPart(exchange)) {
        body.put("summary", EffectSummaries.of(effects));
      }
      body.put("effects", effects);
      HttpJson.respond(exchange, 200, body);
    });
  }

  /** This instance's part, plus every other instance's local part unless this request is itself such a part. */
  private List<JsonNode> fanOut(HttpExchange exchange, Principal caller, String field,
      java.util.function.Supplier<List<JsonNode>> localPart) throws IOException, InterruptedException {
    List<JsonNode> merged = new ArrayList<>(localPart.get());
    if (isLocalPart(exchange)) {
      return merged;
    }
    String path = exchange.getRequestURI().getRawPath() + "?local=true"
        + (exchange.getRequestURI().getRawQuery() == null ? "" : "&" + exchange.getRequestURI().getRawQuery());
    for (StreamsMetadata instance : streams.metadataForAllStreamsClients()) {
      if (instance.hostInfo().equals(self)) {
        continue;
      }
      HttpResponse<byte[]> answer = get(caller, instance.hostInfo(), path);
      if (answer.statusCode() != 200) {
        throw new IllegalStateException("instance " + instance.hostInfo() + " answered " + answer.statusCode());
      }
      JsonNode body = HttpJson.MAPPER.readTree(answer.body());
      body.path(field).forEach(merged::add);
    }
    return merged;
  }

  private HttpResponse<byte[]> get(Principal caller, HostInfo host, String pathAndQuery)
      throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + host.host() + ":" + host.port() + pathAndQuery))
        .header(FORWARDED_HEADER, self.host() + ":" + self.port())
        .header(ServiceTokens.HEADER, authenticator.serviceTokenFor(caller))
        .timeout(Duration.ofSeconds(10)).GET().build();
    return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
  }

  private interface Action {
    void run() throws IOException, InterruptedException;
  }

  private static void guarded(HttpExchange exchange, Action action) throws IOException {
    try {
      action.run();
    } catch (IllegalArgumentException e) {
      HttpJson.respond(exchange, 400, Map.of("error", e.getMessage()));
    } catch (InvalidStateStoreException e) {
      HttpJson.respond(exchange, 503, Map.of("error", "state store not queryable yet (" + e.getMessage() + "); retry"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      HttpJson.respond(exchange, 503, Map.of("error", "interrupted"));
    } catch (IOException | IllegalStateException e) {
      HttpJson.respond(exchange, 502, Map.of("error", "another instance could not answer: " + e.getMessage()));
    }
  }
}
