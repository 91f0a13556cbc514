package com.coachstream.schemas.json;

import com.coachstream.schemas.registry.ConfluentFrame;
import com.coachstream.schemas.registry.SchemaRegistryClient;
import com.coachstream.schemas.registry.SchemaRegistryException;
import com.coachstream.schemas.serde.AvroDecodingException;
import com.coachstream.schemas.serde.SchemaCatalog;
import com.coachstream.schemas.validation.ReasonCode;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;

/**
 * Decodes any CoachStream record to JSON from its bytes alone: the single-object header names the writer
 * schema, which the {@link SchemaCatalog} knows. The decoder data teams and {@code coachstream consume} use.
 */
public final class RecordDecoder {

  private static final int HEADER_LENGTH = 10;

  private RecordDecoder() { }

  /** The record's JSON, or an {@link AvroDecodingException} saying why the bytes are not a known record. */
  public static JsonNode toJson(byte[] bytes) {
    return toJson(bytes, Optional.empty());
  }

  /**
   * As {@link #toJson(byte[])}, and a registry-framed record ({@code 00}, schema id, body) is decoded with
   * its writer schema from {@code registry}.
   */
  public static JsonNode toJson(byte[] bytes, Optional<SchemaRegistryClient> registry) {
    if (ConfluentFrame.isFramed(bytes)) {
      return registryFramed(bytes, registry.orElseThrow(() -> new AvroDecodingException(ReasonCode.UNKNOWN_SCHEMA,
          "registry-framed record (schema id " + ConfluentFrame.schemaId(bytes) + ") but no schema.registry.url set", null)));
    }
    if (bytes == null || bytes.length < HEADER_LENGTH || bytes[0] != (byte) 0xC3 || bytes[1] != (byte) 0x01) {
      throw new AvroDecodingException(ReasonCode.BAD_AVRO, "not Avro single-object encoding (no C3 01 marker)", null);
    }
    long fingerprint = ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    Schema writer = SchemaCatalog.get().byFingerprint(fingerprint).orElseThrow(() -> new AvroDecodingException(
        ReasonCode.UNKNOWN_SCHEMA, "unknown writer schema fingerprint " + Long.toHexString(fingerprint), null));
    return decode(bytes, HEADER_LENGTH, writer);
  }

  private static JsonNode registryFramed(byte[] bytes, SchemaRegistryClient registry) {
    int id = ConfluentFrame.schemaId(bytes);
    Schema writer;
    try {
      writer = registry.schemaById(id);
    } catch (SchemaRegistryException e) {
      throw new AvroDecodingException(ReasonCode.UNKNOWN_SCHEMA, "schema id " + id + ": " + e.getMessage(), e);
    }
    return decode(bytes, ConfluentFrame.HEADER_LENGTH, writer);
  }

  private static JsonNode decode(byte[] bytes, int offset, Schema writer) {
    try {
      var decoder = DecoderFactory.get().binaryDecoder(bytes, offset, bytes.length - offset, null);
      GenericRecord record = new GenericDatumReader<GenericRecord>(writer).read(null, decoder);
      return AvroJson.toJson(record, writer);
    } catch (IOException | RuntimeException e) {
      throw new AvroDecodingException(ReasonCode.BAD_AVRO, "corrupt " + writer.getName() + ": " + e, e);
    }
  }
}
