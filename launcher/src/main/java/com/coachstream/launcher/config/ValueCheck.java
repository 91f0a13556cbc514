package com.coachstream.launcher.config;

import com.coachstream.common.config.KafkaSettings;
import com.coachstream.common.config.Settings;
import com.coachstream.common.config.keys.Service;
import com.coachstream.notifier.NotifierSettings;
import com.coachstream.notifier.channel.ChannelFactory;
import com.coachstream.notifier.channel.NotificationChannel;
import com.coachstream.notifier.channel.Secrets;
import com.coachstream.notifier.delivery.RetrySettings;
import com.coachstream.notifier.routing.RoutingRules;
import com.coachstream.producer.http.IngestServer;
import com.coachstream.streams.topology.StreamsSettings;
import java.util.Map;

/**
 * The values of a service's settings read as the service reads them at start-up, without starting it
 * (no broker, no port, no connection): a wrong value throws the same {@code ConfigException} the service
 * would stop with.
 */
final class ValueCheck {

  private ValueCheck() { }

  static void check(Settings settings, Service service, Map<String, String> environment) {
    KafkaSettings.clientProperties(settings);
    KafkaSettings.topicNames(settings);
    KafkaSettings.avroSerdes(settings);
    switch (service) {
      case STREAMS -> streams(settings);
      case NOTIFIER -> notifier(settings, environment);
      case INGEST -> ingest(settings);
      case DEMO -> {
        streams(settings);
        notifier(settings, environment);
      }
      case PRODUCER, TOOLS -> { }
    }
  }

  private static void streams(Settings settings) {
    StreamsSettings.from(settings).streamsProperties(null);
  }

  private static void notifier(Settings settings, Map<String, String> environment) {
    RetrySettings.from(settings);
    settings.intValue(NotifierSettings.MAX_IN_FLIGHT, NotifierSettings.DEFAULT_MAX_IN_FLIGHT);
    settings.duration(NotifierSettings.DRAIN_TIMEOUT, NotifierSettings.DEFAULT_DRAIN_TIMEOUT);
    settings.duration(NotifierSettings.ROSTER_TIMEOUT, NotifierSettings.DEFAULT_ROSTER_TIMEOUT);
    settings.duration(NotifierSettings.LEDGER_TIMEOUT, NotifierSettings.DEFAULT_LEDGER_TIMEOUT);
    settings.intValue(NotifierSettings.HTTP_PORT, NotifierSettings.DEFAULT_HTTP_PORT);
    RoutingRules rules = RoutingRules.fromSettings(
        settings.string(NotifierSettings.DEFAULT_ROUTES, NotifierSettings.DEFAULT_ROUTES_VALUE), settings.withPrefix("routes"));
    // building a channel opens nothing: HTTP clients and SMTP sessions connect on the first delivery
    for (NotificationChannel channel : new ChannelFactory(settings, new Secrets(environment)).create(rules.allRoutes()).values()) {
      channel.close();
    }
    rules.allRoutes().forEach(route -> settings.intValue("channel." + route + ".threads", NotifierSettings.DEFAULT_ROUTE_THREADS));
  }

  private static void ingest(Settings settings) {
    settings.intValue(IngestServer.PORT, IngestServer.DEFAULT_PORT);
    int bodyLimit = settings.intValue(IngestServer.BODY_LIMIT, IngestServer.DEFAULT_BODY_LIMIT);
    if (bodyLimit <= 0) {
      throw new com.coachstream.common.config.ConfigException(IngestServer.BODY_LIMIT + " must be > 0, was " + bodyLimit);
    }
  }
}
