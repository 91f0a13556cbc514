package com.coachstream.notifier.delivery;

import com.coachstream.notifier.EnrichedAlert;
import com.coachstream.notifier.routing.RoutingRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands one alert to each of its routes that does not have it yet. The returned future completes when
 * every route is settled and recorded: delivered, dead-lettered or skipped as a duplicate.
 */
public final class AlertDispatcher {

  private static final Logger log = LoggerFactory.getLogger(AlertDispatcher.class);

  private final RoutingRules rules;
  private final Map<String, RouteWorker> workers;
  private final DeliveryLedger ledger;

  public AlertDispatcher(RoutingRules rules, Map<String, RouteWorker> workers, DeliveryLedger ledger) {
    this.rules = rules;
    this.workers = Map.copyOf(workers);
    this.ledger = ledger;
    rules.allRoutes().forEach(route -> {
      if (!workers.containsKey(route)) {
        throw new IllegalArgumentException("Route " + route + " has no channel");
      }
    });
  }

  public CompletableFuture<Void> dispatch(EnrichedAlert alert, AlertSource source) {
    List<String> routes = rules.routesFor(alert.teamId(), alert.agentActive());
    if (routes.isEmpty()) {
      log.info("Alert {} for agent {} not sent: {}", alert.alertId(), alert.agentId(),
          alert.agentActive() ? "no route" : "the agent is inactive");
      return CompletableFuture.completedFuture(null);
    }
    List<CompletableFuture<?>> settled = new ArrayList<>();
    for (String route : routes) {
      RouteWorker worker = workers.get(route);
      if (ledger.claim(source.ledgerPartition(), alert.alertId(), route)) {
        settled.add(worker.submit(alert, source));
      } else {
        log.debug("Alert {} already settled on route {}", alert.alertId(), route);
        settled.add(worker.skipDuplicate(alert, source));
      }
    }
    return CompletableFuture.allOf(settled.toArray(CompletableFuture[]::new));
  }
}
