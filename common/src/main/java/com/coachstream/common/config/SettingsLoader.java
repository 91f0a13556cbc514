package com.coachstream.common.config;

import com.coachstream.common.config.keys.SettingKeys;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Builds {@link Settings} layer by layer — defaults, a properties file, the environment, command-line
 * options — each winning over the one before, remembering for every key where its value came from.
 */
public final class SettingsLoader {

  /**
   * Variables named like settings that are not: the launcher's own ({@code COACHSTREAM_CONFIG} names the
   * file, {@code COACHSTREAM_LOG_LEVEL} the log level) and those of Kafka's scripts, which a container may
   * carry without meaning them for CoachStream.
   */
  static final Set<String> NOT_SETTINGS = Set.of("COACHSTREAM_CONFIG", "COACHSTREAM_LOG_LEVEL",
      "KAFKA_HEAP_OPTS", "KAFKA_OPTS", "KAFKA_JMX_OPTS", "KAFKA_LOG4J_OPTS", "KAFKA_JVM_PERFORMANCE_OPTS",
      "KAFKA_GC_LOG_OPTS", "KAFKA_DEBUG", "KAFKA_HOME");

  /**
   * Kubernetes' service links: for every service in the namespace a pod gets {@code <NAME>_SERVICE_HOST},
   * {@code <NAME>_SERVICE_PORT[_<PORT NAME>]}, {@code <NAME>_PORT=tcp://…} and {@code <NAME>_PORT_<n>_TCP…},
   * so a service called {@code coachstream-streams} or {@code kafka-broker} puts variables named like
   * settings into every pod. They are never settings.
   */
  private static final java.util.regex.Pattern SERVICE_LINK = java.util.regex.Pattern.compile(
      "[A-Z0-9_]+_(SERVICE_HOST|SERVICE_PORT(_[A-Z0-9_]+)?|PORT_\\d+_(TCP|UDP|SCTP)(_(PROTO|PORT|ADDR))?)");
  private static final java.util.regex.Pattern SERVICE_LINK_URL = java.util.regex.Pattern.compile("(tcp|udp|sctp)://.*");

  /** Whether a variable is one of Kubernetes' service links rather than a setting. */
  static boolean isServiceLink(String variable, String value) {
    return SERVICE_LINK.matcher(variable).matches()
        || (variable.endsWith("_PORT") && value != null && SERVICE_LINK_URL.matcher(value).matches());
  }

  /**
   * Words with a dash in setting names ({@code topic.dead-letter}, {@code channel.x.url-env}): a variable
   * name cannot tell a dash from a dot, so these are restored; longest first, so {@code min-baseline-samples}
   * is not read as {@code min-samples}.
   */
  static final List<String> DASHED_WORDS = SettingKeys.all().stream()
      .flatMap(k -> List.of(k.name().split("\\.")).stream()).filter(w -> w.contains("-") && !w.startsWith("<"))
      .distinct().sorted(Comparator.comparingInt(String::length).reversed().thenComparing(w -> w)).toList();

  private final Map<String, String> values = new TreeMap<>();
  private final Map<String, Origin> origins = new TreeMap<>();

  public SettingsLoader defaults(Map<String, String> defaults) {
    return put(defaults, Origin.DEFAULT);
  }

  public SettingsLoader file(Path configFile) {
    return configFile == null ? this : put(readFile(configFile), Origin.file(configFile));
  }

  public SettingsLoader environment(Map<String, String> env) {
    Set<String> referenced = secretVariables(env);
    new TreeMap<>(env).forEach((name, value) -> settingOf(name)
        .filter(key -> !isServiceLink(name, value) && !referenced.contains(name)).ifPresent(key -> {
      values.put(key, value);
      origins.put(key, Origin.environment(name));
    }));
    return this;
  }

  /** Values given by a command-line option, e.g. {@code --set} or {@code --http-port}. */
  public SettingsLoader option(String option, Map<String, String> given) {
    return put(given, Origin.option(option));
  }

  public Settings build() {
    return new Settings(values, origins);
  }

  private SettingsLoader put(Map<String, String> layer, Origin origin) {
    layer.forEach((key, value) -> {
      values.put(key, value);
      origins.put(key, origin);
    });
    return this;
  }

  static Map<String, String> readFile(Path file) {
    if (!Files.isReadable(file)) {
      throw new ConfigException("Config file " + file + " does not exist or cannot be read");
    }
    Properties props = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      props.load(reader);
    } catch (IOException | IllegalArgumentException e) {
      throw new ConfigException("Cannot read config file " + file + ": " + e.getMessage());
    }
    Map<String, String> map = new LinkedHashMap<>();
    props.stringPropertyNames().forEach(k -> map.put(k, props.getProperty(k).trim()));
    return map;
  }

  /**
   * Variables that a {@code …-env} setting names (a channel's {@code url-env}, say) hold a secret, not a
   * setting, whatever they are called: {@code COACHSTREAM_SLACK_URL} may be one.
   */
  private Set<String> secretVariables(Map<String, String> env) {
    Set<String> named = new java.util.HashSet<>();
    values.forEach((key, value) -> {
      if (key.endsWith("-env")) {
        named.add(value.trim());
      }
    });
    env.forEach((name, value) -> settingOf(name).filter(key -> key.endsWith("-env")).ifPresent(key -> named.add(value.trim())));
    return named;
  }

  /**
   * The setting a variable sets, if any: {@code COACHSTREAM_WINDOW_SIZE} sets {@code window.size},
   * {@code KAFKA_SECURITY_PROTOCOL} the Kafka client setting {@code kafka.security.protocol} and
   * {@code KAFKA_BOOTSTRAP_SERVERS} {@code bootstrap.servers}.
   */
  static java.util.Optional<String> settingOf(String variable) {
    if (NOT_SETTINGS.contains(variable)) {
      return java.util.Optional.empty();
    }
    if (variable.equals("KAFKA_BOOTSTRAP_SERVERS")) {
      return java.util.Optional.of("bootstrap.servers");
    }
    if (variable.startsWith(Settings.ENV_PREFIX)) {
      return java.util.Optional.of(envToKey(variable.substring(Settings.ENV_PREFIX.length())));
    }
    if (variable.startsWith("KAFKA_")) {
      return java.util.Optional.of(SettingKeys.KAFKA_PREFIX
          + variable.substring("KAFKA_".length()).toLowerCase(Locale.ROOT).replace('_', '.'));
    }
    return java.util.Optional.empty();
  }

  static String envToKey(String rest) {
    String dotted = rest.toLowerCase(Locale.ROOT).replace('_', '.');
    for (String dashed : DASHED_WORDS) {
      String asDots = dashed.replace('-', '.');
      dotted = List.of(("." + dotted + ".").split(java.util.regex.Pattern.quote("." + asDots + "."), -1)).stream()
          .collect(Collectors.joining("." + dashed + "."));
      dotted = dotted.substring(1, dotted.length() - 1);
    }
    return withDashedName(dotted);
  }

  /**
   * A name inside a setting that holds no dot ({@code channel.<name>.type}) had its dashes turned into
   * dots: {@code COACHSTREAM_CHANNEL_OPS_WEBHOOK_TYPE} is {@code channel.ops-webhook.type}.
   */
  private static String withDashedName(String dotted) {
    if (SettingKeys.all().stream().anyMatch(k -> k.matches(dotted))) {
      return dotted;
    }
    for (var key : SettingKeys.all()) {
      String name = key.name();
      int open = name.indexOf('<');
      int close = name.indexOf('>');
      if (open < 0 || close == name.length() - 1 || name.indexOf('<', close) >= 0 || name.substring(open, close).contains("|")) {
        continue;
      }
      String prefix = name.substring(0, open);
      String suffix = name.substring(close + 1);
      if (dotted.startsWith(prefix) && dotted.endsWith(suffix) && dotted.length() > prefix.length() + suffix.length()) {
        String candidate = prefix + dotted.substring(prefix.length(), dotted.length() - suffix.length()).replace('.', '-') + suffix;
        if (key.matches(candidate)) {
          return candidate;
        }
      }
    }
    return dotted;
  }
}
