package com.coachstream.streams.scoring;

import java.util.ArrayList;
import java.util.List;

/** Skill ids written once per record and referred to by index: most of a record would be names otherwise. */
final class SkillNames {

  // a taxonomy has tens of skills and a record names a few of them: a scan beats hashing fresh strings
  private final List<String> names = new ArrayList<>(16);

  int index(String name) {
    for (int i = 0; i < names.size(); i++) {
      String known = names.get(i);
      if (known == name || known.equals(name)) {
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
      names[i] = in.readString();
    }
    return names;
  }
}
