package com.coachstream.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.TreeMap;

/**
 * The slip state of each agent and category, derived from the OPEN alerts (not from the latest window): the
 * newest open alert of a category decides — a SLIP means slipping, a RECOVERY (or no open alert) means ok. So
 * the state shown is what the alerting rules decided, with their baseline and hysteresis, and it clears once a
 * supervisor acted on the alert.
 */
final class SlipState {

  private final Map<String, Map<String, Boolean>> slippingByAgent = new TreeMap<>();
  private final Map<String, Integer> openByAgent = new TreeMap<>();

  /** {@code openAlerts}: the open alerts, newest first (as the inbox lists them). */
  SlipState(Iterable<JsonNode> openAlerts) {
    for (JsonNode alert : openAlerts) {
      String agent = alert.path("agentId").asText();
      openByAgent.merge(agent, 1, Integer::sum);
      slippingByAgent.computeIfAbsent(agent, a -> new TreeMap<>())
          .putIfAbsent(alert.path("category").asText(), "SLIP".equals(alert.path("type").asText()));
    }
  }

  int openAlerts(String agentId) {
    return openByAgent.getOrDefault(agentId, 0);
  }

  /** The categories in which the agent is slipping, in name order; empty when ok. */
  java.util.List<String> slipping(String agentId) {
    return slippingByAgent.getOrDefault(agentId, Map.of()).entrySet().stream()
        .filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
  }
}
