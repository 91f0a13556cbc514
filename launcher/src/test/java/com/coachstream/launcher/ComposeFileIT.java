package com.coachstream.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachstream.common.config.Settings;
import com.coachstream.common.config.keys.Service;
import com.coachstream.common.config.keys.SettingKeys;
import com.coachstream.common.config.keys.SettingsCheck;
import com.coachstream.common.kafka.TopicCreator;
import com.coachstream.kafka.local.KafkaBrokerExtension;
import com.coachstream.kafka.local.KafkaTestBroker;
import com.coachstream.notifier.NotifierService;
import com.coachstream.producer.http.IngestServer;
import com.coachstream.schemas.topics.Topics;
import com.coachstream.streams.StreamsService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * No Docker engine runs here, so docker-compose.yml is checked by construction: docker-compose validates it,
 * every variable it gives a CoachStream service is a setting of that service in the catalogue of settings
 * (so the service would not refuse it), and one that service's configuration actually reads (each service is
 * started with exactly that environment and asked which settings it never read).
 */
@Tag("integration")
@Timeout(180)
@ExtendWith(KafkaBrokerExtension.class)
class ComposeFileIT {

  /** Variables of the process rather than of the service: read by the JVM and the C library. */
  private static final Set<String> PROCESS_VARIABLES = Set.of("JAVA_TOOL_OPTIONS", "MALLOC_ARENA_MAX");
  private static final Path COMPOSE_FILE = Path.of("..", "docker-compose.yml").toAbsolutePath().normalize();

  @Test
  void dockerComposeAcceptsTheFile() throws Exception {
    Assumptions.assumeTrue(onPath("docker-compose"), "docker-compose is not installed (.ci/run installs it)");
    Process process = new ProcessBuilder("docker-compose", "-f", COMPOSE_FILE.toString(), "config", "-q")
        .redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
  }

  @Test
  void everyVariableOfEachServiceIsASettingItReads(KafkaTestBroker broker, @TempDir Path stateDir) throws Exception {
    JsonNode services = new ObjectMapper(new YAMLFactory()).readTree(COMPOSE_FILE.toFile()).get("services");
    TopicCreator.createAll(broker.clientProperties(), Topics.defaults(), 2, 1);
    // Only where the services run changes: the test broker, any free port, a temporary state directory, and the
    // users file the compose file mounts read from where it lies in the repository.
    Map<String, String> overrides = Map.of("bootstrap.servers", broker.bootstrapServers(), "http.port", "0");
    Map<String, String> streamsOverrides = new HashMap<>(overrides);
    streamsOverrides.put("state.dir", stateDir.toString());
    streamsOverrides.put("security.users-file", COMPOSE_FILE.resolveSibling("docs/examples/users.example.json").toString());

    // the catalogue's defaults as well: a setting in the catalogue that no code reads would show up too
    Settings streams = settings(services.get("streams"), SettingKeys.defaults(Service.STREAMS), streamsOverrides);
    try (StreamsService service = StreamsService.start(streams)) {
      assertThat(streams.unreadKeys()).as("settings of the streams service nobody reads").isEmpty();
    }
    Settings notifier = settings(services.get("notifier"), SettingKeys.defaults(Service.NOTIFIER), overrides);
    try (NotifierService.Handle service = NotifierService.start(notifier)) {
      assertThat(notifier.unreadKeys()).as("settings of the notifier nobody reads").isEmpty();
    }
    Settings ingest = settings(services.get("ingest"), SettingKeys.defaults(Service.INGEST), overrides);
    try (IngestServer service = IngestServer.start(ingest)) {
      assertThat(ingest.unreadKeys()).as("settings of the ingest service nobody reads").isEmpty();
    }
  }

  @Test
  void everyVariableOfEachServiceIsASettingOfThatService() throws Exception {
    JsonNode services = new ObjectMapper(new YAMLFactory()).readTree(COMPOSE_FILE.toFile()).get("services");
    Map<String, Service> serviceOf = Map.of("streams", Service.STREAMS, "notifier", Service.NOTIFIER,
        "ingest", Service.INGEST, "topics", Service.TOOLS, "simulator", Service.PRODUCER);
    assertThat(services.fieldNames()).toIterable().filteredOn(name -> !Set.of("kafka", "registry", "mailpit").contains(name))
        .containsExactlyInAnyOrderElementsOf(serviceOf.keySet());
    serviceOf.forEach((name, service) -> {
      Settings settings = settings(services.get(name), Map.of(), Map.of());
      assertThat(SettingsCheck.problems(settings, service)).as("settings of the %s service", name).isEmpty();
    });
  }

  @Test
  void kafkaVariablesOnTheServicesAreKafkaClientSettings() throws Exception {
    JsonNode services = new ObjectMapper(new YAMLFactory()).readTree(COMPOSE_FILE.toFile()).get("services");
    Set<String> clientConfigs = new HashSet<>();
    clientConfigs.addAll(ProducerConfig.configNames());
    clientConfigs.addAll(ConsumerConfig.configNames());
    clientConfigs.addAll(AdminClientConfig.configNames());
    clientConfigs.addAll(StreamsConfig.configDef().names());
    services.fields().forEachRemaining(service -> {
      if (service.getKey().equals("kafka")) {
        return; // the broker image's own variables
      }
      JsonNode environment = service.getValue().get("environment");
      if (environment != null) {
        environment.fieldNames().forEachRemaining(name -> {
          if (name.startsWith("KAFKA_")) {
            String property = name.substring("KAFKA_".length()).toLowerCase(Locale.ROOT).replace('_', '.');
            assertThat(clientConfigs).as("%s of %s", name, service.getKey()).contains(property);
          } else if (!PROCESS_VARIABLES.contains(name)) {
            assertThat(name).as("variables of %s", service.getKey()).startsWith(Settings.ENV_PREFIX);
          }
        });
      }
    });
  }

  private static Settings settings(JsonNode service, Map<String, String> defaults, Map<String, String> overrides) {
    Map<String, String> env = new HashMap<>();
    service.get("environment").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
    return Settings.load(defaults, null, env, overrides);
  }

  private static boolean onPath(String command) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, command))) {
        return true;
      }
    }
    return false;
  }
}
