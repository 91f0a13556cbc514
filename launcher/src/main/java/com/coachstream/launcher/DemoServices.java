package com.coachstream.launcher;

import com.coachstream.common.cli.CommonOptions;
import com.coachstream.common.config.Settings;
import com.coachstream.common.config.keys.Service;
import com.coachstream.common.security.DemoUsers;
import com.coachstream.kafka.local.LocalKafkaBroker;
import com.coachstream.launcher.demo.Pipeline;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The demo's services and the defaults it gives them: a broker (embedded unless one is given), then the streams
 * processor and the notifier. The user's own settings win over every default here.
 */
final class DemoServices {

  private DemoServices() { }

  /** The given cluster's bootstrap servers, or those of an embedded broker started (and closed) with the demo. */
  static String startBroker(CommonOptions common, DemoResources resources, PrintStream out) {
    // the first look at the settings: an unknown one stops the demo before anything starts
    Settings given = common.settings(Service.DEMO, Map.of());
    if (given.find("bootstrap.servers").isPresent()) {
      String bootstrap = given.string("bootstrap.servers");
      out.printf("  Kafka    %s (given by %s; no embedded broker)%n", bootstrap, given.origin("bootstrap.servers"));
      return bootstrap;
    }
    LocalKafkaBroker broker = resources.add(LocalKafkaBroker.start());
    out.printf("  Kafka    embedded KRaft broker at %s, started in %.1f s%n",
        broker.bootstrapServers(), broker.startTime().toMillis() / 1000.0);
    return broker.bootstrapServers();
  }

  /** The streams processor and the notifier, and the settings the streams processor got (the workspace reads them). */
  record Started(Pipeline pipeline, Settings streamsSettings) { }

  static Started startPipeline(CommonOptions common, Map<String, String> wire, String bootstrap, Path usersFile,
      int httpPort, int notifierHttpPort, DemoResources resources) throws Exception {
    Path stateDir = resources.temporaryDirectory("coachstream-demo-state-");
    Map<String, String> streams = with(wire, streamsDefaults(bootstrap, stateDir, httpPort));
    streams.put("security.users-file", usersFile.toString());
    // the workspace reads the query API for its signed-in users with service tokens under this secret
    streams.put("security.service-secret", DemoUsers.randomSecret() + DemoUsers.randomSecret());
    Settings streamsSettings = common.settings(Service.DEMO, streams);
    Pipeline pipeline = resources.add(Pipeline.start(streamsSettings,
        common.settings(Service.DEMO, with(wire, notifierDefaults(bootstrap, notifierHttpPort)))));
    return new Started(pipeline, streamsSettings);
  }

  /** The demo's own defaults for its streams processor. */
  static Map<String, String> streamsDefaults(String bootstrap, Path stateDir, int httpPort) {
    Map<String, String> defaults = new HashMap<>();
    defaults.put("bootstrap.servers", bootstrap);
    defaults.put("application-id", "coachstream-demo");
    defaults.put("state.dir", stateDir.toString());
    defaults.put("http.port", String.valueOf(httpPort));
    defaults.put("scores.publish.interval", "2s");
    return defaults;
  }

  /** The demo's own defaults for its notifier: alerts to the console. */
  static Map<String, String> notifierDefaults(String bootstrap, int httpPort) {
    Map<String, String> defaults = new HashMap<>();
    defaults.put("bootstrap.servers", bootstrap);
    defaults.put("notifier.group", "coachstream-demo-notifier");
    defaults.put("routes.default", "log");
    defaults.put("channel.log.output", "stdout");
    defaults.put("http.port", String.valueOf(httpPort));
    return defaults;
  }

  /** {@code defaults} with the wire-format settings over them, as a map the caller may add to. */
  static Map<String, String> with(Map<String, String> wire, Map<String, String> defaults) {
    Map<String, String> merged = new HashMap<>(defaults);
    merged.putAll(wire);
    return merged;
  }
}
