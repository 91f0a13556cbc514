package com.coachstream.streams.scoring;

import java.util.Map;
import java.util.TreeMap;

/** Per skill, the minimum and maximum of a window that slides forward over slices ({@link MinimaDeque}s). */
final class Extremes {

  private final TreeMap<String, MinimaDeque> minima = new TreeMap<>();
  /** Maxima as minima of the negated values. */
  private final TreeMap<String, MinimaDeque> negatedMaxima = new TreeMap<>();

  /** Notes that the slice holds a skill observed between {@code min} and {@code max}. */
  void add(String skill, long slice, double min, double max) {
    minima.computeIfAbsent(skill, s -> new MinimaDeque()).add(slice, min);
    negatedMaxima.computeIfAbsent(skill, s -> new MinimaDeque()).add(slice, -max);
  }

  void dropBefore(long slice) {
    minima.values().forEach(d -> d.dropBefore(slice));
    negatedMaxima.values().forEach(d -> d.dropBefore(slice));
    minima.values().removeIf(MinimaDeque::isEmpty);
    negatedMaxima.values().removeIf(MinimaDeque::isEmpty);
  }

  void clear() {
    minima.clear();
    negatedMaxima.clear();
  }

  double min(String skill) {
    MinimaDeque deque = minima.get(skill);
    return deque == null ? Double.NaN : deque.minimum();
  }

  double max(String skill) {
    MinimaDeque deque = negatedMaxima.get(skill);
    return deque == null ? Double.NaN : -deque.minimum();
  }

  void write(StateWriter out) {
    out.writeVarInt(minima.size());
    for (Map.Entry<String, MinimaDeque> e : minima.entrySet()) {
      out.writeString(e.getKey());
      e.getValue().write(out);
      negatedMaxima.get(e.getKey()).write(out);
    }
  }

  static Extremes read(StateReader in) {
    Extremes extremes = new Extremes();
    int skills = in.readVarInt();
    for (int i = 0; i < skills; i++) {
      String skill = in.readString();
      extremes.minima.put(skill, MinimaDeque.read(in));
      extremes.negatedMaxima.put(skill, MinimaDeque.read(in));
    }
    return extremes;
  }
}
