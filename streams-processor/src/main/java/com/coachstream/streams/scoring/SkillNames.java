package com.coachstream.streams.scoring;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Skill ids written once per record and referred to by index: most of a record would be names otherwise. */
final class SkillNames {

  private final List<String> names = new ArrayList<>();
  private final Map<String, Integer> indexes = new HashMap<>();

  int index(String name) {
    Integer known = indexes.get(name);
    if (known != null) {
      return known;
    }
    names.add(name);
    indexes.put(name, names.size() - 1);
    return names.size() - 1;
  }

  void add(Iterable<String> more) {
    more.forEach(this::index);
  }

  void write(StateWriter out) {
    out.writeVarInt(names.size());
    names.forEach(out::writeString);
  }

  static String[] read(StateReader in) {
    String[] names = new String[in.readVarInt()];
    for (int i = 0; i < names.length; i++) {
      names[i] = in.readString();
    }
    return names;
  }
}
