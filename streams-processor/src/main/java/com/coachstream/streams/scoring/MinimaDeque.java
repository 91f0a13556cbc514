package com.coachstream.streams.scoring;

import java.util.Arrays;

/**
 * The minimum of a window that slides forward over slices, in O(1) amortized per step: the classic
 * monotonic deque. Entries are (slice start, a value in that slice), oldest first, and each value is larger
 * than the one before: only slices that can still be some window's minimum are kept, so the front is the
 * minimum and slices leaving the window are dropped from the front. A value added to an older slice (a late
 * event) is inserted in place; removing a value is not supported (the window is rebuilt instead: corrections
 * are rare).
 */
final class MinimaDeque {

  private static final int INITIAL_CAPACITY = 4;

  private long[] slices;
  private double[] values;
  private int size;

  MinimaDeque() {
    this(INITIAL_CAPACITY);
  }

  /** Sized for {@code capacity} entries: a decoded deque's arrays are allocated once, at their size. */
  private MinimaDeque(int capacity) {
    slices = new long[capacity];
    values = new double[capacity];
  }

  /** Notes that {@code slice} holds {@code value}. */
  void add(long slice, double value) {
    // the first entry at or after the slice has the least value among them: if it is not larger, the new
    // value can never be a minimum (a later or same slice with a value as small outlives it)
    int at = firstAtOrAfter(slice);
    if (at < size && values[at] <= value) {
      return;
    }
    // entries before the slice that are not smaller, and a larger one of the same slice, can never be a
    // minimum again: the new entry replaces them
    int end = at < size && slices[at] == slice ? at + 1 : at;
    int keep = at;
    while (keep > 0 && values[keep - 1] >= value) {
      keep--;
    }
    int grow = 1 - (end - keep);
    if (size + grow > slices.length) {
      slices = Arrays.copyOf(slices, slices.length * 2);
      values = Arrays.copyOf(values, values.length * 2);
    }
    System.arraycopy(slices, end, slices, keep + 1, size - end);
    System.arraycopy(values, end, values, keep + 1, size - end);
    slices[keep] = slice;
    values[keep] = value;
    size += grow;
  }

  private int firstAtOrAfter(long slice) {
    int i = size;
    while (i > 0 && slices[i - 1] >= slice) {
      i--;
    }
    return i;
  }

  /** Forgets the slices before {@code slice} (they left the window). */
  void dropBefore(long slice) {
    int drop = 0;
    while (drop < size && slices[drop] < slice) {
      drop++;
    }
    if (drop > 0) {
      System.arraycopy(slices, drop, slices, 0, size - drop);
      System.arraycopy(values, drop, values, 0, size - drop);
      size -= drop;
    }
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** The window's minimum; only when not empty. */
  double minimum() {
    return values[0];
  }

  /** Slices as differences, the first from {@code base}. */
  void write(StateWriter out, long base) {
    out.writeVarInt(size);
    long previous = base;
    for (int i = 0; i < size; i++) {
      out.writeTimeDelta(slices[i] - previous);
      previous = slices[i];
      out.writeCompactDouble(values[i]);
    }
  }

  static MinimaDeque read(StateReader in, long base) {
    int size = in.readVarInt();
    // exactly its size (a few entries, most often): decoded for every event of its agent, it may never grow
    MinimaDeque deque = new MinimaDeque(Math.max(1, size));
    long previous = base;
    for (int i = 0; i < size; i++) {
      previous += in.readTimeDelta();
      deque.slices[i] = previous;
      deque.values[i] = in.readCompactDouble();
    }
    deque.size = size;
    return deque;
  }
}
