package com.coachstream.notifier;

import com.coachstream.common.config.ConfigException;
import com.coachstream.common.config.KafkaSettings;
import com.coachstream.common.config.Settings;
import com.coachstream.common.ops.ApiDescription;
import com.coachstream.common.ops.OpsServer;
import com.coachstream.common.security.SecuritySettings;
import com.coachstream.notifier.format.WorkspaceLink;
import com.coachstream.common.ops.Route;
import com.coachstream.notifier.channel.ChannelFactory;
import com.coachstream.notifier.channel.NotificationChannel;
import com.coachstream.notifier.channel.Secrets;
import com.coachstream.notifier.delivery.AlertDispatcher;
import com.coachstream.notifier.delivery.DeliveryLedger;
import com.coachstream.notifier.delivery.DeliveryMetrics;
import com.coachstream.notifier.delivery.RetrySettings;
import com.coachstream.notifier.delivery.RouteWorker;
import com.coachstream.notifier.kafka.ActionFollower;
import com.coachstream.notifier.kafka.AlertConsumer;
import com.coachstream.notifier.kafka.KafkaDeliveryLog;
import com.coachstream.notifier.kafka.LedgerReader;
import com.coachstream.notifier.kafka.ReminderDesk;
import com.coachstream.notifier.kafka.RosterCache;
import com.coachstream.notifier.reminder.ActedOn;
import com.coachstream.notifier.reminder.ReminderSettings;
import com.coachstream.notifier.routing.RoutingRules;
import com.coachstream.schemas.topics.Topics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notifier (docs/concepts.md, "Alerts and their delivery"): consumes alerts, joins the roster, routes each alert to its channels and
 * delivers it once per route. {@link #start(Settings)} wires the parts and returns a running handle.
 * Settings keys are listed in {@link NotifierSettings}.
 */
public final class NotifierService {

  /** The OpenAPI document of the operations endpoints, served at /openapi.yaml. */
  public static final String API_DOCUMENT = "openapi/notifier.yaml";

  private static final Logger log = LoggerFactory.getLogger(NotifierService.class);

  private NotifierService() { }

  /** A running notifier; closing it drains running deliveries (up to the drain timeout) and stops. */
  public interface Handle extends AutoCloseable {
    /** Port of /health, /ready, /metrics and /openapi.yaml. */
    int opsPort();

    /** The HTTP routes the notifier serves. */
    List<Route> routes();

    PrometheusMeterRegistry registry();

    @Override
    void close();
  }

  public static Handle start(Settings settings) {
    Topics topics = KafkaSettings.topics(settings);
    Properties kafka = KafkaSettings.clientProperties(settings);
    Clock clock = Clock.systemUTC();
    RetrySettings retry = RetrySettings.from(settings);
    ReminderSettings reminderSettings = ReminderSettings.from(settings);
    int maxInFlight = settings.intValue(NotifierSettings.MAX_IN_FLIGHT, NotifierSettings.DEFAULT_MAX_IN_FLIGHT);
    Duration drainTimeout = settings.duration(NotifierSettings.DRAIN_TIMEOUT, NotifierSettings.DEFAULT_DRAIN_TIMEOUT);
    RoutingRules rules = RoutingRules.fromSettings(
        settings.string(NotifierSettings.DEFAULT_ROUTES, NotifierSettings.DEFAULT_ROUTES_VALUE), settings.withPrefix("routes"));
    Map<String, NotificationChannel> channels = new ChannelFactory(settings, new Secrets(System.getenv()))
        .create(rules.allRoutes());
    int ledgerPartitions = partitionCount(kafka, topics.deliveries().name());
    partitionCount(kafka, topics.alerts().name());
    if (!reminderSettings.isOff()) {
      partitionCount(kafka, topics.actions().name());
    }

    List<AutoCloseable> opened = new ArrayList<>();
    PrometheusMeterRegistry registry = OpsServer.newRegistry();
    try {
      KafkaDeliveryLog deliveryLog = new KafkaDeliveryLog(kafka, topics, clock);
      opened.add(deliveryLog);
      Map<String, RouteWorker> workers = new LinkedHashMap<>();
      channels.forEach((route, channel) -> {
        RouteWorker worker = new RouteWorker(route, channel, retry, deliveryLog,
            new DeliveryMetrics(registry, route, channel.type()),
            settings.intValue("channel." + route + ".threads", NotifierSettings.DEFAULT_ROUTE_THREADS), clock);
        workers.put(route, worker);
        opened.add(0, worker);
        log.info("Route {}: {} channel to {}", route, channel.type(), channel.redactedTarget());
      });
      log.info("Retry budget: {} attempts, {} to {} ms from the first to the last when every attempt fails at once",
          retry.attempts(), retry.shortestRetryWindow().toMillis(), retry.longestRetryWindow().toMillis());
      RosterCache roster = new RosterCache(kafka, topics.agents()).start();
      opened.add(0, roster);
      Duration rosterTimeout = settings.duration(NotifierSettings.ROSTER_TIMEOUT, NotifierSettings.DEFAULT_ROSTER_TIMEOUT);
      if (!roster.awaitCaughtUp(rosterTimeout)) {
        throw new IllegalStateException("Could not read the roster " + topics.agents().name() + " within " + rosterTimeout);
      }
      DeliveryLedger ledger = new DeliveryLedger();
      AlertDispatcher dispatcher = new AlertDispatcher(rules, workers, ledger, clock);
      Duration ledgerTimeout = settings.duration(NotifierSettings.LEDGER_TIMEOUT, NotifierSettings.DEFAULT_LEDGER_TIMEOUT);
      ActedOn actedOn = new ActedOn();
      ActionFollower actions = null;
      if (!reminderSettings.isOff()) {
        actions = new ActionFollower(kafka, topics.actions(), actedOn, reminderSettings.window(), clock).start();
        opened.add(0, actions);
        log.info("Reminders: once, {} after an alert's delivery when no one acted on it", reminderSettings.after());
      } else {
        log.info("Reminders are off (reminders.after=0)");
      }
      WorkspaceLink links = workspaceLink(settings);
      ReminderDesk reminders = new ReminderDesk(reminderSettings, actedOn, actions, dispatcher, ledger, roster,
          topics.alerts(), kafka, ledgerTimeout, clock, links);
      registry.gauge("coachstream.notifier.reminders.waiting", reminders, ReminderDesk::waiting);
      var parts = new AlertConsumer.Parts(roster, dispatcher, ledger, new LedgerReader(kafka, topics.deliveries(), ledgerTimeout),
          deliveryLog, reminders, links);
      AlertConsumer consumer = new AlertConsumer(kafka,
          settings.string(NotifierSettings.GROUP, NotifierSettings.DEFAULT_GROUP), topics.alerts(), ledgerPartitions,
          parts, maxInFlight, drainTimeout, clock).start();
      opened.add(0, consumer);
      ActionFollower follower = actions;
      OpsServer ops = OpsServer.start(settings.string(NotifierSettings.HTTP_HOST, "0.0.0.0"),
          settings.intValue(NotifierSettings.HTTP_PORT, NotifierSettings.DEFAULT_HTTP_PORT), registry,
          () -> consumer.isHealthy() && roster.isAlive() && (follower == null || follower.isAlive()),
          () -> consumer.isHealthy() && roster.isCaughtUp() && (follower == null || follower.isCaughtUp()));
      opened.add(0, ops);
      // only /health, /ready and /metrics: /metrics is open or for admin/service callers (security.metrics-open)
      ops.secure(SecuritySettings.authenticator(settings, java.util.Optional.empty()), SecuritySettings.policy(settings));
      ops.describedBy(ApiDescription.load(API_DOCUMENT));
      log.info("Notifier started: {} -> routes {} (default {})", topics.alerts().name(), rules.allRoutes(),
          rules.routesFor(null, true));
      return new RunningNotifier(ops, registry, opened);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closeAll(opened);
      throw new IllegalStateException("Interrupted while starting the notifier", e);
    } catch (RuntimeException e) {
      closeAll(opened);
      throw e;
    }
  }

  private static int partitionCount(Properties kafka, String topic) {
    try (var consumer = new KafkaConsumer<>(kafka, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      var partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30));
      if (partitions == null || partitions.isEmpty()) {
        throw new ConfigException("Topic " + topic + " does not exist: create the topics first (coachstream topics create)");
      }
      return partitions.size();
    }
  }

  static void closeAll(List<AutoCloseable> opened) {
    for (AutoCloseable c : opened) {
      try {
        c.close();
      } catch (Exception e) {
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        log.warn("Error while stopping {}: {}", c.getClass().getSimpleName(), e.toString());
      }
    }
  }

  private record RunningNotifier(OpsServer ops, PrometheusMeterRegistry registry, List<AutoCloseable> parts)
      implements Handle {

    @Override
    public int opsPort() {
      return ops.port();
    }

    @Override
    public List<Route> routes() {
      return ops.routes();
    }

    @Override
    public void close() {
      // Newest first: stop HTTP, then the consumer (drains deliveries), then roster, workers, producer.
      closeAll(parts);
    }
  }

  private static WorkspaceLink workspaceLink(Settings settings) {
    try {
      return new WorkspaceLink(settings.string(NotifierSettings.WORKSPACE_PUBLIC_URL, ""));
    } catch (IllegalArgumentException e) {
      throw new com.coachstream.common.config.ConfigException(e.getMessage());
    }
  }
}
