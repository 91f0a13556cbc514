package com.coachstream.schemas.json;

import com.coachstream.schemas.serde.AvroDecodingException;
import com.coachstream.schemas.serde.SchemaCatalog;
import com.coachstream.schemas.validation.ReasonCode;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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
    if (bytes == null || bytes.length < HEADER_LENGTH || bytes[0] != (byte) 0xC3 || bytes[1] != (byte) 0x01) {
      throw new AvroDecodingException(ReasonCode.BAD_AVRO, "not Avro single-object encoding (no C3 01 marker)", null);
    }
    long fingerprint = ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    Schema writer = SchemaCatalog.get().byFingerprint(fingerprint).orElseThrow(() -> new AvroDecodingException(
        ReasonCode.UNKNOWN_SCHEMA, "unknown writer schema fingerprint " + Long.toHexString(fingerprint), null));
    try {
      var decoder = DecoderFactory.get().binaryDecoder(bytes, HEADER_LENGTH, bytes.length - HEADER_LENGTH, null);
      GenericRecord record = new GenericDatumReader<GenericRecord>(writer).read(null, decoder);
      return AvroJson.toJson(record, writer);
    } catch (IOException | RuntimeException e) {
      throw new AvroDecodingException(ReasonCode.BAD_AVRO, "corrupt " + writer.getName() + ": " + e, e);
    }
  }
}
