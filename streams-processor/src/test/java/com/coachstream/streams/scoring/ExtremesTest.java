package com.coachstream.streams.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ExtremesTest {

  private static final String[] SKILLS = {"patience", "empathy", "compliance", "active_listening", "x", "problem_solving"};

  /**
   * Skills coming and going in any order, values landing in older slices, the window sliding: always each skill's
   * true minimum and maximum, its skills in their natural order, and the same after a write and a read.
   */
  @Test
  void minimaAndMaximaPerSkillWhateverTheOrderOfSkillsAndValues() {
    Random random = new Random(20261130);
    for (int run = 0; run < 50; run++) {
      int size = 1 + random.nextInt(10);
      Extremes extremes = new Extremes();
      Map<String, TreeMap<Long, double[]>> truth = new TreeMap<>();
      long newest = 0;
      for (int step = 0; step < 200; step++) {
        String skill = SKILLS[random.nextInt(random.nextBoolean() ? 2 : SKILLS.length)];
        long slice = random.nextInt(4) == 0 ? Math.max(newest - random.nextInt(size), newest - size + 1) : newest + random.nextInt(2);
        newest = Math.max(newest, slice);
        double low = random.nextInt(100);
        double high = low + random.nextInt(20);
        extremes.add(skill, slice, low, high);
        truth.computeIfAbsent(skill, s -> new TreeMap<>()).merge(slice, new double[] {low, high},
            (a, b) -> new double[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
        long windowStart = newest - size + 1;
        extremes.dropBefore(windowStart);
        truth.values().forEach(slices -> slices.headMap(windowStart).clear());
        truth.values().removeIf(Map::isEmpty);

        assertThat(extremes.skills()).containsExactlyElementsOf(truth.keySet());
        assertSame(extremes, truth);
        StateWriter out = new StateWriter(16);
        SkillNames names = new SkillNames();
        names.add(extremes.skills());
        names.write(out);
        extremes.write(out, names, newest);
        StateReader in = new StateReader(out.toByteArray());
        Extremes read = Extremes.read(in, SkillNames.read(in), newest);
        assertThat(read.skills()).containsExactlyElementsOf(truth.keySet());
        assertSame(read, truth);
      }
    }
  }

  @Test
  void aSkillWithoutValuesHasNoExtremes() {
    Extremes extremes = new Extremes();
    extremes.add("empathy", 3, 40, 60);
    assertThat(extremes.min("patience")).isNaN();
    extremes.dropBefore(4);
    assertThat(extremes.skills()).isEmpty();
    assertThat(extremes.max("empathy")).isNaN();
    extremes.add("empathy", 5, 10, 10);
    extremes.clear();
    assertThat(extremes.skills()).isEmpty();
  }

  @Test
  void aStateNamingASkillTwiceIsCorrupt() {
    Extremes extremes = new Extremes();
    extremes.add("empathy", 3, 40, 60);
    SkillNames names = new SkillNames();
    names.add(List.of("empathy"));
    StateWriter out = new StateWriter(16);
    out.writeVarInt(2);
    for (int i = 0; i < 2; i++) { // the one skill's entry, twice
      out.writeVarInt(0);
      MinimaDeque deque = new MinimaDeque();
      deque.add(3, 40);
      deque.write(out, 3);
      deque.write(out, 3);
    }
    assertThatThrownBy(() -> Extremes.read(new StateReader(out.toByteArray()), new String[] {"empathy"}, 3))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("empathy");
  }

  private static void assertSame(Extremes extremes, Map<String, TreeMap<Long, double[]>> truth) {
    List<String> wrong = new ArrayList<>();
    truth.forEach((skill, slices) -> {
      double min = slices.values().stream().mapToDouble(v -> v[0]).min().orElseThrow();
      double max = slices.values().stream().mapToDouble(v -> v[1]).max().orElseThrow();
      if (extremes.min(skill) != min || extremes.max(skill) != max) {
        wrong.add(skill + ": " + extremes.min(skill) + ".." + extremes.max(skill) + " instead of " + min + ".." + max);
      }
    });
    assertThat(wrong).isEmpty();
  }
}
