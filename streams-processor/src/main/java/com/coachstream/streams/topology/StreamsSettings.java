package com.coachstream.streams.topology;

import com.coachstream.avro.SkillCategory;
import com.coachstream.common.config.ConfigException;
import com.coachstream.common.config.KafkaSettings;
import com.coachstream.common.config.Settings;
import com.coachstream.common.config.keys.Service;
import com.coachstream.common.config.keys.SettingKeys;
import com.coachstream.schemas.deadletter.DeadLetter;
import com.coachstream.schemas.skills.SkillTaxonomy;
import com.coachstream.schemas.topics.Topics;
import com.coachstream.streams.alerts.TipLibrary;
import com.coachstream.streams.rules.RuleBook;
import com.coachstream.streams.slip.AlertMode;
import com.coachstream.streams.slip.SlipPolicy;
import com.coachstream.streams.slip.StatisticalRules;
import com.coachstream.streams.slip.SustainedRule;
import com.coachstream.streams.slip.TeamRelativeRule;
import com.coachstream.streams.stats.ScoreModel;
import com.coachstream.streams.slip.SlipRules;
import com.coachstream.streams.window.WindowSpec;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

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

  /**
   * Kafka Streams settings whose defaults CoachStream changes (each can still be set with {@code kafka.<key>}):
   * <ul>
   * <li>{@code commit.interval.ms} 200 (exactly-once's default is 100): a commit ends a transaction and
   * flushes the record cache into the stores and changelogs, so fewer commits mean more updates of an agent
   * coalesced into one write; alerts become visible to read_committed consumers at a commit, so it stays
   * well inside the 1 s alert latency goal.
   * <li>{@code statestore.cache.max.bytes} 32 MiB (10 MiB): holds the state of the agents active between two
   * commits.
   * <li>{@code rocksdb.config.setter} {@link BoundedRocksDbMemory}: all stores share
   * {@code state.rocksdb.memory.mb} of off-heap memory.
   * </ul>
   */
  public static final Map<String, String> KAFKA_STREAMS_DEFAULTS = Map.of(
      StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "200",
      StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, String.valueOf(32L << 20),
      StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class.getName());

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
          KafkaSettings.topics(settings), windows, slipPolicy(settings), taxonomy(settings),
          TipLibrary.withOverrides(settings.withPrefix("tips")), publish, duration(settings, "alerts.retention"),
          host, port, advertised);
      // checked in both modes, like the other statistical settings
      result.leniencyPriorEvaluations();
      result.leniencyPairingRetention();
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

  /** {@code leniency.pairing-retention}: how long an interaction's evaluations wait for another evaluator's. */
  public Duration leniencyPairingRetention() {
    return duration(source, "leniency.pairing-retention");
  }

  private static Duration duration(Settings settings, String key) {
    return settings.duration(key, Settings.parseDuration(key, DEFAULTS.get(key)));
  }

  /** The slip policy of {@code settings}: the configuration's, or a team's rules laid over it ({@link RuleBook}). */
  public static SlipPolicy slipPolicy(Settings settings) {
    Map<SkillCategory, SlipRules> rules = new EnumMap<>(SkillCategory.class);
    for (SkillCategory category : SkillCategory.values()) {
      String prefix = "slip." + category.name().toLowerCase(Locale.ROOT) + ".";
      double floor = number(settings, prefix, "floor");
      if (floor < 0 || floor > 100) {
        throw new ConfigException("Invalid value '" + floor + "' for " + prefix + "floor / slip.floor: expected 0-100");
      }
      rules.put(category, new SlipRules(floor, number(settings, prefix, "max-drop"),
          (int) number(settings, prefix, "min-samples"), (int) number(settings, prefix, "min-baseline-samples"),
          number(settings, prefix, "hysteresis"),
          settings.duration(prefix + "cooldown", duration(settings, "slip.cooldown"))));
    }
    SustainedRule sustain;
    try {
      sustain = SustainedRule.parse(settings.string("slip.sustain", DEFAULTS.get("slip.sustain")));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage());
    }
    return new SlipPolicy(rules, statisticalRules(settings), sustain, teamRule(settings));
  }

  /** {@code slip.team-percentile} (0: off) and {@code slip.team-min-size}. */
  static TeamRelativeRule teamRule(Settings settings) {
    try {
      return new TeamRelativeRule(setting(settings, "slip.team-percentile"),
          settings.intValue("slip.team-min-size", Integer.parseInt(DEFAULTS.get("slip.team-min-size"))));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("Invalid team-relative rule: " + e.getMessage());
    }
  }

  /**
   * Statistical mode's settings, or null in threshold mode ({@code alert.mode}). They are read and checked in
   * both modes, so a wrong value is reported at start-up, not on the day someone switches modes.
   */
  static StatisticalRules statisticalRules(Settings settings) {
    AlertMode mode;
    try {
      mode = AlertMode.parse(settings.string("alert.mode", DEFAULTS.get("alert.mode")));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("Invalid value for alert.mode: " + e.getMessage());
    }
    StatisticalRules rules;
    try {
      rules = new StatisticalRules(setting(settings, "slip.confidence"), new ScoreModel(setting(settings, "slip.sample-sd"),
          setting(settings, "slip.prior-samples"), setting(settings, "slip.drift-sd")), setting(settings, "slip.true-drop"));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("Invalid statistical mode settings: " + e.getMessage());
    }
    return mode == AlertMode.THRESHOLD ? null : rules;
  }

  private static double setting(Settings settings, String key) {
    return settings.doubleValue(key, Double.parseDouble(DEFAULTS.get(key)));
  }

  private static double number(Settings settings, String categoryPrefix, String name) {
    double general = settings.doubleValue("slip." + name, Double.parseDouble(DEFAULTS.get("slip." + name)));
    return settings.doubleValue(categoryPrefix + name, general);
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

  /**
   * {@code instance.id} as the main consumer's {@code group.instance.id} (Kafka Streams appends each stream
   * thread's index): a member restarted under the same id replaces its dead self in the group at once, where a
   * new dynamic member waits for the old one's session to time out. Only the classic group protocol has it in
   * Kafka 4.3; a {@code kafka.main.consumer.group.instance.id} given directly wins.
   */
  private void staticMembership(Properties props) {
    String instanceId = source.string("instance.id", "").trim();
    if (instanceId.isEmpty()) {
      return;
    }
    if ("streams".equalsIgnoreCase(String.valueOf(props.get(StreamsConfig.GROUP_PROTOCOL_CONFIG)).trim())) {
      throw new ConfigException("instance.id needs the classic group protocol: Kafka 4.3's streams rebalance protocol "
          + "has no static membership (remove kafka.group.protocol=streams or instance.id)");
    }
    props.putIfAbsent(StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), instanceId);
  }

  /** Kafka Streams properties: every {@code kafka.*} passthrough, then what this service requires. */
  public Properties streamsProperties(String applicationServer) {
    Properties props = KafkaSettings.clientProperties(source);
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    props.putIfAbsent(StreamsConfig.STATE_DIR_CONFIG, source.string("state.dir", DEFAULTS.get("state.dir")));
    props.putIfAbsent(StreamsConfig.NUM_STREAM_THREADS_CONFIG, source.string("num.stream.threads", "1"));
    props.putIfAbsent(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, source.string("num.standby.replicas", "0"));
    props.putIfAbsent(StreamsConfig.REPLICATION_FACTOR_CONFIG, source.string("replication.factor", "-1"));
    KAFKA_STREAMS_DEFAULTS.forEach(props::putIfAbsent);
    staticMembership(props);
    long rocksDbMegabytes = source.longValue("state.rocksdb.memory.mb", Long.parseLong(DEFAULTS.get("state.rocksdb.memory.mb")));
    if (rocksDbMegabytes < 8) {
      throw new ConfigException("state.rocksdb.memory.mb must be at least 8, was " + rocksDbMegabytes);
    }
    props.put(BoundedRocksDbMemory.MEMORY_CONFIG, String.valueOf(rocksDbMegabytes << 20));
    // exactly-once is not optional (docs/guarantees.md)
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandlers.Deserialization.class);
    props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandlers.Processing.class);
    props.put(DeadLetterHandlers.DEAD_LETTER_TOPIC_CONFIG, topics.deadLetter().name());
    // a dead letter carries an input record's bytes, which may be larger than a producer sends by default
    String maxRequest = StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
    props.putIfAbsent(maxRequest, props.getOrDefault(ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
        String.valueOf(DeadLetter.MAX_RECORD_BYTES)));
    int maxRequestBytes;
    try {
      maxRequestBytes = Integer.parseInt(props.get(maxRequest).toString().trim());
    } catch (NumberFormatException e) {
      throw new ConfigException("Invalid value '" + props.get(maxRequest) + "' for max.request.size: expected bytes");
    }
    props.put(DeadLetterHandlers.DEAD_LETTER_MAX_BYTES_CONFIG,
        String.valueOf(Math.max(0, maxRequestBytes - DeadLetter.HEADROOM_BYTES)));
    if (applicationServer != null) {
      props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, applicationServer);
    }
    return props;
  }
}
