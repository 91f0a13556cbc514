package com.coachstream.streams.scoring;

import java.nio.charset.StandardCharsets;

/** 64-bit FNV-1a: a cheap, stable hash for remembering ids and content compactly. */
public final class Fnv64 {

  private Fnv64() { }

  public static long hash(String text) {
    long hash = 0xcbf29ce484222325L;
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= 0x100000001b3L;
    }
    return hash;
  }
}
