package com.coachstream.systemtests.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;

/**
 * A reader that knows only what any data team's client knows: the Confluent layout (a zero byte, a 4-byte
 * big-endian schema id, the Avro body), the registry's {@code /schemas/ids/{id}} endpoint and plain Avro.
 * Nothing of CoachStream's code: it stands for Connect, ksqlDB, Flink or a Python consumer.
 */
public final class ConfluentLayoutReader {

  private final String registryUrl;
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private final Map<Integer, Schema> schemas = new HashMap<>();

  public ConfluentLayoutReader(String registryUrl) {
    this.registryUrl = registryUrl;
  }

  /** The record in {@code bytes}; fails if they are not in the Confluent layout. */
  public GenericRecord read(byte[] bytes) {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    if (buffer.get() != 0) {
      throw new IllegalArgumentException("not the Confluent layout: first byte " + bytes[0]);
    }
    Schema writer = schemas.computeIfAbsent(buffer.getInt(), this::fetch);
    try {
      var decoder = DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null);
      return new GenericDatumReader<GenericRecord>(writer).read(null, decoder);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Schema fetch(int id) {
    try {
      HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(registryUrl + "/schemas/ids/" + id)).build(),
          HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() != 200) {
        throw new IllegalStateException("schema " + id + ": HTTP " + answer.statusCode() + " " + answer.body());
      }
      return new Schema.Parser().parse(json.readTree(answer.body()).get("schema").asText());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
