package com.coachstream.streams.topology;

import com.coachstream.avro.SkillCategory;
import com.coachstream.common.config.ConfigException;
import com.coachstream.common.config.KafkaSettings;
import com.coachstream.common.config.Settings;
import com.coachstream.common.config.keys.Service;
import com.coachstream.common.config.keys.SettingKeys;
import com.coachstream.schemas.skills.SkillTaxonomy;
import com.coachstream.schemas.topics.Topics;
import com.coachstream.streams.alerts.TipLibrary;
import com.coachstream.streams.rules.RuleBook;
import com.coachstream.streams.slip.SlipPolicy;
import com.coachstream.streams.window.WindowSpec;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The streams processor's configuration, read from {@link Settings} and validated once at start-up: a wrong
 * value stops the service with a {@link ConfigException} naming the key. Keys and defaults are in
 * {@link #DEFAULTS}; per-category slip thresholds are {@code slip.soft.<name>} / {@code slip.hard.<name>}
 * over {@code slip.<name>}.
 */
public record StreamsSettings(
    Settings source,
    String applicationId,
    Topics topics,
    WindowSpec windows,
    SlipPolicy slipPolicy,
    SkillTaxonomy taxonomy,
    TipLibrary tips,
    Duration publishInterval,
    Duration alertsRetention,
    String httpHost,
    int httpPort,
    String advertisedHost) {

  /** Every key of the streams processor with its default, from the catalogue of settings (docs/configuration.md). */
  public static final Map<String, String> DEFAULTS = SettingKeys.defaults(Service.STREAMS);

  /** Kafka Streams settings whose defaults CoachStream changes; why each, in {@link KafkaStreamsProperties}. */
  public static final Map<String, String> KAFKA_STREAMS_DEFAULTS = KafkaStreamsProperties.CHANGED_DEFAULTS;

  public static StreamsSettings from(Settings settings) {
    try {
      WindowSpec windows = new WindowSpec(
          duration(settings, "window.size"), duration(settings, "window.advance"),
          duration(settings, "window.grace"), duration(settings, "baseline.size"));
      int port = settings.intValue("http.port", 8080);
      if (port < 0 || port > 65535) {
        throw new ConfigException("Invalid value '" + port + "' for http.port: expected 0-65535 (0 = any free port)");
      }
      String host = settings.string("http.host", DEFAULTS.get("http.host"));
      String advertised = settings.string("http.advertised.host", host.equals("0.0.0.0") ? "localhost" : host);
      Duration publish = duration(settings, "scores.publish.interval");
      if (publish.toMillis() < 1) {
        throw new ConfigException("scores.publish.interval must be at least 1ms, was " + publish);
      }
      // whole days of window.advance, checked here so a wrong value stops the start
      new com.coachstream.streams.effect.EffectRules(duration(settings, "effect.window"), windows.advance(),
          windows.grace(), category -> 0);
      StreamsSettings result = new StreamsSettings(settings, settings.string("application-id", DEFAULTS.get("application-id")),
          KafkaSettings.topics(settings), windows, SlipSettings.policy(settings), taxonomy(settings),
          TipLibrary.withOverrides(settings.withPrefix("tips")), publish, duration(settings, "alerts.retention"),
          host, port, advertised);
      // checked in both modes, like the other statistical settings
      result.leniencyPriorEvaluations();
      result.leniencyPairingRetention();
      result.storeLevelMetrics();
      result.metricsRefreshInterval();
      return result;
    } catch (IllegalArgumentException e) {
      throw new ConfigException("Invalid streams settings: " + e.getMessage());
    }
  }

  /** Turns rule sets into slip policies over this configuration, checked as the configuration is. */
  public RuleBook ruleBook() {
    return new RuleBook(source, StreamsSettings::slipPolicy);
  }

  /** {@code effect.window}: the length of the before and after periods of a coaching effect. */
  public Duration effectWindow() {
    return duration(source, "effect.window");
  }

  /**
   * {@code leniency.prior-evaluations}: pseudo-interactions of zero offset an evaluator's leniency is shrunk
   * with ({@code offset = Σ deviations / (interactions + k)}); statistical mode only.
   */
  public double leniencyPriorEvaluations() {
    try {
      return com.coachstream.streams.stats.EvaluatorLeniency.checkedPriorStrength(setting(source, "leniency.prior-evaluations"));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("Invalid value for leniency.prior-evaluations: " + e.getMessage());
    }
  }

  /** {@code metrics.store-level}: whether Kafka Streams' per-store metrics are shown at {@code /metrics}. */
  public boolean storeLevelMetrics() {
    return source.bool("metrics.store-level", Boolean.parseBoolean(DEFAULTS.get("metrics.store-level")));
  }

  /** {@code leniency.pairing-retention}: how long an interaction's evaluations wait for another evaluator's. */
  public Duration leniencyPairingRetention() {
    return duration(source, "leniency.pairing-retention");
  }

  /** {@code metrics.refresh.interval}: how often Kafka Streams metrics that appeared since are added to /metrics. */
  public Duration metricsRefreshInterval() {
    Duration refresh = duration(source, "metrics.refresh.interval");
    if (refresh.toMillis() < 1) {
      throw new ConfigException("metrics.refresh.interval must be at least 1ms, was " + refresh);
    }
    return refresh;
  }

  /** {@code key}, else its default from the catalogue; {@link SlipSettings} reads its settings the same way. */
  static Duration duration(Settings settings, String key) {
    return settings.duration(key, Settings.parseDuration(key, DEFAULTS.get(key)));
  }

  /** The slip policy of {@code settings}: the configuration's, or a team's rules laid over it ({@link RuleBook}). */
  public static SlipPolicy slipPolicy(Settings settings) {
    return SlipSettings.policy(settings);
  }

  /** The number {@code key}, else its default from the catalogue. */
  static double setting(Settings settings, String key) {
    return settings.doubleValue(key, Double.parseDouble(DEFAULTS.get(key)));
  }

  /** The default taxonomy plus {@code taxonomy.skill.<id>=SOFT|HARD} and {@code taxonomy.alias.<name>=<skill id>}. */
  static SkillTaxonomy taxonomy(Settings settings) {
    SkillTaxonomy.Builder builder = SkillTaxonomy.builder();
    settings.withPrefix("taxonomy.skill").forEach((id, category) -> {
      try {
        builder.skill(id, SkillCategory.valueOf(category.trim().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new ConfigException("Invalid value '" + category + "' for taxonomy.skill." + id + ": expected SOFT or HARD");
      }
    });
    settings.withPrefix("taxonomy.alias").forEach((alias, skill) -> builder.alias(alias, skill));
    return builder.build();
  }

  /** Kafka Streams properties: every {@code kafka.*} passthrough, then what this service requires. */
  public Properties streamsProperties(String applicationServer) {
    return KafkaStreamsProperties.of(source, applicationId, topics.deadLetter().name(), applicationServer);
  }
}
