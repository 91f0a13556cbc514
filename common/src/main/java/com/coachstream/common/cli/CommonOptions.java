package com.coachstream.common.cli;

import com.coachstream.common.config.Settings;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The options every {@code coachstream} command takes (docs/operations.md), as a picocli mixin:
 * {@code @Mixin CommonOptions common;} then {@code common.settings(defaults)}.
 */
public final class CommonOptions {

  @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT,...",
      description = "Kafka bootstrap servers (default: $KAFKA_BOOTSTRAP_SERVERS, else localhost:9092).")
  String bootstrapServers;

  @Option(names = "--config", paramLabel = "FILE", description = "Properties file with settings; environment variables and options win over it.")
  Path configFile;

  @Option(names = "--kafka-property", paramLabel = "KEY=VALUE",
      description = "Kafka client property passed to every client, e.g. security.protocol=SSL (repeatable).")
  Map<String, String> kafkaProperties = new LinkedHashMap<>();

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Any setting, e.g. window.size=30d (repeatable).")
  Map<String, String> settings = new LinkedHashMap<>();

  /** Settings from defaults, the config file, the environment and these options, in that order of precedence. */
  public Settings settings(Map<String, String> defaults) {
    return settings(defaults, Map.of());
  }

  /** As {@link #settings(Map)}, with command-specific options that win over everything. */
  public Settings settings(Map<String, String> defaults, Map<String, String> commandOverrides) {
    Map<String, String> overrides = new LinkedHashMap<>(settings);
    kafkaProperties.forEach((k, v) -> overrides.put("kafka." + k, v));
    if (bootstrapServers != null) {
      overrides.put("bootstrap.servers", bootstrapServers);
    }
    overrides.putAll(commandOverrides);
    return Settings.load(defaults, configFile, System.getenv(), overrides);
  }

  public void setBootstrapServers(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
  }
}
