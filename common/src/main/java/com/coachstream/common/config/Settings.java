package com.coachstream.common.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Configuration of a CoachStream service: defaults, then a properties file ({@code --config}), then
 * environment variables, then command-line overrides, each layer winning over the one before.
 *
 * <p>An environment variable {@code COACHSTREAM_WINDOW_SIZE} sets {@code window.size} (upper case, dots
 * and dashes as underscores); {@code KAFKA_SECURITY_PROTOCOL} sets the Kafka client property
 * {@code kafka.security.protocol}. Typed getters fail with a {@link ConfigException} naming the key, the
 * value and what was expected, so a wrong setting stops the service at start-up with a clear message.
 */
public final class Settings {

  public static final String ENV_PREFIX = "COACHSTREAM_";
  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

  private final Map<String, String> values;
  /** Keys some code asked for: the rest were never read, which is how a misspelt setting shows up. */
  private final java.util.Set<String> readKeys = java.util.concurrent.ConcurrentHashMap.newKeySet();

  private Settings(Map<String, String> values) {
    this.values = Map.copyOf(values);
  }

  public static Settings of(Map<String, String> values) {
    return new Settings(values);
  }

  /** Defaults, then the file (if any), then the environment, then the overrides. */
  public static Settings load(Map<String, String> defaults, Path configFile, Map<String, String> env,
      Map<String, String> overrides) {
    Map<String, String> merged = new TreeMap<>(defaults);
    if (configFile != null) {
      merged.putAll(readFile(configFile));
    }
    merged.putAll(fromEnvironment(env));
    merged.putAll(overrides);
    return new Settings(merged);
  }

  static Map<String, String> readFile(Path file) {
    if (!Files.isReadable(file)) {
      throw new ConfigException("Config file " + file + " does not exist or cannot be read");
    }
    Properties props = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      props.load(reader);
    } catch (IOException e) {
      throw new ConfigException("Cannot read config file " + file + ": " + e.getMessage());
    }
    Map<String, String> map = new TreeMap<>();
    props.stringPropertyNames().forEach(k -> map.put(k, props.getProperty(k).trim()));
    return map;
  }

  /**
   * Settings named by environment variables. Dots and dashes cannot be told apart in a variable name, so a
   * variable maps to a dotted key; keys with dashes (e.g. {@code topic.dead-letter}) are matched against
   * {@link #KNOWN_DASHED_KEYS}.
   */
  static Map<String, String> fromEnvironment(Map<String, String> env) {
    Map<String, String> map = new TreeMap<>();
    env.forEach((name, value) -> {
      if (name.startsWith(ENV_PREFIX)) {
        map.put(envToKey(name.substring(ENV_PREFIX.length())), value);
      } else if (name.startsWith("KAFKA_") && !name.equals("KAFKA_BOOTSTRAP_SERVERS")) {
        map.put("kafka." + name.substring("KAFKA_".length()).toLowerCase(Locale.ROOT).replace('_', '.'), value);
      } else if (name.equals("KAFKA_BOOTSTRAP_SERVERS")) {
        map.put("bootstrap.servers", value);
      }
    });
    return map;
  }

  /** Keys whose names contain a dash, so their environment variable maps back to the dashed form. */
  static final java.util.List<String> KNOWN_DASHED_KEYS = java.util.List.of(
      "topic.qa-evaluations", "topic.skill-scores", "topic.dead-letter", "max-drop", "min-samples",
      "min-baseline-samples", "application-id", "body-limit", "bearer-token", "slip-fraction");

  static String envToKey(String rest) {
    String dotted = rest.toLowerCase(Locale.ROOT).replace('_', '.');
    for (String dashed : KNOWN_DASHED_KEYS) {
      String asDots = dashed.replace('-', '.');
      int at = dotted.indexOf(asDots);
      if (at >= 0 && (at + asDots.length() == dotted.length() || dotted.charAt(at + asDots.length()) == '.')
          && (at == 0 || dotted.charAt(at - 1) == '.')) {
        dotted = dotted.substring(0, at) + dashed + dotted.substring(at + asDots.length());
      }
    }
    return dotted;
  }

  public Optional<String> find(String key) {
    readKeys.add(key);
    String value = values.get(key);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  public String string(String key) {
    return find(key).orElseThrow(() -> new ConfigException("Missing setting " + key));
  }

  public String string(String key, String fallback) {
    return find(key).orElse(fallback);
  }

  public int intValue(String key, int fallback) {
    return find(key).map(v -> parseInt(key, v)).orElse(fallback);
  }

  public long longValue(String key, long fallback) {
    return find(key).map(v -> {
      try {
        return Long.parseLong(v);
      } catch (NumberFormatException e) {
        throw invalid(key, v, "an integer");
      }
    }).orElse(fallback);
  }

  public double doubleValue(String key, double fallback) {
    return find(key).map(v -> {
      try {
        double d = Double.parseDouble(v);
        if (!Double.isFinite(d)) {
          throw invalid(key, v, "a finite number");
        }
        return d;
      } catch (NumberFormatException e) {
        throw invalid(key, v, "a number");
      }
    }).orElse(fallback);
  }

  public boolean bool(String key, boolean fallback) {
    return find(key).map(v -> switch (v.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on", "1" -> true;
      case "false", "no", "off", "0" -> false;
      default -> throw invalid(key, v, "true or false");
    }).orElse(fallback);
  }

  public Duration duration(String key, Duration fallback) {
    return find(key).map(v -> parseDuration(key, v)).orElse(fallback);
  }

  /** Every setting under {@code prefix.}, with the prefix removed (e.g. Kafka client properties). */
  public Map<String, String> withPrefix(String prefix) {
    Map<String, String> map = new TreeMap<>();
    String dotted = prefix.endsWith(".") ? prefix : prefix + ".";
    values.forEach((k, v) -> {
      if (k.startsWith(dotted)) {
        readKeys.add(k);
        map.put(k.substring(dotted.length()), v);
      }
    });
    return map;
  }

  /** Settings that are set but that no code has read so far (e.g. a misspelt key). */
  public java.util.Set<String> unreadKeys() {
    java.util.Set<String> unread = new java.util.TreeSet<>(values.keySet());
    unread.removeAll(readKeys);
    return unread;
  }

  public Map<String, String> asMap() {
    return values;
  }

  /** {@code 7d}, {@code 24h}, {@code 30m}, {@code 15s}, {@code 500ms}, or ISO-8601 such as {@code PT1H}. */
  public static Duration parseDuration(String key, String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    Matcher m = DURATION.matcher(v);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofDays(n);
      };
    }
    try {
      return Duration.parse(value.trim().toUpperCase(Locale.ROOT));
    } catch (RuntimeException e) {
      throw invalid(key, value, "a duration such as 7d, 24h, 30m, 15s, 500ms or PT1H");
    }
  }

  private static int parseInt(String key, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw invalid(key, value, "an integer");
    }
  }

  private static ConfigException invalid(String key, String value, String expected) {
    return new ConfigException("Invalid value '" + value + "' for " + key + ": expected " + expected);
  }
}
