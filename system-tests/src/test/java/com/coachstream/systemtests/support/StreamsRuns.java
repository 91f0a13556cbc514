package com.coachstream.systemtests.support;

import com.coachstream.common.config.Settings;
import com.coachstream.common.security.DemoUsers;
import com.coachstream.common.security.Role;
import com.coachstream.streams.StreamsService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** Settings of a streams application in a test, and the uninterrupted reference run the fault tests compare with. */
public final class StreamsRuns {

  /** Windows changed by late or corrected events are published this often (instead of the default 10 s). */
  public static final Duration PUBLISH_INTERVAL = Duration.ofSeconds(1);

  private StreamsRuns() { }

  /** Settings of one streams application over {@code topics}: loopback HTTP, its own state directory. */
  /** The system tests query the API as an admin (the access matrix itself is the streams processor's AccessControlIT). */
  public static final DemoUsers.User ADMIN = DemoUsers.User.of("system-test", "system-test-admin-api-token",
      Role.ADMIN, java.util.Set.of(), null);

  public static Map<String, String> settings(String bootstrapServers, TopicSet topics, String applicationId, Path stateDir) {
    Map<String, String> settings = new HashMap<>(topics.settings());
    Path users = stateDir.resolveSibling(stateDir.getFileName() + "-users.json");
    try {
      java.nio.file.Files.createDirectories(users.getParent());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    settings.put("security.users-file", DemoUsers.write(users, List.of(ADMIN)).toString());
    settings.put("security.service-secret", "the-shared-secret-of-the-system-test-instances");
    settings.put("bootstrap.servers", bootstrapServers);
    settings.put("application-id", applicationId);
    settings.put("state.dir", stateDir.toString());
    settings.put("http.host", "127.0.0.1");
    settings.put("scores.publish.interval", PUBLISH_INTERVAL.toMillis() + "ms");
    return settings;
  }

  /**
   * Runs a streams application in this JVM over input already written, until it has settled, and returns what
   * it committed: what an uninterrupted run of the same input yields.
   */
  public static RunOutcome uninterrupted(Properties client, TopicSet topics, String applicationId, Path stateDir,
      Duration atMost) {
    return uninterrupted(client, topics, applicationId, stateDir, Map.of(), atMost);
  }

  /** As {@link #uninterrupted(Properties, TopicSet, String, Path, Duration)}, with extra settings (e.g. the grace). */
  public static RunOutcome uninterrupted(Properties client, TopicSet topics, String applicationId, Path stateDir,
      Map<String, String> extra, Duration atMost) {
    Map<String, String> settings = settings(client.getProperty("bootstrap.servers"), topics, applicationId, stateDir);
    settings.put("http.port", "0");
    settings.putAll(extra);
    client.forEach((key, value) -> {
      if (!key.equals("bootstrap.servers")) {
        settings.put("kafka." + key, value.toString());
      }
    });
    try (StreamsService service = StreamsService.start(Settings.of(settings));
        GroupProgress progress = new GroupProgress(client, applicationId, topics.inputs());
        PipelineOutputs outputs = new PipelineOutputs(client, topics.topics())) {
      Quiescence.awaitSettled(progress, outputs, PUBLISH_INTERVAL, atMost);
      return RunOutcome.of(outputs);
    }
  }
}
