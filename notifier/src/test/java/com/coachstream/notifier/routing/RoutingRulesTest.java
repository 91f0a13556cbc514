package com.coachstream.notifier.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RoutingRulesTest {

  private final RoutingRules rules = RoutingRules.fromSettings("log, ops-webhook", Map.of(
      "default", "log, ops-webhook",
      "team.team-a", "slack-a,email",
      "team.team-b", " ",
      "team.team-c", "log,log,teams"));

  @Test
  void teamWithItsOwnRuleGetsOnlyItsRoutes() {
    assertThat(rules.routesFor("team-a", true)).containsExactly("slack-a", "email");
  }

  @Test
  void otherTeamsAndUnknownTeamGetTheDefault() {
    assertThat(rules.routesFor("team-z", true)).containsExactly("log", "ops-webhook");
    assertThat(rules.routesFor(null, true)).containsExactly("log", "ops-webhook");
  }

  @Test
  void blankTeamRuleFallsBackToDefault() {
    assertThat(rules.routesFor("team-b", true)).containsExactly("log", "ops-webhook");
  }

  @Test
  void duplicatesInARuleAreSentOnce() {
    assertThat(rules.routesFor("team-c", true)).containsExactly("log", "teams");
  }

  @Test
  void inactiveAgentGetsNoAlerts() {
    assertThat(rules.routesFor("team-a", false)).isEmpty();
  }

  @Test
  void allRoutesListsEveryNamedRouteOnce() {
    assertThat(rules.allRoutes()).containsExactlyInAnyOrder("log", "ops-webhook", "slack-a", "email", "teams");
  }

  @Test
  void emptyDefaultRoutesMeanNoDelivery() {
    assertThat(RoutingRules.fromSettings("", Map.of()).routesFor("x", true)).isEmpty();
  }
}
