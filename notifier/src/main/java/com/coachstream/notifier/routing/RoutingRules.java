package com.coachstream.notifier.routing;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which named channels (routes) an alert goes to: the routes of the agent's team when that team has its
 * own rule, else the default routes. An inactive agent gets no alerts (docs/concepts.md, AgentProfile.active).
 *
 * <p>Settings: {@code routes.default=log,ops-webhook} and {@code routes.team.<teamId>=slack-a,email}. A team
 * rule replaces the default rather than adding to it, so a team can opt out of a noisy shared channel;
 * list the shared channel in the team rule to keep it. An empty team rule ({@code routes.team.x=}) is
 * ignored and the team gets the default routes.
 */
public final class RoutingRules {

  private final List<String> defaultRoutes;
  private final Map<String, List<String>> teamRoutes;

  public RoutingRules(List<String> defaultRoutes, Map<String, List<String>> teamRoutes) {
    this.defaultRoutes = List.copyOf(defaultRoutes);
    this.teamRoutes = Map.copyOf(teamRoutes);
  }

  /** Rules from {@code routes.default} and every {@code routes.team.<teamId>} (the "routes." prefix removed). */
  public static RoutingRules fromSettings(String defaultRoutes, Map<String, String> routeSettings) {
    Map<String, List<String>> teams = new LinkedHashMap<>();
    routeSettings.forEach((key, value) -> {
      if (key.startsWith("team.") && !parseList(value).isEmpty()) {
        teams.put(key.substring("team.".length()), parseList(value));
      }
    });
    return new RoutingRules(parseList(defaultRoutes), teams);
  }

  /** The routes for an alert of an agent in {@code teamId} (null when unknown), in configured order. */
  public List<String> routesFor(String teamId, boolean agentActive) {
    if (!agentActive) {
      return List.of();
    }
    return teamId == null ? defaultRoutes : teamRoutes.getOrDefault(teamId, defaultRoutes);
  }

  /** Every route any rule names, so start-up can fail when one has no channel configured. */
  public Set<String> allRoutes() {
    Set<String> all = new java.util.LinkedHashSet<>(defaultRoutes);
    teamRoutes.values().forEach(all::addAll);
    return all;
  }

  static List<String> parseList(String value) {
    if (value == null) {
      return List.of();
    }
    return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
  }
}
