package com.coachstream.producer.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Every rejected line as JSON lines: {@code {"file": ..., "line": 12, "reason": "OUT_OF_RANGE",
 * "message": "csat: csat must be between 1 and 5, was 7"}}, and every valid line that Kafka did not
 * acknowledge, with reason {@code NOT_WRITTEN}: {@code {"file": ..., "line": 40, "reason": "NOT_WRITTEN",
 * "message": "send failed"}}. The line's content is not copied (PII).
 *
 * <p>Written as bytes by Jackson, which escapes what UTF-8 cannot carry: a message may quote a field holding half
 * of a surrogate pair (JSON escapes can send one), which a character writer refuses to encode.
 */
final class RejectsFile implements AutoCloseable {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final byte[] LINE_END = System.lineSeparator().getBytes(StandardCharsets.UTF_8);
  private final OutputStream out;

  RejectsFile(Path path) throws IOException {
    this.out = new BufferedOutputStream(Files.newOutputStream(path));
  }

  /** The reason given to a valid line that is not on its topic. */
  static final String NOT_WRITTEN = "NOT_WRITTEN";

  void write(Rejection rejection) {
    write(rejection.file(), rejection.line(), rejection.reason().name(), rejection.message());
  }

  void write(NotWritten line) {
    write(line.file(), line.line(), NOT_WRITTEN, line.why().text());
  }

  private synchronized void write(String file, long line, String reason, String message) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("file", file);
    node.put("line", line);
    node.put("reason", reason);
    node.put("message", message);
    try {
      out.write(MAPPER.writeValueAsBytes(node));
      out.write(LINE_END);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the rejects file: " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void close() throws IOException {
    out.close();
  }
}
