package com.coachstream.streams.scoring;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte buffer for the state codecs: varints, fixed-width numbers, length-prefixed strings. */
final class StateWriter {

  /** Each thread's writer for {@link #reused}: a state is encoded on every event, so its buffer is kept. */
  private static final ThreadLocal<StateWriter> REUSED = ThreadLocal.withInitial(() -> new StateWriter(4096));

  private byte[] buffer;
  private int position;
  private boolean inUse;

  StateWriter(int initialCapacity) {
    buffer = new byte[initialCapacity];
  }

  /**
   * This thread's writer, emptied: encoding a record then allocates only its final bytes, not a buffer grown in
   * steps. {@link #toByteArray} hands it back; a writer asked for while this thread's is still in use (an encoding
   * within an encoding, or one that failed half-way) is a new one.
   */
  static StateWriter reused() {
    StateWriter writer = REUSED.get();
    if (writer.inUse) {
      return new StateWriter(512);
    }
    writer.inUse = true;
    writer.position = 0;
    return writer;
  }

  void writeByte(int value) {
    ensure(1);
    buffer[position++] = (byte) value;
  }

  void writeBoolean(boolean value) {
    writeByte(value ? 1 : 0);
  }

  /** Unsigned LEB128: small non-negative numbers take one byte. */
  void writeVarLong(long value) {
    ensure(10);
    while ((value & ~0x7FL) != 0) {
      buffer[position++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    buffer[position++] = (byte) value;
  }

  void writeVarInt(int value) {
    writeVarLong(value & 0xFFFFFFFFL);
  }

  /** Signed numbers near zero take few bytes. */
  void writeZigZag(long value) {
    writeVarLong((value << 1) ^ (value >> 63));
  }

  void writeLong(long value) {
    ensure(8);
    for (int shift = 56; shift >= 0; shift -= 8) {
      buffer[position++] = (byte) (value >>> shift);
    }
  }

  void writeDouble(double value) {
    writeLong(Double.doubleToRawLongBits(value));
  }

  /**
   * A double that is usually a score with at most two decimals (83.27): such values take the varint of
   * their hundredths (tag bit 0), any other double its 8 bytes (tag bit 1). Exact either way.
   */
  void writeCompactDouble(double value) {
    double hundredths = value * 100;
    long whole = (long) hundredths;
    if (whole == hundredths && Math.abs(whole) < (1L << 40) && whole / 100.0 == value
        && Double.doubleToRawLongBits(value) != Double.doubleToRawLongBits(-0.0)) {
      writeVarLong(((whole << 1) ^ (whole >> 63)) << 1);
    } else {
      writeVarLong(1);
      writeDouble(value);
    }
  }

  /** A time difference: in whole minutes when it is one (tag bit 0), else in milliseconds (tag bit 1). */
  void writeTimeDelta(long millis) {
    if (millis % 60_000 == 0) {
      long minutes = millis / 60_000;
      writeVarLong(((minutes << 1) ^ (minutes >> 63)) << 1);
    } else {
      writeVarLong(((millis << 1) ^ (millis >> 63)) << 1 | 1);
    }
  }

  void writeBytes(byte[] bytes) {
    writeVarInt(bytes.length);
    ensure(bytes.length);
    System.arraycopy(bytes, 0, buffer, position, bytes.length);
    position += bytes.length;
  }

  /** Length-prefixed UTF-8; an ASCII string (every skill id) is copied char by char, with no array made for it. */
  void writeString(String value) {
    int length = value.length();
    for (int i = 0; i < length; i++) {
      if (value.charAt(i) >= 0x80) {
        writeBytes(value.getBytes(StandardCharsets.UTF_8));
        return;
      }
    }
    writeVarInt(length);
    ensure(length);
    for (int i = 0; i < length; i++) {
      buffer[position++] = (byte) value.charAt(i);
    }
  }

  /** A nullable string: 0 for null, else length + 1 then the bytes. */
  void writeNullableString(String value) {
    if (value == null) {
      writeVarInt(0);
      return;
    }
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    writeVarInt(bytes.length + 1);
    ensure(bytes.length);
    System.arraycopy(bytes, 0, buffer, position, bytes.length);
    position += bytes.length;
  }

  byte[] toByteArray() {
    inUse = false;
    return Arrays.copyOf(buffer, position);
  }

  private void ensure(int more) {
    if (position + more > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, position + more));
    }
  }
}
