package com.coachstream.kafka.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

@Tag("integration")
@Timeout(120)
@ExtendWith(KafkaBrokerExtension.class)
class LocalKafkaBrokerIT {

  @Test
  void transactionalProducerAndConsumerGroupWorkOnTheBroker(KafkaTestBroker broker) throws Exception {
    String topic = broker.uniqueName("smoke");
    broker.createTopics(Map.of(topic, 3));

    Properties producerProps = broker.clientProperties();
    producerProps.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, broker.uniqueName("tx"));
    try (var producer = new KafkaProducer<>(producerProps, new StringSerializer(), new StringSerializer())) {
      producer.initTransactions();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topic, "agent-1", "hello"));
      producer.commitTransaction();
    }

    Properties consumerProps = broker.clientProperties();
    consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, broker.uniqueName("group"));
    consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    consumerProps.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    try (var consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      List<ConsumerRecord<String, String>> received = new java.util.ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (received.isEmpty() && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(received::add);
      }
      assertThat(received).singleElement().satisfies(r -> {
        assertThat(r.key()).isEqualTo("agent-1");
        assertThat(r.value()).isEqualTo("hello");
      });
    }
  }
}
