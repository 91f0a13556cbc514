package com.coachstream.streams;

import com.coachstream.avro.InteractionEvent;
import com.coachstream.avro.QaEvaluation;
import com.coachstream.common.config.Settings;
import com.coachstream.kafka.local.KafkaBrokerExtension;
import com.coachstream.kafka.local.KafkaTestBroker;
import com.coachstream.schemas.topics.TopicNames;
import com.coachstream.schemas.topics.Topics;
import com.coachstream.streams.topology.CoachingTopology;
import com.coachstream.streams.topology.StreamsSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Events/s through the topology: in TopologyTestDriver and on the real broker with exactly-once. Not part of
 * the normal build (tag "benchmark"); run on purpose:
 * {@code mvn -o -pl streams-processor exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=com.coachstream.streams.ThroughputBenchmark -Dbenchmark.events=1000000} (the parent's surefire
 * configuration excludes the tag for good).
 * Prints figures; asserts nothing about speed.
 */
@Tag("benchmark")
@ExtendWith(KafkaBrokerExtension.class)
class ThroughputBenchmark {

  private static final int EVENTS = Integer.getInteger("benchmark.events", 1_000_000);
  private static final int AGENTS = 2_000;
  private static final List<String> SKILLS = List.of("empathy", "active_listening", "communication", "product_knowledge",
      "compliance", "data_accuracy");

  @TempDir
  Path stateDir;

  /** Simulated events: 90% interactions with 3 skill signals, 10% QA evaluations; event time moves ~30 days. */
  private static Object event(int i, long start, Random random) {
    String agent = "agent-" + (i % AGENTS);
    Instant time = Instant.ofEpochMilli(start + (long) i * (Duration.ofDays(30).toMillis() / EVENTS));
    if (i % 10 == 9) {
      int k = random.nextInt(6);
      return TestEvents.evaluation("e-" + i, agent, time, Map.of(SKILLS.get(k), 1.0 + random.nextInt(10),
          SKILLS.get((k + 1) % 6), 1.0 + random.nextInt(10)));
    }
    return TestEvents.interaction("i-" + i, agent, time, Map.of(SKILLS.get(i % 6), 40.0 + random.nextInt(60),
        SKILLS.get((i + 1) % 6), 40.0 + random.nextInt(60), SKILLS.get((i + 2) % 6), 40.0 + random.nextInt(60)));
  }

  public static void main(String[] args) throws Exception {
    Path dir = java.nio.file.Files.createTempDirectory("coachstream-bench");
    topologyTestDriver(dir.resolve("ttd"));
    try (com.coachstream.kafka.local.LocalKafkaBroker broker = com.coachstream.kafka.local.LocalKafkaBroker.start()) {
      Properties client = new Properties();
      client.put("bootstrap.servers", broker.bootstrapServers());
      String unique = "bench-" + System.currentTimeMillis();
      TopicNames names = TopicNames.DEFAULTS.withPrefix(unique + ".");
      com.coachstream.common.kafka.TopicCreator.createAll(client, new com.coachstream.schemas.topics.Topics(names), 12, 1);
      realBroker(broker.bootstrapServers(), client, names, unique + "-app", dir.resolve("broker"));
    }
    System.exit(0);
  }

  @Test
  void topologyTestDriver() {
    topologyTestDriver(stateDir);
  }

  @Test
  void realBrokerExactlyOnce(KafkaTestBroker broker) throws Exception {
    TopicNames names = TopicNames.DEFAULTS.withPrefix(broker.uniqueName("bench") + ".");
    Map<String, Integer> partitions = new HashMap<>();
    names.asMap().values().forEach(n -> partitions.put(n, 12));
    broker.createTopics(partitions);
    realBroker(broker.bootstrapServers(), broker.clientProperties(), names, broker.uniqueName("bench-app"), stateDir);
  }

  static void topologyTestDriver(Path stateDir) {
    StreamsSettings settings = StreamsSettings.from(Settings.of(Map.of("state.dir", stateDir.toString())));
    long start = Instant.now().minus(Duration.ofDays(40)).toEpochMilli();
    try (TopologyTestDriver driver = new TopologyTestDriver(CoachingTopology.topology(settings),
        settings.streamsProperties(null))) {
      Topics t = settings.topics();
      TestInputTopic<String, InteractionEvent> interactions = driver.createInputTopic(t.interactions().name(),
          t.interactions().keySerde().serializer(), t.interactions().valueSerde().serializer());
      TestInputTopic<String, QaEvaluation> evaluations = driver.createInputTopic(t.qaEvaluations().name(),
          t.qaEvaluations().keySerde().serializer(), t.qaEvaluations().valueSerde().serializer());
      // the driver keeps every output record until read: drain them, as a consumer would
      var scores = driver.createOutputTopic(t.skillScores().name(), new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
          new org.apache.kafka.common.serialization.ByteArrayDeserializer());
      var alerts = driver.createOutputTopic(t.alerts().name(), new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
          new org.apache.kafka.common.serialization.ByteArrayDeserializer());
      var changelog = driver.createOutputTopic(settings.applicationId() + "-" + CoachingTopology.AGENT_STATE_STORE
          + "-changelog", new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
          new org.apache.kafka.common.serialization.ByteArrayDeserializer());
      Random random = new Random(1);
      long began = System.nanoTime();
      for (int i = 0; i < EVENTS; i++) {
        if (i % 10_000 == 0) {
          scores.readRecordsToList();
          alerts.readRecordsToList();
          changelog.readRecordsToList();
        }
        Object e = event(i, start, random);
        if (e instanceof InteractionEvent ie) {
          interactions.pipeInput(ie.getAgentId(), ie);
        } else {
          QaEvaluation qa = (QaEvaluation) e;
          evaluations.pipeInput(qa.getAgentId(), qa);
        }
      }
      report("TopologyTestDriver", began);
    }
  }

  static void realBroker(String bootstrap, Properties client, TopicNames names, String appId, Path stateDir)
      throws Exception {
    Topics topics = new Topics(names);
    long start = Instant.now().minus(Duration.ofDays(40)).toEpochMilli();
    Properties props = new Properties();
    props.putAll(client);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
    Random random = new Random(1);
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
      for (int i = 0; i < EVENTS; i++) {
        Object e = event(i, start, random);
        if (e instanceof InteractionEvent ie) {
          producer.send(new ProducerRecord<>(names.interactions(), ie.getAgentId().getBytes(StandardCharsets.UTF_8),
              topics.interactions().valueSerde().serializer().serialize(names.interactions(), ie)));
        } else {
          QaEvaluation qa = (QaEvaluation) e;
          producer.send(new ProducerRecord<>(names.qaEvaluations(), qa.getAgentId().getBytes(StandardCharsets.UTF_8),
              topics.qaEvaluations().valueSerde().serializer().serialize(names.qaEvaluations(), qa)));
        }
      }
    }
    Map<String, String> map = new HashMap<>(names.asMap());
    map.put("bootstrap.servers", bootstrap);
    map.put("application-id", appId);
    map.put("http.port", "0");
    map.put("state.dir", stateDir.toString());
    map.put("num.stream.threads", "2");
    map.put("kafka.consumer.auto.offset.reset", "earliest");
    System.out.printf("produced %,d events%n", EVENTS);
    long began = System.nanoTime();
    try (StreamsService service = StreamsService.start(Settings.of(map)); Admin admin = Admin.create(client)) {
      Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
      for (int p = 0; p < 12; p++) {
        ends.put(new TopicPartition(names.interactions(), p), OffsetSpec.latest());
        ends.put(new TopicPartition(names.qaEvaluations(), p), OffsetSpec.latest());
      }
      Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end = admin.listOffsets(ends).all().get();
      while (true) {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(appId)
            .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        long lag = end.entrySet().stream().mapToLong(e -> e.getValue().offset()
            - (committed.get(e.getKey()) == null ? 0 : committed.get(e.getKey()).offset())).sum();
        if (lag <= 0) {
          break;
        }
        TimeUnit.MILLISECONDS.sleep(500); // a benchmark polling lag, not a test waiting on state
      }
      report("real broker, exactly_once_v2, 2 threads, 12 partitions", began);
    }
  }

  private static void report(String where, long beganNanos) {
    double seconds = (System.nanoTime() - beganNanos) / 1e9;
    System.out.printf("BENCHMARK %s: %,d events in %.1f s = %,.0f events/s%n", where, EVENTS, seconds, EVENTS / seconds);
  }
}
