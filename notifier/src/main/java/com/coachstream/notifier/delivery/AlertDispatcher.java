package com.coachstream.notifier.delivery;

import com.coachstream.notifier.EnrichedAlert;
import com.coachstream.notifier.routing.RoutingRules;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands one alert to each of its routes that does not have it yet. The returned future completes when
 * every route is settled and recorded: delivered, dead-lettered or skipped as a duplicate. Reminders take the
 * same routes, each route once, deduplicated in the same ledger.
 */
public final class AlertDispatcher {

  private static final Logger log = LoggerFactory.getLogger(AlertDispatcher.class);

  private final RoutingRules rules;
  private final Map<String, RouteWorker> workers;
  private final DeliveryLedger ledger;
  private final Clock clock;

  public AlertDispatcher(RoutingRules rules, Map<String, RouteWorker> workers, DeliveryLedger ledger, Clock clock) {
    this.rules = rules;
    this.clock = clock;
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
        ledger.noteSent(source.ledgerPartition(), alert.alertId(), clock.instant());
        settled.add(worker.submit(alert, source));
      } else {
        log.debug("Alert {} already settled on route {}", alert.alertId(), route);
        settled.add(worker.skipDuplicate(alert, source));
      }
    }
    return CompletableFuture.allOf(settled.toArray(CompletableFuture[]::new));
  }

  /**
   * Sends the alert's reminder on each of its routes that has not had it; the future completes when every
   * route is settled and recorded.
   */
  public CompletableFuture<Void> remind(EnrichedAlert alert, AlertSource source) {
    List<CompletableFuture<?>> settled = new ArrayList<>();
    for (String route : rules.routesFor(alert.teamId(), alert.agentActive())) {
      if (ledger.claimReminder(source.ledgerPartition(), alert.alertId(), route)) {
        settled.add(workers.get(route).submit(alert.asReminder(), source));
      } else {
        log.debug("Reminder of alert {} already settled on route {}", alert.alertId(), route);
      }
    }
    return CompletableFuture.allOf(settled.toArray(CompletableFuture[]::new));
  }

  /** True when the alert has routes and at least one of them has not had its reminder. */
  public boolean awaitsReminder(EnrichedAlert alert, int ledgerPartition) {
    return rules.routesFor(alert.teamId(), alert.agentActive()).stream()
        .anyMatch(route -> !ledger.isReminded(ledgerPartition, alert.alertId(), route));
  }
}
