package com.coachstream.producer.ingest;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * XXH64, the 64-bit hash of the xxHash family (seed 0): the fingerprint {@link DuplicateTracker} keeps of an
 * event's id and content. It reads eight bytes at a time, where Avro's Rabin fingerprint
 * ({@code SchemaNormalization.fingerprint64}), used before, looks up a table for every byte: a JDK Flight Recorder
 * profile of an import of 1,000,000 events put 10 % of its CPU in that fingerprint. Like any good 64-bit hash, two
 * different inputs share a value with a chance of about one in 2^64.
 */
public final class ContentHash {

  private static final long PRIME_1 = 0x9E3779B185EBCA87L;
  private static final long PRIME_2 = 0xC2B2AE3D27D4EB4FL;
  private static final long PRIME_3 = 0x165667B19E3779F9L;
  private static final long PRIME_4 = 0x85EBCA77C2B2AE63L;
  private static final long PRIME_5 = 0x27D4EB2F165667C5L;

  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

  private ContentHash() { }

  public static long of(byte[] bytes) {
    return of(bytes, 0, bytes.length);
  }

  /** The hash of {@code length} bytes from {@code offset}. */
  public static long of(byte[] bytes, int offset, int length) {
    int at = offset;
    int end = offset + length;
    long hash;
    if (length >= 32) {
      long v1 = PRIME_1 + PRIME_2;
      long v2 = PRIME_2;
      long v3 = 0;
      long v4 = -PRIME_1;
      do {
        v1 = round(v1, (long) LONGS.get(bytes, at));
        v2 = round(v2, (long) LONGS.get(bytes, at + 8));
        v3 = round(v3, (long) LONGS.get(bytes, at + 16));
        v4 = round(v4, (long) LONGS.get(bytes, at + 24));
        at += 32;
      } while (at <= end - 32);
      hash = Long.rotateLeft(v1, 1) + Long.rotateLeft(v2, 7) + Long.rotateLeft(v3, 12) + Long.rotateLeft(v4, 18);
      hash = merge(hash, v1);
      hash = merge(hash, v2);
      hash = merge(hash, v3);
      hash = merge(hash, v4);
    } else {
      hash = PRIME_5;
    }
    hash += length;
    for (; at <= end - 8; at += 8) {
      hash ^= round(0, (long) LONGS.get(bytes, at));
      hash = Long.rotateLeft(hash, 27) * PRIME_1 + PRIME_4;
    }
    if (at <= end - 4) {
      hash ^= (((int) INTS.get(bytes, at)) & 0xFFFFFFFFL) * PRIME_1;
      hash = Long.rotateLeft(hash, 23) * PRIME_2 + PRIME_3;
      at += 4;
    }
    for (; at < end; at++) {
      hash ^= (bytes[at] & 0xFFL) * PRIME_5;
      hash = Long.rotateLeft(hash, 11) * PRIME_1;
    }
    hash ^= hash >>> 33;
    hash *= PRIME_2;
    hash ^= hash >>> 29;
    hash *= PRIME_3;
    hash ^= hash >>> 32;
    return hash;
  }

  private static long round(long accumulator, long input) {
    return Long.rotateLeft(accumulator + input * PRIME_2, 31) * PRIME_1;
  }

  private static long merge(long hash, long accumulator) {
    return (hash ^ round(0, accumulator)) * PRIME_1 + PRIME_4;
  }
}
