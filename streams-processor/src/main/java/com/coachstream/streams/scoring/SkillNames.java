package com.coachstream.streams.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/** Skill ids written once per record and referred to by index: most of a record would be names otherwise. */
final class SkillNames {

  /**
   * Skill ids read back from records, as their interned instance, which is also the one the taxonomy hands out
   * for events: {@link #index} then nearly always matches by identity. Bounded: a taxonomy has tens of skills.
   */
  private static final int CANONICAL_LIMIT = 4096;
  private static final ConcurrentHashMap<String, String> CANONICAL = new ConcurrentHashMap<>();

  // a taxonomy has tens of skills and a record names a few of them: a scan beats hashing fresh strings
  private final List<String> names = new ArrayList<>(16);

  int index(String name) {
    // written for every skill of every period in a record: identity first, equality only for other instances
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i) == name) {
        return i;
      }
    }
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i).equals(name)) {
        return i;
      }
    }
    names.add(name);
    return names.size() - 1;
  }

  void add(Iterable<String> more) {
    for (String name : more) {
      index(name);
    }
  }

  void write(StateWriter out) {
    out.writeVarInt(names.size());
    for (String name : names) {
      out.writeString(name);
    }
  }

  static String[] read(StateReader in) {
    String[] names = new String[in.readVarInt()];
    for (int i = 0; i < names.length; i++) {
      names[i] = canonical(in.readString());
    }
    return names;
  }

  private static String canonical(String name) {
    String known = CANONICAL.get(name);
    if (known != null) {
      return known;
    }
    if (CANONICAL.size() >= CANONICAL_LIMIT) {
      return name;
    }
    String interned = name.intern();
    known = CANONICAL.putIfAbsent(interned, interned);
    return known == null ? interned : known;
  }
}
