package com.coachstream.workspace;

import static com.coachstream.workspace.Replies.notFound;
import static com.coachstream.workspace.SessionRoutes.session;

import com.coachstream.avro.RuleSet;
import com.coachstream.common.security.AccessPolicy;
import com.coachstream.common.security.Operation;
import com.coachstream.common.security.Verdict;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Optional;

/** The rules page and its form: QA managers and admins only; anyone else finds nothing here, as on the quality page. */
final class RulesRoutes {

  private final AccessPolicy policy;
  private final RulesDesk rules;

  RulesRoutes(AccessPolicy policy, RulesDesk rules) {
    this.policy = policy;
    this.rules = rules;
  }

  void show(Context ctx) {
    Sessions.Session s = session(ctx);
    if (!mayManage(s)) {
      notFound(ctx, s);
      return;
    }
    String saved = ctx.queryParam("saved");
    ctx.html(Layout.page("Rules", s.principal(), s.csrf(), RulesPage.body(rules.current(), s.csrf(), List.of(),
        saved == null ? null : "Saved " + saved + "; it applies from the next event.", null)));
  }

  void save(Context ctx) {
    Sessions.Session s = session(ctx);
    if (!mayManage(s)) {
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

  private boolean mayManage(Sessions.Session s) {
    return policy.admit(Optional.of(s.principal()), Operation.MANAGE_RULES) == Verdict.ALLOW;
  }
}
