package com.coachstream.streams.topology;

import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Function;

/**
 * Decodes each stored value once: an in-memory store hands back the very array it holds, so while a value is
 * unchanged every read gets the object decoded the first time, and a write (a new array) or a delete (no
 * array) is seen on the next read. Arrays compare by identity, and the map holds them weakly, so a replaced
 * value's entry goes with its array. Thread-safe: the global thread writes while stream threads read.
 */
final class DecodedOncePerValue<T> {

  private final Function<byte[], T> decoder;
  private final Map<byte[], T> decoded = new WeakHashMap<>();

  DecodedOncePerValue(Function<byte[], T> decoder) {
    this.decoder = decoder;
  }

  /** The value {@code bytes} hold, decoded on the first read of that array; null for null. */
  T decode(byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    synchronized (decoded) {
      T known = decoded.get(bytes);
      if (known != null) {
        return known;
      }
    }
    // decoded outside the lock: a second thread racing on the same new array decodes it too, harmlessly
    T value = decoder.apply(bytes);
    if (value != null) {
      synchronized (decoded) {
        decoded.put(bytes, value);
      }
    }
    return value;
  }
}
