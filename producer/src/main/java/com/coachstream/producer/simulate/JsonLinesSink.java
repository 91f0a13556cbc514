package com.coachstream.producer.simulate;

import com.coachstream.schemas.json.EventJson;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes simulated events as JSON lines (docs/operations.md), the format {@code produce import} reads. */
public final class JsonLinesSink implements EventSink {

  private final BufferedWriter writer;

  public JsonLinesSink(Path file) throws IOException {
    this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
  }

  @Override
  public void accept(SimulatedEvent event) throws IOException {
    writer.write(EventJson.toJson(event.event()).toString());
    writer.newLine();
  }

  @Override
  public void close() throws IOException {
    writer.close();
  }
}
