package com.coachstream.common.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Configuration of a CoachStream service: defaults, then a properties file ({@code --config}), then
 * environment variables, then command-line overrides, each layer winning over the one before (see
 * {@link SettingsLoader}); each value remembers its {@link Origin}.
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
  private final Map<String, Origin> origins;
  /** Keys some code asked for: the rest were never read, which is how a misspelt setting shows up. */
  private final java.util.Set<String> readKeys = java.util.concurrent.ConcurrentHashMap.newKeySet();

  Settings(Map<String, String> values, Map<String, Origin> origins) {
    this.values = Map.copyOf(values);
    this.origins = Map.copyOf(origins);
  }

  /** Settings given in code (tests, benchmarks, embedding), all counted as options. */
  public static Settings of(Map<String, String> values) {
    return new SettingsLoader().option("(given in code)", values).build();
  }

  /** Defaults, then the file (if any), then the environment, then the overrides. */
  public static Settings load(Map<String, String> defaults, Path configFile, Map<String, String> env,
      Map<String, String> overrides) {
    return new SettingsLoader().defaults(defaults).file(configFile).environment(env).option("--set", overrides).build();
  }

  /** Where the value of {@code key} came from; {@link Origin#DEFAULT} for a key not set at all. */
  public Origin origin(String key) {
    return origins.getOrDefault(key, Origin.DEFAULT);
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
