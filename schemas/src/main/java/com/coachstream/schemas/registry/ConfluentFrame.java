package com.coachstream.schemas.registry;

import java.nio.ByteBuffer;

/**
 * The Confluent wire layout every registry-aware client reads: a zero byte, the 4-byte big-endian schema id,
 * then the Avro binary body. Single-object encoded records start with {@code C3 01} instead, so the first
 * byte tells the two formats apart.
 */
public final class ConfluentFrame {

  public static final byte MAGIC = 0x00;
  public static final int HEADER_LENGTH = 5;

  private ConfluentFrame() { }

  /** {@code 00}, {@code schemaId} (big-endian), {@code body}. */
  public static byte[] frame(int schemaId, byte[] body) {
    return ByteBuffer.allocate(HEADER_LENGTH + body.length).put(MAGIC).putInt(schemaId).put(body).array();
  }

  /** Whether the bytes start like a registry-framed record (zero byte and a whole header). */
  public static boolean isFramed(byte[] bytes) {
    return bytes != null && bytes.length >= HEADER_LENGTH && bytes[0] == MAGIC;
  }

  /** Whether the bytes start with the single-object marker {@code C3 01}. */
  public static boolean isSingleObject(byte[] bytes) {
    return bytes != null && bytes.length >= 2 && bytes[0] == (byte) 0xC3 && bytes[1] == (byte) 0x01;
  }

  /** The schema id of a framed record; the caller checked {@link #isFramed(byte[])}. */
  public static int schemaId(byte[] framed) {
    if (!isFramed(framed)) {
      throw new IllegalArgumentException("not a registry-framed record (no 00 byte and 4-byte schema id)");
    }
    return ByteBuffer.wrap(framed, 1, 4).getInt();
  }
}
