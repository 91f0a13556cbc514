package com.coachstream.kafka.local;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;

/** The broker an integration-test class was given by {@link KafkaBrokerExtension}. */
public interface KafkaTestBroker {

  /** Where the broker came from; logged once so a test run says which broker it used. */
  enum Kind { EXTERNAL, TESTCONTAINERS, LOCAL }

  String bootstrapServers();

  Kind kind();

  /** A name no other test uses, for topics and application ids: tests never share state. */
  default String uniqueName(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Properties with the bootstrap servers set, for any client. */
  default Properties clientProperties() {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    return props;
  }

  /**
   * Creates topics (name to partition count) and waits until every partition accepts writes: its leader
   * answers a ListOffsets for it. Writing the moment a topic exists can stall an idempotent producer on
   * brokers before Kafka 4.5 (KAFKA-15591). The product's own check is {@code TopicReadiness} in the common
   * module, which this test-broker module cannot depend on; this is the short form for tests.
   */
  default void createTopics(Map<String, Integer> topics) {
    try (Admin admin = Admin.create(clientProperties())) {
      admin.createTopics(topics.entrySet().stream()
              .map(t -> new NewTopic(t.getKey(), t.getValue(), (short) 1))
              .toList())
          .all()
          .get(30, TimeUnit.SECONDS);
      Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
      topics.forEach((topic, count) -> IntStream.range(0, count)
          .forEach(p -> partitions.put(new TopicPartition(topic, p), OffsetSpec.latest())));
      awaitWritable(admin, partitions);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("Could not create topics " + topics.keySet() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Asks every partition's leader for its end offset until all answer. The admin client fails at once, rather
   * than retrying, while the topic's metadata has not reached the broker it asks: that error is retriable.
   */
  private static void awaitWritable(Admin admin, Map<TopicPartition, OffsetSpec> partitions)
      throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      try {
        admin.listOffsets(partitions).all().get(30, TimeUnit.SECONDS);
        return;
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof RetriableException) || System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(100); // the broker's metadata catches up on its own; nothing to wait on but time
      }
    }
  }

  /**
   * The raw values of the first {@code expected} records of {@code topic}, from the beginning; fewer within
   * 30 s is an {@link AssertionError} naming how many arrived.
   */
  default java.util.List<byte[]> readValues(String topic, int expected) {
    Properties props = clientProperties();
    props.put(org.apache.kafka.clients.consumer.ConsumerConfig.GROUP_ID_CONFIG, uniqueName("read-values"));
    props.put(org.apache.kafka.clients.consumer.ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    java.util.List<byte[]> values = new java.util.ArrayList<>();
    var bytes = new org.apache.kafka.common.serialization.ByteArrayDeserializer();
    try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<>(props, bytes, bytes)) {
      consumer.subscribe(java.util.List.of(topic));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (values.size() < expected && System.nanoTime() < deadline) {
        consumer.poll(java.time.Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
      }
    }
    if (values.size() < expected) {
      throw new AssertionError(topic + ": " + values.size() + " of " + expected + " records within 30 s");
    }
    return values.subList(0, expected);
  }
}
