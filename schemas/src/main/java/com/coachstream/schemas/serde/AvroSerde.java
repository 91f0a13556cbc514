package com.coachstream.schemas.serde;

import com.coachstream.schemas.validation.ReasonCode;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.message.BadHeaderException;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.MissingSchemaException;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serde for one CoachStream record type in Avro's single-object encoding: the marker {@code C3 01},
 * the 8-byte little-endian CRC-64-AVRO fingerprint of the writer schema, then the Avro binary body.
 *
 * <p>Works for plain clients and Kafka Streams alike. Records written with an older released schema are
 * decoded into the current classes through the {@link SchemaCatalog}. A value that cannot be decoded
 * fails with an {@link AvroDecodingException} naming the reason, never with a hang or a null.
 * Thread-safe: Avro's encoder and decoder keep their buffers per thread.
 */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T>, Serializer<T>, Deserializer<T> {

  private final Class<T> type;
  private final BinaryMessageEncoder<T> encoder;
  private final BinaryMessageDecoder<T> decoder;

  /** A serde that reads the current version and every released version of {@code type}. */
  public AvroSerde(Class<T> type) {
    this(type, SchemaCatalog.get().released(SpecificData.getForClass(type).getSchema(type).getFullName()));
  }

  /** A serde that also reads the given older writer schemas of {@code type}. */
  public AvroSerde(Class<T> type, java.util.List<Schema> olderWriterSchemas) {
    this.type = type;
    SpecificData model = SpecificData.getForClass(type);
    Schema schema = model.getSchema(type);
    this.encoder = new BinaryMessageEncoder<>(model, schema);
    this.decoder = new BinaryMessageDecoder<>(model, schema);
    olderWriterSchemas.forEach(decoder::addSchema);
  }

  public Class<T> type() {
    return type;
  }

  @Override
  public byte[] serialize(String topic, T data) {
    if (data == null) {
      return null; // a tombstone stays a tombstone
    }
    try {
      ByteBuffer buffer = encoder.encode(data);
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      return bytes;
    } catch (IOException | RuntimeException e) {
      throw new SerializationException("Cannot encode " + type.getSimpleName() + " for topic " + topic + ": " + e.getMessage(), e);
    }
  }

  @Override
  public T deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    try {
      return decoder.decode(data);
    } catch (BadHeaderException e) {
      throw new AvroDecodingException(ReasonCode.BAD_AVRO,
          "Not an Avro single-object encoded " + type.getSimpleName() + " on " + topic + ": " + e.getMessage(), e);
    } catch (MissingSchemaException e) {
      throw new AvroDecodingException(ReasonCode.UNKNOWN_SCHEMA,
          "Unknown writer schema for " + type.getSimpleName() + " on " + topic + " (not a known version of it): " + e.getMessage(), e);
    } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException | NegativeArraySizeException
        | ClassCastException | IllegalArgumentException e) {
      throw new AvroDecodingException(ReasonCode.BAD_AVRO,
          "Corrupt or truncated " + type.getSimpleName() + " on " + topic + ": " + e, e);
    }
  }

  @Override
  public Serializer<T> serializer() {
    return this;
  }

  @Override
  public Deserializer<T> deserializer() {
    return this;
  }

  @Override
  public void configure(java.util.Map<String, ?> configs, boolean isKey) {
    // nothing to configure: the record type is fixed at construction and schemas ship in the jar
  }

  @Override
  public void close() {
    // nothing to release: Kafka closes serializer and deserializer separately, both are this instance
  }
}
