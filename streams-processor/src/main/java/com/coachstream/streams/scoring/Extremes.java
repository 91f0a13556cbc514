package com.coachstream.streams.scoring;

import java.util.Iterator;
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
    // a skill's two deques always hold its newest slice, so they empty together
    Iterator<Map.Entry<String, MinimaDeque>> skills = minima.entrySet().iterator();
    while (skills.hasNext()) {
      Map.Entry<String, MinimaDeque> e = skills.next();
      String skill = e.getKey(); // read first: removing a TreeMap entry may reuse its node for the next one
      MinimaDeque mins = e.getValue();
      mins.dropBefore(slice);
      negatedMaxima.get(skill).dropBefore(slice);
      if (mins.isEmpty()) {
        skills.remove();
        negatedMaxima.remove(skill);
      }
    }
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

  Iterable<String> skills() {
    return minima.keySet();
  }

  /** Slice starts are written relative to {@code base} (the newest slice): small numbers. */
  void write(StateWriter out, SkillNames names, long base) {
    out.writeVarInt(minima.size());
    for (Map.Entry<String, MinimaDeque> e : minima.entrySet()) {
      out.writeVarInt(names.index(e.getKey()));
      e.getValue().write(out, base);
      negatedMaxima.get(e.getKey()).write(out, base);
    }
  }

  static Extremes read(StateReader in, String[] names, long base) {
    Extremes extremes = new Extremes();
    int skills = in.readVarInt();
    for (int i = 0; i < skills; i++) {
      String skill = names[in.readVarInt()];
      extremes.minima.put(skill, MinimaDeque.read(in, base));
      extremes.negatedMaxima.put(skill, MinimaDeque.read(in, base));
    }
    return extremes;
  }
}
