package com.coachstream.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.coachstream.avro.AgentWindowKey;
import com.coachstream.avro.InteractionEvent;
import com.coachstream.kafka.local.KafkaBrokerExtension;
import com.coachstream.kafka.local.KafkaTestBroker;
import com.coachstream.kafka.local.LocalSchemaRegistry;
import com.coachstream.kafka.local.SchemaRegistryExtension;
import com.coachstream.schemas.Fixtures;
import com.coachstream.schemas.json.RecordDecoder;
import com.coachstream.schemas.registry.ConfluentFrame;
import com.coachstream.schemas.registry.RegistryConnection;
import com.coachstream.schemas.registry.SchemaRegistryClient;
import com.coachstream.schemas.registry.SchemaRegistryException;
import com.coachstream.schemas.registry.WireFormat;
import com.coachstream.schemas.topics.TopicNames;
import com.coachstream.schemas.topics.Topics;
import com.coachstream.schemas.validation.ReasonCode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** The registry wire format against a real broker and a real Apicurio registry (one per class). */
@Tag("integration")
@Timeout(300)
@ExtendWith({KafkaBrokerExtension.class, SchemaRegistryExtension.class})
class RegistrySerdeIT {

  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  void everyRecordTypeGoesThroughBrokerAndRegistryAndComesBackEqual(KafkaTestBroker broker, LocalSchemaRegistry registry) {
    System.out.println("Schema registry start time: " + registry.startTime().toMillis() + " ms");
    SchemaRegistryClient client = new SchemaRegistryClient(RegistryConnection.of(registry.ccompatUrl()));
    for (SpecificRecord record : Fixtures.everyType()) {
      String topic = broker.uniqueName(record.getClass().getSimpleName());
      broker.createTopics(Map.of(topic, 1));
      RegistryAvroSerde serde = new RegistryAvroSerde(record.getClass(), false, WireFormat.REGISTRY, client);
      byte[] written;
      try (var producer = new KafkaProducer<byte[], SpecificRecord>(broker.clientProperties(),
          new org.apache.kafka.common.serialization.ByteArraySerializer(), serde)) {
        producer.send(new ProducerRecord<>(topic, record));
      }
      List<byte[]> raw = broker.readValues(topic, 1);
      written = raw.get(0);
      assertThat(written[0]).isEqualTo(ConfluentFrame.MAGIC);
      assertThat(serde.deserialize(topic, written)).isEqualTo(record);
      // a fresh client (no cache) finds the same schema by id: what any third-party reader does
      SchemaRegistryClient fresh = new SchemaRegistryClient(RegistryConnection.of(registry.ccompatUrl()));
      assertThat(fresh.schemaById(ConfluentFrame.schemaId(written))).isEqualTo(record.getSchema());
      assertThat(fresh.compatibility(topic + "-value")).isEqualTo("BACKWARD");
      assertThat(RecordDecoder.toJson(written, Optional.of(fresh)).isObject()).isTrue();
    }
  }

  @Test
  void theCatalogueGivesEveryTopicTheRegistryFormatWithAvroKeysUnderKeySubjects(LocalSchemaRegistry registry) {
    SchemaRegistryClient client = new SchemaRegistryClient(RegistryConnection.of(registry.ccompatUrl()));
    Topics topics = new Topics(TopicNames.DEFAULTS.withPrefix("cat-"), AvroSerdes.withRegistry(WireFormat.REGISTRY, client));
    String name = topics.skillScores().name();
    byte[] key = topics.skillScores().keySerde().serializer().serialize(name, Fixtures.windowKey());
    byte[] value = topics.skillScores().valueSerde().serializer().serialize(name, Fixtures.window());
    assertThat(ConfluentFrame.schemaId(key)).isNotEqualTo(ConfluentFrame.schemaId(value));
    assertThat(client.schemaById(ConfluentFrame.schemaId(key)).getFullName()).isEqualTo(AgentWindowKey.getClassSchema().getFullName());
    assertThat(client.compatibility(name + "-key")).isEqualTo("BACKWARD");
    assertThat(topics.skillScores().valueSerde().deserializer().deserialize(name, value)).isEqualTo(Fixtures.window());
    assertThat(topics.all()).allSatisfy(topic -> {
      if (!(topic.valueSerde() instanceof org.apache.kafka.common.serialization.Serdes.ByteArraySerde)) {
        assertThat(topic.valueSerde()).as(topic.name()).isInstanceOf(RegistryAvroSerde.class);
      }
    });
  }

  @Test
  void aReaderWithARegistryTakesBothFormatsSoProducersMoveOneAtATime(LocalSchemaRegistry registry) {
    SchemaRegistryClient client = new SchemaRegistryClient(RegistryConnection.of(registry.ccompatUrl()));
    var reader = new RegistryAvroSerde<>(InteractionEvent.class, false, WireFormat.SINGLE_OBJECT, client);
    var oldProducer = new AvroSerde<>(InteractionEvent.class);
    var newProducer = new RegistryAvroSerde<>(InteractionEvent.class, false, WireFormat.REGISTRY, client);
    assertThat(reader.serialize("mixed", Fixtures.interaction())[0]).isEqualTo((byte) 0xC3);
    assertThat(reader.deserialize("mixed", oldProducer.serialize("mixed", Fixtures.interaction()))).isEqualTo(Fixtures.interaction());
    assertThat(reader.deserialize("mixed", newProducer.serialize("mixed", Fixtures.interaction()))).isEqualTo(Fixtures.interaction());
  }

  @Test
  void anUnknownSchemaIdOrAnotherTypeIsADeadLetterReasonNotACrash(LocalSchemaRegistry registry) {
    SchemaRegistryClient client = new SchemaRegistryClient(RegistryConnection.of(registry.ccompatUrl()));
    var serde = new RegistryAvroSerde<>(InteractionEvent.class, false, WireFormat.REGISTRY, client);
    assertThatThrownBy(() -> serde.deserialize("t", ConfluentFrame.frame(987654, new byte[] {2})))
        .isInstanceOf(AvroDecodingException.class)
        .extracting(e -> ((AvroDecodingException) e).reason()).isEqualTo(ReasonCode.UNKNOWN_SCHEMA);
    byte[] alert = new RegistryAvroSerde<>(com.coachstream.avro.CoachingAlert.class, false, WireFormat.REGISTRY, client)
        .serialize("other-type", Fixtures.alert());
    assertThatThrownBy(() -> serde.deserialize("t", alert)).isInstanceOf(AvroDecodingException.class)
        .hasMessageContaining("CoachingAlert");
    assertThatThrownBy(() -> serde.deserialize("t", new byte[] {7, 7, 7}))
        .extracting(e -> ((AvroDecodingException) e).reason()).isEqualTo(ReasonCode.BAD_AVRO);
  }

  @Test
  void aChangeThatBreaksBackwardCompatibilityIsRefused(LocalSchemaRegistry registry) {
    SchemaRegistryClient client = new SchemaRegistryClient(RegistryConnection.of(registry.ccompatUrl()));
    Schema v1 = SchemaBuilder.record("Probe").fields().requiredInt("x").endRecord();
    Schema breaking = SchemaBuilder.record("Probe").fields().requiredInt("y").endRecord();
    Schema compatible = SchemaBuilder.record("Probe").fields().requiredInt("x").optionalString("note").endRecord();
    client.idFor("compat-probe-value", v1);
    assertThat(client.idFor("compat-probe-value", compatible)).isPositive();
    assertThatThrownBy(() -> client.idFor("compat-probe-value", breaking))
        .isInstanceOf(SchemaRegistryException.class).extracting(e -> ((SchemaRegistryException) e).status()).isEqualTo(409);
  }
}
