package com.coachstream.producer.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Every rejected line as JSON lines: {@code {"file": ..., "line": 12, "reason": "OUT_OF_RANGE",
 * "message": "csat: csat must be between 1 and 5, was 7"}}. The line's content is not copied (PII).
 */
final class RejectsFile implements AutoCloseable {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final BufferedWriter writer;

  RejectsFile(Path path) throws IOException {
    this.writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
  }

  synchronized void write(Rejection rejection) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("file", rejection.file());
    node.put("line", rejection.line());
    node.put("reason", rejection.reason().name());
    node.put("message", rejection.message());
    try {
      writer.write(node.toString());
      writer.newLine();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the rejects file: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() throws IOException {
    writer.close();
  }
}
