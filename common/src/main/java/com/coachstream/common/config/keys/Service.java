package com.coachstream.common.config.keys;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a set of settings configures: one service, or a command that runs several (the demo). A setting
 * belongs to the services that read it; {@link #accepts(SettingKey)} says whether this one takes it.
 */
public enum Service {
  STREAMS("streams", "the streams processor"),
  NOTIFIER("notify", "the notifier"),
  INGEST("produce-serve", "the HTTP ingest (produce serve)"),
  PRODUCER("produce", "the producer (produce simulate, produce import)"),
  TOOLS("tools", "the topics and consume commands"),
  DEMO("demo", "the demo");

  private final String id;
  private final String displayName;

  Service(String id, String displayName) {
    this.id = id;
    this.displayName = displayName;
  }

  /** The name used on the command line: {@code coachstream config check streams}. */
  public String id() {
    return id;
  }

  public String displayName() {
    return displayName;
  }

  public boolean accepts(SettingKey key) {
    if (key.shared() || key.owners().contains(this)) {
      return true;
    }
    // the demo runs the streams processor and the notifier with the same settings
    return this == DEMO && (key.owners().contains(STREAMS) || key.owners().contains(NOTIFIER));
  }

  /**
   * Whether it logs its effective configuration at start-up: the long-running services do; one-shot
   * commands, whose output is read by people or other programs, do not ({@code config check} shows theirs).
   */
  public boolean logsEffectiveConfiguration() {
    return this == STREAMS || this == NOTIFIER || this == INGEST;
  }

  /** Whether its Kafka clients include Kafka Streams, whose own settings it then takes. */
  public boolean runsKafkaStreams() {
    return this == STREAMS || this == DEMO;
  }

  public static Optional<Service> byId(String id) {
    String wanted = id.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(s -> s.id.equals(wanted)).findFirst();
  }

  @Override
  public String toString() {
    return id;
  }
}
