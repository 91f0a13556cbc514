package com.coachstream.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.coachstream.avro.InteractionEvent;
import com.coachstream.avro.QaEvaluation;
import com.coachstream.schemas.Fixtures;
import com.coachstream.schemas.validation.ReasonCode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Random;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {

  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  void everyRecordTypeRoundTripsThroughSingleObjectEncoding() {
    for (SpecificRecord record : Fixtures.everyType()) {
      AvroSerde serde = new AvroSerde(record.getClass());
      byte[] bytes = serde.serialize("t", record);
      assertThat(bytes[0]).isEqualTo((byte) 0xC3);
      assertThat(bytes[1]).isEqualTo((byte) 0x01);
      long fingerprint = ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
      assertThat(fingerprint).isEqualTo(SchemaCatalog.fingerprint(record.getSchema()));
      assertThat(serde.deserialize("t", bytes)).isEqualTo(record);
    }
  }

  @Test
  void nullStaysNullForTombstones() {
    AvroSerde<InteractionEvent> serde = new AvroSerde<>(InteractionEvent.class);
    assertThat(serde.serialize("t", null)).isNull();
    assertThat(serde.deserialize("t", null)).isNull();
  }

  @Test
  void randomBytesAreRejectedAsBadAvro() {
    byte[] garbage = new byte[64];
    new Random(7).nextBytes(garbage);
    assertThatThrownBy(() -> new AvroSerde<>(InteractionEvent.class).deserialize("cc.interactions.v1", garbage))
        .isInstanceOf(AvroDecodingException.class)
        .hasMessageContaining("Not an Avro single-object encoded InteractionEvent on cc.interactions.v1")
        .extracting(e -> ((AvroDecodingException) e).reason()).isEqualTo(ReasonCode.BAD_AVRO);
  }

  @Test
  void truncatedBodyIsRejectedAsBadAvro() {
    AvroSerde<InteractionEvent> serde = new AvroSerde<>(InteractionEvent.class);
    byte[] bytes = serde.serialize("t", Fixtures.interaction());
    byte[] truncated = Arrays.copyOf(bytes, bytes.length / 2);
    assertThatThrownBy(() -> serde.deserialize("t", truncated))
        .isInstanceOf(AvroDecodingException.class)
        .hasMessageContaining("Corrupt or truncated InteractionEvent")
        .extracting(e -> ((AvroDecodingException) e).reason()).isEqualTo(ReasonCode.BAD_AVRO);
  }

  @Test
  void aRecordOfAnotherTypeIsAnUnknownSchema() {
    byte[] evaluation = new AvroSerde<>(QaEvaluation.class).serialize("t", Fixtures.evaluation());
    assertThatThrownBy(() -> new AvroSerde<>(InteractionEvent.class).deserialize("t", evaluation))
        .isInstanceOf(AvroDecodingException.class)
        .extracting(e -> ((AvroDecodingException) e).reason()).isEqualTo(ReasonCode.UNKNOWN_SCHEMA);
  }

  @Test
  void anOlderWriterVersionIsDecodedIntoTheCurrentClass() {
    // An earlier shape of InteractionEvent without the optional fields added since.
    Schema old = SchemaBuilder.record("InteractionEvent").namespace("com.coachstream.avro").fields()
        .requiredString("interactionId").requiredString("agentId")
        .name("channel").type().enumeration("Channel").namespace("com.coachstream.avro")
        .symbols("VOICE", "CHAT", "EMAIL", "VIDEO", "SOCIAL", "SMS").noDefault()
        .name("startedAt").type(timestamp()).noDefault()
        .name("endedAt").type(timestamp()).noDefault()
        .endRecord();
    GenericRecord record = new GenericData.Record(old);
    record.put("interactionId", "int-9");
    record.put("agentId", "agent-1");
    record.put("channel", new GenericData.EnumSymbol(old.getField("channel").schema(), "CHAT"));
    record.put("startedAt", 1_000L);
    record.put("endedAt", 61_000L);
    byte[] bytes = encode(old, record);

    AvroSerde<InteractionEvent> serde = new AvroSerde<>(InteractionEvent.class, java.util.List.of(old));
    InteractionEvent decoded = serde.deserialize("t", bytes);
    assertThat(decoded.getInteractionId()).isEqualTo("int-9");
    assertThat(decoded.getHoldSeconds()).isZero();
    assertThat(decoded.getSkillSignals()).isEmpty();
    assertThat(decoded.getCustomerRef()).isNull();
  }

  private static Schema timestamp() {
    return org.apache.avro.LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG));
  }

  private static byte[] encode(Schema schema, GenericRecord record) {
    try {
      ByteBuffer buffer = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), schema).encode(record);
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      return bytes;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
