package com.coachstream.streams;

import static com.coachstream.streams.StreamsTestInstances.producer;
import static com.coachstream.streams.StreamsTestInstances.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.coachstream.common.config.Settings;
import com.coachstream.kafka.local.KafkaBrokerExtension;
import com.coachstream.kafka.local.KafkaTestBroker;
import com.coachstream.schemas.topics.TopicNames;
import com.coachstream.schemas.topics.Topics;
import com.coachstream.streams.state.CrashedLocalState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@link CrashedLocalState} relies on, with the Kafka Streams version in use: the tasks' stores live under
 * {@code <state.dir>/<application-id>/<task>/rocksdb}; and a clean stop is recorded, so the next start keeps
 * them (only a crash's leftovers are deleted; the crash tests of the system tests restart after kill -9).
 */
@Tag("integration")
@Timeout(240)
@ExtendWith(KafkaBrokerExtension.class)
class LocalStateAfterCleanStopIT {

  @TempDir
  Path stateDir;

  @Test
  void theStoresOfACleanlyStoppedInstanceAreKeptAtTheNextStart(KafkaTestBroker broker)
      throws Exception {
    TopicNames names = StreamsTestInstances.createTopics(broker, "clean-stop", 2);
    Topics topics = new Topics(names);
    String appId = broker.uniqueName("clean-stop");
    Path applicationDir = stateDir.resolve(appId);
    Instant day = Instant.now().minus(Duration.ofDays(1));
    try (StreamsService service = StreamsService.start(Settings.of(StreamsTestInstances.settings(broker, names, appId,
        stateDir)));
         KafkaProducer<byte[], byte[]> producer = producer(broker)) {
      await().atMost(Duration.ofSeconds(120)).until(() -> service.state() == KafkaStreams.State.RUNNING);
      for (String agent : List.of("agent-0", "agent-1", "agent-2", "agent-3")) {
        send(producer, topics.interactions(), agent, TestEvents.interaction(agent + "-i", agent, day,
            Map.of("empathy", 80.0)));
      }
      producer.flush();
      await().atMost(Duration.ofSeconds(60)).until(() -> tasksWithStores(applicationDir).size() >= 2);
    }

    List<Path> tasks = tasksWithStores(applicationDir);
    assertThat(tasks).isNotEmpty();
    assertThat(CrashedLocalState.beforeStart(applicationDir)).isEmpty();
    assertThat(tasksWithStores(applicationDir)).isEqualTo(tasks);
    CrashedLocalState.stoppedCleanly(applicationDir);
  }

  private static List<Path> tasksWithStores(Path applicationDir) throws IOException {
    if (!Files.isDirectory(applicationDir)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(applicationDir)) {
      return entries.filter(dir -> dir.getFileName().toString().matches("\\d+_\\d+"))
          .filter(dir -> Files.isDirectory(dir.resolve("rocksdb"))).sorted().toList();
    }
  }
}
