package com.coachstream.workspace;

import static com.coachstream.workspace.Replies.notFound;
import static com.coachstream.workspace.SessionRoutes.session;

import com.coachstream.avro.CoachingAction;
import com.coachstream.common.security.AccessPolicy;
import com.coachstream.common.security.Operation;
import com.coachstream.common.security.Verdict;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The inbox and an alert's page, and the actions taken on an alert, written to the actions topic. */
final class AlertRoutes {

  private final StreamsQueries queries;
  private final AccessPolicy policy;
  private final ActionPublisher actions;

  AlertRoutes(StreamsQueries queries, AccessPolicy policy, ActionPublisher actions) {
    this.queries = queries;
    this.policy = policy;
    this.actions = actions;
  }

  void inbox(Context ctx) {
    Sessions.Session s = session(ctx);
    ctx.html(Layout.page("Inbox", s.principal(), s.csrf(), Pages.inbox(queries.openAlerts(s.principal()),
        mayAct(s) ? s.csrf() : null, ctx.queryParam("done"))));
  }

  void alert(Context ctx) {
    Sessions.Session s = session(ctx);
    Optional<JsonNode> alert = queries.alert(s.principal(), ctx.pathParam("alertId"));
    if (alert.isEmpty()) {
      notFound(ctx, s);
      return;
    }
    ctx.html(Layout.page("Alert", s.principal(), s.csrf(), Pages.alertCards(List.of(alert.get()), mayAct(s) ? s.csrf() : null)));
  }

  void act(Context ctx) {
    Sessions.Session s = session(ctx);
    if (!mayAct(s)) {
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
      action = ActionRequest.from(form, facts, s.principal().userId(), Instant.now());
    } catch (IllegalArgumentException e) {
      ctx.status(400).html(Layout.message("Not recorded", s.principal(), s.csrf(), e.getMessage()));
      return;
    }
    actions.publish(action);
    ctx.redirect("/inbox?done=" + Html.seg(action.getType() + " recorded for " + action.getAgentId()));
  }

  private boolean mayAct(Sessions.Session s) {
    return policy.admit(Optional.of(s.principal()), Operation.ACT_ON_ALERT) == Verdict.ALLOW;
  }
}
