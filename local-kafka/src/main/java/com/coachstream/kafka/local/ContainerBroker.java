package com.coachstream.kafka.local;

import org.testcontainers.kafka.KafkaContainer;

/** A Kafka broker in a Testcontainers container; loaded only when a Docker engine answers. */
final class ContainerBroker {

  /** The official image of the Kafka version the project builds against; override with -Dcoachstream.test.kafka-image. */
  static final String IMAGE = System.getProperty("coachstream.test.kafka-image", "apache/kafka:4.3.1");

  private ContainerBroker() { }

  static KafkaBrokerExtension.StartedBroker start() {
    KafkaContainer container = new KafkaContainer(IMAGE)
        .withEnv("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1")
        .withEnv("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1")
        .withEnv("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1")
        .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0")
        .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
    container.start();
    return new KafkaBrokerExtension.StartedBroker(
        new KafkaBrokerExtension.FixedBroker(container.getBootstrapServers(), KafkaTestBroker.Kind.TESTCONTAINERS),
        container::stop);
  }
}
