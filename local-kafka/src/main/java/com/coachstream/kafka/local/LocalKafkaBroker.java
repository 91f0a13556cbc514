package com.coachstream.kafka.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Kafka broker (KRaft, broker and controller combined) running in this JVM.
 *
 * <p>Built on Apache Kafka's own test kit from Maven Central, so the demo and the tests need no Docker and
 * no manual install. One node means every replication factor and min-ISR must be 1, or consumer groups and
 * transactions (exactly-once) never start.
 */
public final class LocalKafkaBroker implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(LocalKafkaBroker.class);

  private final KafkaClusterTestKit cluster;
  private final Path dataDir;
  private final Duration startTime;

  private LocalKafkaBroker(KafkaClusterTestKit cluster, Path dataDir, Duration startTime) {
    this.cluster = cluster;
    this.dataDir = dataDir;
    this.startTime = startTime;
  }

  /** Starts a broker with default settings and waits until it accepts clients. */
  public static LocalKafkaBroker start() {
    return start(Map.of());
  }

  /**
   * Starts a broker; {@code overrides} are broker configs that win over the single-node defaults.
   *
   * @throws IllegalStateException if the broker does not start
   */
  public static LocalKafkaBroker start(Map<String, String> overrides) {
    return start(overrides, null);
  }

  /** Starts a broker whose client listener speaks TLS with the given material (clients: {@link TlsMaterial#clientProperties()}). */
  public static LocalKafkaBroker startWithTls(TlsMaterial tls) {
    return start(Map.of(), tls);
  }

  private static LocalKafkaBroker start(Map<String, String> overrides, TlsMaterial tls) {
    long began = System.nanoTime();
    try {
      Path dataDir = Files.createTempDirectory("coachstream-kafka-");
      TestKitNodes.Builder nodesBuilder = new TestKitNodes.Builder()
          .setCombined(true)
          .setNumBrokerNodes(1)
          .setNumControllerNodes(1)
          .setBaseDirectory(dataDir);
      KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodesBuilder.build()).setDeleteOnClose(true);
      Map<String, String> config = new HashMap<>(singleNodeDefaults());
      if (tls != null) {
        // The test kit only sets up PLAINTEXT listeners, but lets a config override the protocol map:
        // the client (and inter-broker) listener speaks TLS, the controller listener stays internal.
        config.put("listener.security.protocol.map", "EXTERNAL:SSL,CONTROLLER:PLAINTEXT");
        config.putAll(tls.brokerProperties());
      }
      config.putAll(overrides);
      config.forEach(builder::setConfigProp);
      KafkaClusterTestKit cluster = builder.build();
      formatQuietly(cluster);
      cluster.startup();
      cluster.waitForReadyBrokers();
      Duration took = Duration.ofNanos(System.nanoTime() - began);
      LocalKafkaBroker broker = new LocalKafkaBroker(cluster, dataDir, took);
      log.info("Local Kafka broker ready at {} in {} ms", broker.bootstrapServers(), took.toMillis());
      return broker;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while starting the local Kafka broker", e);
    } catch (Exception e) {
      throw new IllegalStateException("Could not start the local Kafka broker: " + e.getMessage(), e);
    }
  }

  /**
   * Formats the storage. The test kit prints its bootstrap metadata to standard output, which would be the
   * first thing a user of the demo sees; it goes to the log at debug level instead.
   */
  private static void formatQuietly(KafkaClusterTestKit cluster) throws Exception {
    java.io.PrintStream console = System.out;
    java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
    System.setOut(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      cluster.format();
    } finally {
      System.setOut(console);
      log.debug("Storage formatted: {}", captured.toString(java.nio.charset.StandardCharsets.UTF_8).trim());
    }
  }

  /** Broker settings a single node needs, plus a small memory footprint. */
  static Map<String, String> singleNodeDefaults() {
    Map<String, String> config = new HashMap<>();
    config.put("offsets.topic.replication.factor", "1");
    config.put("offsets.topic.num.partitions", "12");
    config.put("transaction.state.log.replication.factor", "1");
    config.put("transaction.state.log.min.isr", "1");
    config.put("transaction.state.log.num.partitions", "12");
    config.put("share.coordinator.state.topic.replication.factor", "1");
    config.put("share.coordinator.state.topic.min.isr", "1");
    config.put("default.replication.factor", "1");
    config.put("min.insync.replicas", "1");
    config.put("num.partitions", "1");
    config.put("auto.create.topics.enable", "false");
    // The log cleaner's dedupe buffer defaults to 128 MiB; compacted topics here are small.
    config.put("log.cleaner.dedupe.buffer.size", String.valueOf(4 * 1024 * 1024));
    config.put("log.cleaner.threads", "1");
    // Consumer groups in tests and the demo should start without the 3 s rebalance delay.
    config.put("group.initial.rebalance.delay.ms", "0");
    config.put("message.max.bytes", String.valueOf(2 * 1024 * 1024));
    return config;
  }

  public String bootstrapServers() {
    return cluster.bootstrapServers();
  }

  /** How long start-up took, from the call to {@link #start()} until the broker was ready. */
  public Duration startTime() {
    return startTime;
  }

  public Path dataDirectory() {
    return dataDir;
  }

  /** Stops the broker and deletes its data. */
  @Override
  public void close() {
    try {
      cluster.close();
    } catch (Exception e) {
      log.warn("Error while stopping the local Kafka broker: {}", e.toString());
    } finally {
      deleteQuietly(dataDir);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (Exception e) {
      log.debug("Could not delete {}: {}", dir, e.toString());
    }
  }
}
