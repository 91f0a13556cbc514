package com.coachstream.common.cli;

import com.coachstream.common.config.Settings;
import com.coachstream.common.config.SettingsLoader;
import com.coachstream.common.config.keys.EffectiveConfiguration;
import com.coachstream.common.config.keys.Service;
import com.coachstream.common.config.keys.SettingKeys;
import com.coachstream.common.config.keys.SettingsCheck;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The options every {@code coachstream} command takes, as a picocli mixin:
 * {@code @Mixin CommonOptions common;} then {@code common.settings(Service.STREAMS, defaults)}, which refuses
 * settings the service does not know and logs the effective configuration.
 */
public final class CommonOptions {

  @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT,...",
      description = "Kafka bootstrap servers (default: $KAFKA_BOOTSTRAP_SERVERS, else localhost:9092).")
  String bootstrapServers;

  @Option(names = "--config", paramLabel = "FILE", description = "Properties file with settings; environment variables and options win over it.")
  Path configFile;

  @Option(names = SettingsCheck.KAFKA_PROPERTY_OPTION, paramLabel = "KEY=VALUE",
      description = "Kafka client property passed to every client, e.g. security.protocol=SSL (repeatable).")
  Map<String, String> kafkaProperties = new LinkedHashMap<>();

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "Any setting, e.g. window.size=30d (repeatable; `coachstream config list SERVICE` lists them).")
  Map<String, String> settings = new LinkedHashMap<>();

  /** The process environment; tests give their own. */
  Map<String, String> environment = System.getenv();

  /**
   * Settings of {@code service}: the defaults, the config file, the environment and these options, in that
   * order of precedence, with each command option that was given; refused (a {@code ConfigException}, one
   * line per setting) when one is not a setting of the service; a service logs its effective configuration.
   */
  public Settings settings(Service service, Map<String, String> defaults, CommandOption... commandOptions) {
    Settings loaded = load(defaults, commandOptions);
    SettingsCheck.validate(loaded, service);
    if (service.logsEffectiveConfiguration()) {
      EffectiveConfiguration.log(loaded, service);
    }
    return loaded;
  }

  /** The settings as given, neither checked nor logged. */
  public Settings load(Map<String, String> defaults, CommandOption... commandOptions) {
    Map<String, String> kafka = new LinkedHashMap<>();
    kafkaProperties.forEach((k, v) -> kafka.put(SettingKeys.KAFKA_PREFIX + k, v));
    SettingsLoader loader = new SettingsLoader().defaults(defaults).file(configFile).environment(environment)
        .option("--set", settings).option(SettingsCheck.KAFKA_PROPERTY_OPTION, kafka);
    if (bootstrapServers != null) {
      loader.option("--bootstrap-servers", Map.of("bootstrap.servers", bootstrapServers));
    }
    for (CommandOption option : commandOptions) {
      if (option.value() != null) {
        loader.option(option.name(), Map.of(option.key(), String.valueOf(option.value())));
      }
    }
    return loader.build();
  }

  public void setBootstrapServers(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
  }

  /** A command's own option that sets a setting, e.g. {@code --http-port} sets {@code http.port}; null when not given. */
  public record CommandOption(String name, String key, Object value) { }
}
