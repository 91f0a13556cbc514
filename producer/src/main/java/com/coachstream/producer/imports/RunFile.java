package com.coachstream.producer.imports;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A sorted run spilled to disk: each event as its time, file, line, payload length and payload. Written
 * once, read once, front to back.
 */
final class RunFile {

  private static final int BUFFER_BYTES = 1 << 16;

  private RunFile() { }

  /** Writes events that are already in order. */
  static void write(Path path, List<ImportedEvent> events) throws IOException {
    try (DataOutputStream out = open(path)) {
      for (ImportedEvent event : events) {
        write(out, event);
      }
    }
  }

  /** Writes whatever {@code cursor} yields, in its order. */
  static void write(Path path, EventCursor cursor) throws IOException {
    try (DataOutputStream out = open(path)) {
      for (ImportedEvent event = cursor.next(); event != null; event = cursor.next()) {
        write(out, event);
      }
    }
  }

  static EventCursor read(Path path) throws IOException {
    DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(path), BUFFER_BYTES));
    return new EventCursor() {
      @Override
      public ImportedEvent next() throws IOException {
        long eventTime;
        try {
          eventTime = in.readLong();
        } catch (EOFException end) {
          return null;
        }
        int file = in.readInt();
        long line = in.readLong();
        byte[] payload = new byte[in.readInt()];
        in.readFully(payload);
        return new ImportedEvent(eventTime, file, line, payload);
      }

      @Override
      public void close() throws IOException {
        in.close();
      }
    };
  }

  private static DataOutputStream open(Path path) throws IOException {
    return new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(path), BUFFER_BYTES));
  }

  private static void write(DataOutputStream out, ImportedEvent event) throws IOException {
    out.writeLong(event.eventTime());
    out.writeInt(event.file());
    out.writeLong(event.line());
    out.writeInt(event.payload().length);
    out.write(event.payload());
  }
}
