package com.coachstream.streams.scoring;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Reads what {@link StateWriter} wrote; a truncated or corrupt input fails with {@link IllegalStateException}. */
final class StateReader {

  private final byte[] data;
  private int position;

  StateReader(byte[] data) {
    this.data = data;
  }

  int readByte() {
    require(1);
    return data[position++];
  }

  boolean readBoolean() {
    return readByte() != 0;
  }

  long readVarLong() {
    long value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      require(1);
      byte b = data[position++];
      value |= (long) (b & 0x7F) << shift;
      if (b >= 0) {
        return value;
      }
    }
    throw new IllegalStateException("Corrupt state: varint too long");
  }

  int readVarInt() {
    return (int) readVarLong();
  }

  long readZigZag() {
    long raw = readVarLong();
    return (raw >>> 1) ^ -(raw & 1);
  }

  long readLong() {
    require(8);
    long value = 0;
    for (int i = 0; i < 8; i++) {
      value = (value << 8) | (data[position++] & 0xFF);
    }
    return value;
  }

  double readDouble() {
    return Double.longBitsToDouble(readLong());
  }

  double readCompactDouble() {
    long header = readVarLong();
    if ((header & 1) != 0) {
      return readDouble();
    }
    long zigzag = header >>> 1;
    return ((zigzag >>> 1) ^ -(zigzag & 1)) / 100.0;
  }

  long readTimeDelta() {
    long header = readVarLong();
    long zigzag = header >>> 1;
    long value = (zigzag >>> 1) ^ -(zigzag & 1);
    return (header & 1) == 0 ? value * 60_000 : value;
  }

  byte[] readBytes() {
    int length = readVarInt();
    require(length);
    byte[] bytes = Arrays.copyOfRange(data, position, position + length);
    position += length;
    return bytes;
  }

  String readString() {
    int length = readVarInt();
    require(length);
    String value = new String(data, position, length, StandardCharsets.UTF_8);
    position += length;
    return value;
  }

  /**
   * If the next string's UTF-8 bytes are one of {@code candidates}, reads it and returns that candidate's index;
   * otherwise reads nothing and returns -1.
   */
  int readStringAmong(byte[][] candidates) {
    int start = position;
    int length = readVarInt();
    require(length);
    for (int i = 0; i < candidates.length; i++) {
      if (Arrays.equals(candidates[i], 0, candidates[i].length, data, position, position + length)) {
        position += length;
        return i;
      }
    }
    position = start;
    return -1;
  }

  String readNullableString() {
    int length = readVarInt() - 1;
    if (length < 0) {
      return null;
    }
    require(length);
    String value = new String(data, position, length, StandardCharsets.UTF_8);
    position += length;
    return value;
  }

  boolean atEnd() {
    return position == data.length;
  }

  private void require(int bytes) {
    if (bytes < 0 || position + bytes > data.length) {
      throw new IllegalStateException("Corrupt state: truncated at byte " + position + " of " + data.length);
    }
  }
}
