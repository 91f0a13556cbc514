package com.coachstream.notifier;

import com.coachstream.common.cli.SettingsErrors;
import com.coachstream.common.kafka.NioBufferCache;
import com.coachstream.common.config.ConfigException;
import com.coachstream.common.config.Settings;
import com.coachstream.common.config.SettingsLoader;
import com.coachstream.common.config.keys.EffectiveConfiguration;
import com.coachstream.common.config.keys.Service;
import com.coachstream.common.config.keys.SettingsCheck;
import com.coachstream.common.ops.ServiceRunner;
import java.nio.file.Path;

/**
 * Plain entry point for a container: settings from the environment ({@code KAFKA_BOOTSTRAP_SERVERS},
 * {@code COACHSTREAM_*}) and an optional properties file named by {@code COACHSTREAM_CONFIG} or the first
 * argument.
 */
public final class NotifierMain {

  private NotifierMain() { }

  public static void main(String[] args) {
    NioBufferCache.limit(); // before any socket is read
    String file = args.length > 0 ? args[0] : System.getenv("COACHSTREAM_CONFIG");
    Settings settings = new SettingsLoader().file(file == null ? null : Path.of(file)).environment(System.getenv()).build();
    try {
      SettingsCheck.validate(settings, Service.NOTIFIER);
    } catch (ConfigException e) {
      for (String line : e.getMessage().split("\\R")) {
        System.err.println("coachstream: " + line);
      }
      System.exit(SettingsErrors.EXIT_CODE);
    }
    EffectiveConfiguration.log(settings, Service.NOTIFIER);
    ServiceRunner.runUntilShutdown("notifier", NotifierService.start(settings));
  }
}
