package com.coachstream.workspace;

import static com.coachstream.workspace.Replies.notFound;
import static com.coachstream.workspace.SessionRoutes.session;

import com.coachstream.common.security.AccessPolicy;
import com.coachstream.common.security.Principal;
import com.coachstream.common.security.Role;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The read-only pages over the query API: where a user lands, a team, an agent, the quality overview. */
final class ScoreRoutes {

  private final StreamsQueries queries;
  private final AccessPolicy policy;

  ScoreRoutes(StreamsQueries queries, AccessPolicy policy) {
    this.queries = queries;
    this.policy = policy;
  }

  void home(Context ctx) {
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

  void team(Context ctx) {
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
    List<JsonNode> agents = new ArrayList<>();
    team.get().path("agents").forEach(agents::add);
    Map<String, List<JsonNode>> recent = new HashMap<>();
    agents.forEach(a -> recent.put(a.path("agentId").asText(), queries.recentWindows(s.principal(), a.path("agentId").asText())));
    ctx.html(Layout.page("Team " + teamId, s.principal(), s.csrf(),
        TeamPages.team(teamId, agents, recent, slips, ctx.queryParam("sort"))));
  }

  void agent(Context ctx) {
    Sessions.Session s = session(ctx);
    String agentId = ctx.pathParam("agentId");
    String from = Instant.now().minus(Duration.ofDays(120)).toString();
    Optional<JsonNode> scores = queries.get(s.principal(), "/api/agents/" + Html.seg(agentId) + "/scores?from=" + from
        + "&to=" + Instant.now());
    if (scores.isEmpty()) {
      notFound(ctx, s);
      return;
    }
    List<JsonNode> windows = new ArrayList<>();
    scores.get().path("windows").forEach(windows::add);
    List<JsonNode> alerts = queries.alerts(s.principal()).stream()
        .filter(a -> agentId.equals(a.path("agentId").asText())).toList();
    List<JsonNode> effects = queries.effects(s.principal(), "/api/agents/" + Html.seg(agentId) + "/effects");
    ctx.html(Layout.page("Agent " + agentId, s.principal(), s.csrf(),
        Pages.agent(agentId, windows, alerts, effects) + CoachingPages.agentEffects(effects)));
  }

  void qa(Context ctx) {
    Sessions.Session s = session(ctx);
    if (!policy.seesAll(s.principal())) {
      notFound(ctx, s);
      return;
    }
    Map<String, Long> byTeam = new TreeMap<>(queries.alerts(s.principal()).stream()
        .collect(Collectors.groupingBy(a -> a.path("teamId").asText("-"), Collectors.counting())));
    ctx.html(Layout.page("Quality", s.principal(), s.csrf(), CoachingPages.qa(queries, s.principal(), byTeam)));
  }
}
