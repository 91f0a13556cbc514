package com.coachstream.notifier;

import com.coachstream.common.config.Settings;
import com.coachstream.common.ops.ServiceRunner;
import java.nio.file.Path;
import java.util.Map;

/**
 * Plain entry point for a container: settings from the environment ({@code KAFKA_BOOTSTRAP_SERVERS},
 * {@code COACHSTREAM_*}) and an optional properties file named by {@code COACHSTREAM_CONFIG} or the first
 * argument.
 */
public final class NotifierMain {

  private NotifierMain() { }

  public static void main(String[] args) {
    String file = args.length > 0 ? args[0] : System.getenv("COACHSTREAM_CONFIG");
    Settings settings = Settings.load(Map.of(), file == null ? null : Path.of(file), System.getenv(), Map.of());
    ServiceRunner.runUntilShutdown("notifier", NotifierService.start(settings));
  }
}
