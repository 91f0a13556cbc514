package com.coachstream.notifier;

import java.time.Duration;

/**
 * Setting keys of the notifier and their defaults (besides {@code bootstrap.servers}, {@code kafka.*} and
 * {@code topic.*} from common, {@code retry.*} in RetrySettings, {@code reminders.after} in ReminderSettings and
 * {@code channel.<name>.*} in ChannelFactory).
 */
public final class NotifierSettings {

  public static final String DEFAULT_ROUTES = "routes.default";
  public static final String DEFAULT_ROUTES_VALUE = "log";
  public static final String GROUP = "notifier.group";
  /** The supervisor workspace's public URL; alert messages link to the alert there when it is set. */
  public static final String WORKSPACE_PUBLIC_URL = "workspace.public-url";
  public static final String DEFAULT_GROUP = "coachstream-notifier";
  public static final String HTTP_HOST = "http.host";
  public static final String HTTP_PORT = "http.port";
  public static final int DEFAULT_HTTP_PORT = 8081;
  public static final String MAX_IN_FLIGHT = "delivery.max.inflight";
  public static final int DEFAULT_MAX_IN_FLIGHT = 1000;
  public static final String DRAIN_TIMEOUT = "delivery.drain.timeout";
  public static final Duration DEFAULT_DRAIN_TIMEOUT = Duration.ofSeconds(60);
  public static final String ROSTER_TIMEOUT = "roster.timeout";
  public static final Duration DEFAULT_ROSTER_TIMEOUT = Duration.ofSeconds(60);
  public static final String LEDGER_TIMEOUT = "ledger.timeout";
  public static final Duration DEFAULT_LEDGER_TIMEOUT = Duration.ofSeconds(60);
  /** {@code channel.<route>.threads}: attempts a route runs at once; alerts waiting to retry hold no thread. */
  public static final int DEFAULT_ROUTE_THREADS = 2;

  private NotifierSettings() { }
}
