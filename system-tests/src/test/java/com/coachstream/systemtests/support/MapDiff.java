package com.coachstream.systemtests.support;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The difference between two maps that should be equal (a run's final windows and a reference run's),
 * kept small enough to read in a failure message: how many keys are missing, extra or different, and the
 * first few of each.
 */
public record MapDiff<K>(int compared, List<K> missing, List<K> extra, List<K> different) {

  /** Keys of {@code expected} absent from {@code actual}, keys only in {@code actual}, keys whose values differ. */
  public static <K, V> MapDiff<K> of(Map<K, V> expected, Map<K, V> actual, Function<K, String> order) {
    List<K> missing = new ArrayList<>();
    List<K> different = new ArrayList<>();
    expected.forEach((key, value) -> {
      if (!actual.containsKey(key)) {
        missing.add(key);
      } else if (!Objects.equals(value, actual.get(key))) {
        different.add(key);
      }
    });
    List<K> extra = actual.keySet().stream().filter(key -> !expected.containsKey(key)).toList();
    return new MapDiff<>(expected.size(), sorted(missing, order), sorted(extra, order), sorted(different, order));
  }

  private static <K> List<K> sorted(List<K> keys, Function<K, String> order) {
    return keys.stream().sorted(Comparator.comparing(order)).toList();
  }

  public boolean isEmpty() {
    return missing.isEmpty() && extra.isEmpty() && different.isEmpty();
  }

  /** E.g. {@code "of 812 expected: 0 missing, 1 extra [a@1], 2 different [b@2, c@3]"}, at most {@code show} keys each. */
  public String summary(int show, Function<K, String> describe) {
    return "of " + compared + " expected: " + missing.size() + " missing " + first(missing, show, describe)
        + ", " + extra.size() + " extra " + first(extra, show, describe)
        + ", " + different.size() + " different " + first(different, show, describe);
  }

  private static <K> String first(List<K> keys, int show, Function<K, String> describe) {
    return keys.stream().limit(show).map(describe).toList().toString();
  }
}
