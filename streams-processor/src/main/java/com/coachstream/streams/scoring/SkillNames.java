package com.coachstream.streams.scoring;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
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

  /** The canonical names with their bytes, as {@link #readName} finds them; replaced whole when one is added. */
  private record Known(String[] names, byte[][] utf8) { }

  /** Names found by a scan of their bytes: beyond a taxonomy's tens of skills, a lookup of the read string is quicker. */
  private static final int KNOWN_LIMIT = 64;
  private static volatile Known knownNames = new Known(new String[0], new byte[0][]);

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
      names[i] = readName(in);
    }
    return names;
  }

  /**
   * A name read back, found by its bytes among the names read before without making a string of it: records are
   * decoded for every event, and a fresh string per name was 3.6 % of what the processor allocated with
   * 10,000 agents. Only the first {@link #KNOWN_LIMIT} names are kept so; any further one is read as a string.
   */
  private static String readName(StateReader in) {
    Known known = knownNames;
    int found = in.readStringAmong(known.utf8());
    if (found >= 0) {
      return known.names()[found];
    }
    String name = canonical(in.readString());
    if (known.names().length < KNOWN_LIMIT) { // beyond it, no lock taken on every decode
      remember(name);
    }
    return name;
  }

  private static synchronized void remember(String name) {
    Known known = knownNames;
    if (known.names().length >= KNOWN_LIMIT || Arrays.asList(known.names()).contains(name)) {
      return;
    }
    String[] names = Arrays.copyOf(known.names(), known.names().length + 1);
    byte[][] utf8 = Arrays.copyOf(known.utf8(), known.utf8().length + 1);
    names[names.length - 1] = name;
    utf8[utf8.length - 1] = name.getBytes(StandardCharsets.UTF_8);
    knownNames = new Known(names, utf8);
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
