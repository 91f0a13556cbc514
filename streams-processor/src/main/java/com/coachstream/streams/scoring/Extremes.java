package com.coachstream.streams.scoring;

import java.util.Arrays;

/**
 * Per skill, the minimum and maximum of a window that slides forward over slices ({@link MinimaDeque}s).
 *
 * <p>Kept in three parallel arrays ordered by skill rather than in maps: an agent's state is decoded for every
 * event it receives, with a deque pair for each of its skills, and decoding them (map entries and deques with room
 * for four entries each) was 9 % of what the processor allocated with 10,000 agents. A taxonomy has tens of skills,
 * so a binary search finds one as fast.
 */
final class Extremes {

  private static final String[] NO_SKILLS = {};
  private static final MinimaDeque[] NO_DEQUES = {};

  /** Skills in their natural order, {@code size} of them; the deques at the same index are theirs. */
  private String[] skills = NO_SKILLS;
  private MinimaDeque[] minima = NO_DEQUES;
  /** Maxima as minima of the negated values. */
  private MinimaDeque[] negatedMaxima = NO_DEQUES;
  private int size;

  /** Notes that the slice holds a skill observed between {@code min} and {@code max}. */
  void add(String skill, long slice, double min, double max) {
    int at = indexOf(skill);
    if (at < 0) {
      at = -at - 1;
      insert(at, skill, new MinimaDeque(), new MinimaDeque());
    }
    minima[at].add(slice, min);
    negatedMaxima[at].add(slice, -max);
  }

  void dropBefore(long slice) {
    int kept = 0;
    for (int i = 0; i < size; i++) {
      minima[i].dropBefore(slice);
      negatedMaxima[i].dropBefore(slice);
      if (!minima[i].isEmpty()) { // a skill's two deques always hold its newest slice, so they empty together
        skills[kept] = skills[i];
        minima[kept] = minima[i];
        negatedMaxima[kept] = negatedMaxima[i];
        kept++;
      }
    }
    forgetFrom(kept);
  }

  void clear() {
    forgetFrom(0);
  }

  double min(String skill) {
    int at = indexOf(skill);
    return at < 0 ? Double.NaN : minima[at].minimum();
  }

  double max(String skill) {
    int at = indexOf(skill);
    return at < 0 ? Double.NaN : -negatedMaxima[at].minimum();
  }

  /** The skills with extremes, in their natural order. */
  Iterable<String> skills() {
    return Arrays.asList(skills).subList(0, size);
  }

  /** Slice starts are written relative to {@code base} (the newest slice): small numbers. */
  void write(StateWriter out, SkillNames names, long base) {
    out.writeVarInt(size);
    for (int i = 0; i < size; i++) {
      out.writeVarInt(names.index(skills[i]));
      minima[i].write(out, base);
      negatedMaxima[i].write(out, base);
    }
  }

  static Extremes read(StateReader in, String[] names, long base) {
    Extremes extremes = new Extremes();
    int count = in.readVarInt();
    if (count < 0) {
      throw new IllegalStateException("Corrupt state: " + count + " skills with extremes");
    }
    extremes.skills = new String[count];
    extremes.minima = new MinimaDeque[count];
    extremes.negatedMaxima = new MinimaDeque[count];
    for (int i = 0; i < count; i++) {
      String skill = names[in.readVarInt()];
      MinimaDeque mins = MinimaDeque.read(in, base);
      MinimaDeque negatedMaxes = MinimaDeque.read(in, base);
      // written in order, so each goes last; placed by search all the same, so the order never rests on the input
      int at = extremes.indexOf(skill);
      if (at >= 0) {
        throw new IllegalStateException("Corrupt state: the extremes of skill " + skill + " twice");
      }
      extremes.insert(-at - 1, skill, mins, negatedMaxes);
    }
    return extremes;
  }

  /** The skill's index, or {@code -(where it would go) - 1}. */
  private int indexOf(String skill) {
    return Arrays.binarySearch(skills, 0, size, skill);
  }

  private void insert(int at, String skill, MinimaDeque mins, MinimaDeque negatedMaxes) {
    if (size == skills.length) {
      int capacity = Math.max(4, size * 2);
      skills = Arrays.copyOf(skills, capacity);
      minima = Arrays.copyOf(minima, capacity);
      negatedMaxima = Arrays.copyOf(negatedMaxima, capacity);
    }
    System.arraycopy(skills, at, skills, at + 1, size - at);
    System.arraycopy(minima, at, minima, at + 1, size - at);
    System.arraycopy(negatedMaxima, at, negatedMaxima, at + 1, size - at);
    skills[at] = skill;
    minima[at] = mins;
    negatedMaxima[at] = negatedMaxes;
    size++;
  }

  /** Drops the skills from index {@code from} on, and the references to them. */
  private void forgetFrom(int from) {
    Arrays.fill(skills, from, size, null);
    Arrays.fill(minima, from, size, null);
    Arrays.fill(negatedMaxima, from, size, null);
    size = from;
  }
}
