package com.coachstream.notifier.channel;

import com.coachstream.common.config.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Secrets are never written in the settings themselves: a setting names the environment variable
 * ({@code <key>-env}) or the file ({@code <key>-file}, e.g. a Docker/Kubernetes secret mount) that holds
 * the value. Error messages name the variable or file, never the value.
 */
public final class Secrets {

  private final Map<String, String> environment;

  public Secrets(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  /**
   * The secret named by {@code <prefix>.<key>-env} or {@code <prefix>.<key>-file} in {@code settings}, or
   * null when neither is set.
   */
  public String find(Map<String, String> settings, String prefix, String key) {
    String envName = settings.get(prefix + "." + key + "-env");
    String file = settings.get(prefix + "." + key + "-file");
    if (envName != null && !envName.isBlank()) {
      String value = environment.get(envName.trim());
      if (value == null || value.isEmpty()) {
        throw new ConfigException("Environment variable " + envName.trim() + " (" + prefix + "." + key
            + "-env) is not set");
      }
      return value;
    }
    if (file != null && !file.isBlank()) {
      try {
        // Secret files commonly end with a newline that is not part of the secret.
        return Files.readString(Path.of(file.trim()), StandardCharsets.UTF_8).strip();
      } catch (IOException e) {
        throw new ConfigException("Cannot read secret file " + file.trim() + " (" + prefix + "." + key + "-file)");
      }
    }
    return null;
  }
}
