package com.coachstream.kafka.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The child-JVM broker keeps its port and its data across a clean stop and a kill -9. */
@Tag("integration")
@Timeout(240)
class RestartableKafkaBrokerIT {

  @Test
  void recordsSurviveAStopAndAKillOnTheSamePort() throws Exception {
    try (RestartableKafkaBroker broker = RestartableKafkaBroker.start()) {
      String bootstrap = broker.bootstrapServers();
      Properties client = new Properties();
      client.put("bootstrap.servers", bootstrap);
      try (Admin admin = Admin.create(client)) {
        admin.createTopics(List.of(new NewTopic("restart-smoke", 2, (short) 1))).all().get(30, TimeUnit.SECONDS);
      }
      send(client, "before-stop");
      broker.stop();
      assertThat(broker.isRunning()).isFalse();
      broker.restart();
      send(client, "after-stop");
      broker.kill();
      broker.restart();
      send(client, "after-kill");

      assertThat(broker.bootstrapServers()).isEqualTo(bootstrap);
      assertThat(readAll(client)).containsExactlyInAnyOrder("before-stop", "after-stop", "after-kill");
    }
  }

  private static void send(Properties client, String value) throws Exception {
    Properties props = new Properties();
    props.putAll(client);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    try (var producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>("restart-smoke", value, value)).get(60, TimeUnit.SECONDS);
    }
  }

  private static List<String> readAll(Properties client) {
    Properties props = new Properties();
    props.putAll(client);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "restart-smoke-reader");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<String> values = new ArrayList<>();
    try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of("restart-smoke"));
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (values.size() < 3 && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
      }
    }
    return values;
  }
}
