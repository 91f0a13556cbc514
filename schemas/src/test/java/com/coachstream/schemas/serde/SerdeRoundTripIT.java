package com.coachstream.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.coachstream.kafka.local.KafkaBrokerExtension;
import com.coachstream.kafka.local.KafkaTestBroker;
import com.coachstream.schemas.Fixtures;
import com.coachstream.schemas.validation.ReasonCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

@Tag("integration")
@Timeout(120)
@ExtendWith(KafkaBrokerExtension.class)
class SerdeRoundTripIT {

  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  void everyRecordTypeGoesThroughTheBrokerAndComesBackEqual(KafkaTestBroker broker) {
    for (SpecificRecord record : Fixtures.everyType()) {
      String topic = broker.uniqueName(record.getClass().getSimpleName());
      broker.createTopics(Map.of(topic, 1));
      AvroSerde serde = new AvroSerde(record.getClass());
      try (var producer = new KafkaProducer<String, SpecificRecord>(broker.clientProperties(), new StringSerializer(), serde)) {
        producer.send(new ProducerRecord<>(topic, "k", record));
      }
      try (var consumer = new KafkaConsumer<String, SpecificRecord>(consumerProps(broker), new StringDeserializer(), serde)) {
        consumer.subscribe(List.of(topic));
        List<SpecificRecord> received = new ArrayList<>();
        pollUntil(() -> consumer.poll(Duration.ofMillis(200)).forEach(r -> received.add(r.value())), () -> !received.isEmpty());
        assertThat(received).containsExactly(record);
      }
    }
  }

  @Test
  void aCorruptedValueFailsWithAClearErrorNotAHang(KafkaTestBroker broker) {
    String topic = broker.uniqueName("corrupt");
    broker.createTopics(Map.of(topic, 1));
    byte[] good = new AvroSerde<>(com.coachstream.avro.InteractionEvent.class).serialize(topic, Fixtures.interaction());
    byte[] corrupted = java.util.Arrays.copyOf(good, 14);
    try (var producer = new KafkaProducer<>(broker.clientProperties(), new StringSerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(topic, "k", corrupted));
    }
    var serde = new AvroSerde<>(com.coachstream.avro.InteractionEvent.class);
    try (var consumer = new KafkaConsumer<>(consumerProps(broker), new StringDeserializer(), serde)) {
      consumer.subscribe(List.of(topic));
      assertThatThrownBy(() -> pollUntil(() -> consumer.poll(Duration.ofMillis(200)), () -> false))
          .isInstanceOf(RecordDeserializationException.class)
          .hasRootCauseInstanceOf(java.io.EOFException.class)
          .cause().isInstanceOf(AvroDecodingException.class)
          .hasMessageContaining("Corrupt or truncated InteractionEvent")
          .extracting(e -> ((AvroDecodingException) e).reason()).isEqualTo(ReasonCode.BAD_AVRO);
    }
  }

  private static Properties consumerProps(KafkaTestBroker broker) {
    Properties props = broker.clientProperties();
    props.put(ConsumerConfig.GROUP_ID_CONFIG, broker.uniqueName("group"));
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    return props;
  }

  /** Polls until the condition holds; gives up (and fails) after 30 s so a broken broker cannot hang the build. */
  private static void pollUntil(Runnable poll, java.util.function.BooleanSupplier done) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not reached within 30 s");
      }
      poll.run();
    }
  }
}
