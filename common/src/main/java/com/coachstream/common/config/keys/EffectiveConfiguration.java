package com.coachstream.common.config.keys;

import com.coachstream.common.config.Settings;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a service runs with: every setting it takes, one line each, with the value and the layer it came
 * from ({@code slip.floor = 75 (option --set)}), secrets shown as {@value #REDACTED}. Logged at start-up
 * and printed by {@code coachstream config check}.
 */
public final class EffectiveConfiguration {

  public static final String REDACTED = "[redacted]";
  private static final Logger log = LoggerFactory.getLogger("com.coachstream.config");

  private EffectiveConfiguration() { }

  public static void log(Settings settings, Service service) {
    log.info("Effective configuration of {}:", service.displayName());
    lines(settings, service).forEach(line -> log.info("  {}", line));
  }

  /** Named settings first, in catalogue order (set or not), then every other setting given, by name. */
  public static List<String> lines(Settings settings, Service service) {
    List<String> lines = new ArrayList<>();
    Set<String> shown = new LinkedHashSet<>();
    for (SettingKey key : SettingKeys.of(service)) {
      if (!key.isPattern() && shown.add(key.name())) {
        lines.add(line(settings, key.name(), key.secret(), SettingKeys.resolve(key.defaultValue())));
      }
    }
    for (String name : settings.asMap().keySet().stream().sorted().toList()) {
      if (shown.contains(name)) {
        continue;
      }
      if (name.startsWith(SettingKeys.KAFKA_PREFIX)) {
        lines.add(line(settings, name, KafkaClientKeys.isSecret(name.substring(SettingKeys.KAFKA_PREFIX.length())), ""));
      } else {
        SettingKeys.find(service, name).ifPresent(key -> lines.add(line(settings, name, key.secret(), "")));
      }
    }
    return lines;
  }

  private static String line(Settings settings, String name, boolean secret, String defaultValue) {
    String given = settings.asMap().get(name);
    if (given == null) {
      return name + " = " + (defaultValue.isEmpty() ? "(not set)" : defaultValue) + " (default)";
    }
    String value = secret && !given.isBlank() ? REDACTED : given;
    return name + " = " + value + " (" + settings.origin(name) + ")";
  }
}
