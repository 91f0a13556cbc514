package com.coachstream.schemas.serde;

import com.coachstream.schemas.registry.ConfluentFrame;
import com.coachstream.schemas.registry.SchemaRegistryClient;
import com.coachstream.schemas.registry.SchemaRegistryException;
import com.coachstream.schemas.registry.WireFormat;
import com.coachstream.schemas.validation.ReasonCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serde for one CoachStream record type with a schema registry. It writes the chosen
 * {@link WireFormat}: in {@code REGISTRY}, the Confluent layout ({@code 00}, schema id, body) with the
 * schema registered under {@code <topic>-value} (or {@code <topic>-key}) with BACKWARD compatibility.
 * It reads both formats, told apart by the first byte, so producers can switch one at a time. A record
 * whose schema id the registry does not know fails as {@code UNKNOWN_SCHEMA}; a registry that does not
 * answer fails as a plain {@link SerializationException}, never as a dead letter, since the record is fine.
 */
public final class RegistryAvroSerde<T extends SpecificRecord> implements Serde<T>, Serializer<T>, Deserializer<T> {

  private final Class<T> type;
  private final boolean isKey;
  private final WireFormat writeFormat;
  private final SchemaRegistryClient registry;
  private final AvroSerde<T> singleObject;
  private final SpecificData model;
  private final Schema schema;
  private final ThreadLocal<BinaryEncoder> encoders = new ThreadLocal<>();

  public RegistryAvroSerde(Class<T> type, boolean isKey, WireFormat writeFormat, SchemaRegistryClient registry) {
    this.type = type;
    this.isKey = isKey;
    this.writeFormat = writeFormat;
    this.registry = registry;
    this.singleObject = new AvroSerde<>(type);
    this.model = SpecificData.getForClass(type);
    this.schema = model.getSchema(type);
  }

  public Class<T> type() {
    return type;
  }

  public WireFormat writeFormat() {
    return writeFormat;
  }

  /** The subject of a topic under the topic-name strategy: {@code <topic>-value} or {@code <topic>-key}. */
  public static String subject(String topic, boolean isKey) {
    return topic + (isKey ? "-key" : "-value");
  }

  @Override
  public byte[] serialize(String topic, T data) {
    if (data == null || writeFormat == WireFormat.SINGLE_OBJECT) {
      return singleObject.serialize(topic, data);
    }
    try {
      int id = registry.idFor(subject(topic, isKey), schema);
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(body, encoders.get());
      encoders.set(encoder);
      new SpecificDatumWriter<T>(schema, model).write(data, encoder);
      encoder.flush();
      return ConfluentFrame.frame(id, body.toByteArray());
    } catch (IOException | RuntimeException e) {
      throw new SerializationException("Cannot encode " + type.getSimpleName() + " for topic " + topic + ": " + e.getMessage(), e);
    }
  }

  @Override
  public T deserialize(String topic, byte[] data) {
    if (data == null || ConfluentFrame.isSingleObject(data)) {
      return singleObject.deserialize(topic, data);
    }
    if (!ConfluentFrame.isFramed(data)) {
      throw new AvroDecodingException(ReasonCode.BAD_AVRO, "Neither registry-framed (00 and a schema id) nor "
          + "single-object encoded (C3 01) " + type.getSimpleName() + " on " + topic, null);
    }
    Schema writer = writerSchema(topic, ConfluentFrame.schemaId(data));
    try {
      var decoder = DecoderFactory.get().binaryDecoder(data, ConfluentFrame.HEADER_LENGTH,
          data.length - ConfluentFrame.HEADER_LENGTH, null);
      return new SpecificDatumReader<T>(writer, schema, model).read(null, decoder);
    } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException | NegativeArraySizeException
        | ClassCastException | IllegalArgumentException e) {
      throw new AvroDecodingException(ReasonCode.BAD_AVRO,
          "Corrupt or truncated registry-framed " + type.getSimpleName() + " on " + topic + ": " + e, e);
    }
  }

  private Schema writerSchema(String topic, int id) {
    try {
      Schema writer = registry.schemaById(id);
      if (!writer.getFullName().equals(schema.getFullName())) {
        throw new AvroDecodingException(ReasonCode.UNKNOWN_SCHEMA, "Schema id " + id + " on " + topic + " is "
            + writer.getFullName() + ", not " + schema.getFullName(), null);
      }
      return writer;
    } catch (SchemaRegistryException e) {
      if (e.status() == 404) {
        throw new AvroDecodingException(ReasonCode.UNKNOWN_SCHEMA,
            "Schema id " + id + " on " + topic + " is not in the registry: " + e.getMessage(), e);
      }
      throw new SerializationException("Cannot fetch schema id " + id + " for " + topic + ": " + e.getMessage(), e);
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
  public void configure(Map<String, ?> configs, boolean isKey) {
    // fixed at construction: the record type, key or value, the format and the registry
  }

  @Override
  public void close() {
    // the registry client is shared by every serde of the catalogue and holds no connection of its own
  }
}
