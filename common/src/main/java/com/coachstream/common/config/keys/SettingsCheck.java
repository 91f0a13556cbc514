package com.coachstream.common.config.keys;

import com.coachstream.common.config.ConfigException;
import com.coachstream.common.config.Origin;
import com.coachstream.common.config.Settings;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Refuses settings a service does not know, one line each, naming the key, where it came from and the
 * closest known key — so {@code slip.flor=75} stops the service instead of leaving the floor at 70. A
 * setting of another service is named as such; {@code kafka.*} settings are checked against the Kafka
 * clients' own definitions.
 */
public final class SettingsCheck {

  /** The option that gives Kafka client settings without their {@code kafka.} prefix. */
  public static final String KAFKA_PROPERTY_OPTION = "--kafka-property";

  private SettingsCheck() { }

  /** Throws a {@link ConfigException} with one line per setting {@code service} does not take. */
  public static void validate(Settings settings, Service service) {
    List<String> problems = problems(settings, service);
    if (!problems.isEmpty()) {
      throw new ConfigException(String.join(System.lineSeparator(), problems));
    }
  }

  public static List<String> problems(Settings settings, Service service) {
    List<String> problems = new ArrayList<>();
    for (String key : settings.asMap().keySet().stream().sorted().toList()) {
      Origin origin = settings.origin(key);
      String problem = key.startsWith(SettingKeys.KAFKA_PREFIX)
          ? kafkaProblem(key.substring(SettingKeys.KAFKA_PREFIX.length()), origin, service)
          : problem(key, origin, service);
      if (problem != null) {
        problems.add(problem);
      }
    }
    return problems;
  }

  private static String problem(String key, Origin origin, Service service) {
    if (SettingKeys.find(service, key).isPresent()) {
      return null;
    }
    Set<Service> owners = SettingKeys.ownersOf(key);
    if (!owners.isEmpty()) {
      return "`" + key + "` (" + origin + ") is a setting of "
          + listed(owners.stream().map(Service::displayName).toList()) + ", not of "
          + service.displayName();
    }
    Set<String> known = new LinkedHashSet<>();
    SettingKeys.of(service).forEach(k -> known.add(k.closestInstance(key)));
    return "`" + key + "` (" + origin + ") is not a setting of " + service.displayName()
        + ClosestName.among(key, known).map(k -> "; did you mean `" + k + "`?")
            .orElse("; `coachstream config list " + service.id() + "` lists them all");
  }

  /** {@code a}, {@code a and b}, {@code a, b and c}. */
  static String listed(List<String> names) {
    return names.size() < 2 ? String.join("", names)
        : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
  }

  private static String kafkaProblem(String property, Origin origin, Service service) {
    if (KafkaClientKeys.accepts(service, property)) {
      return null;
    }
    // --kafka-property takes the client's own name; everywhere else it carries the kafka. prefix
    String prefix = origin.where().equals(KAFKA_PROPERTY_OPTION) ? "" : SettingKeys.KAFKA_PREFIX;
    String shown = "`" + prefix + property + "` (" + origin + ")";
    if (KafkaClientKeys.isStreamsOnly(property)) {
      return shown + " is a Kafka Streams setting, of use to the streams processor only, not to " + service.displayName();
    }
    return shown + " is not a Kafka client setting"
        + ClosestName.among(property, KafkaClientKeys.names(service)).map(k -> "; did you mean `" + prefix + k + "`?")
            .orElse("; see the Kafka clients' documentation for their settings");
  }
}
