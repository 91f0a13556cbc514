package com.coachstream.streams.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class MinimaDequeTest {

  /** Values per slice, the window sliding forward, some values landing in older slices: always the true minimum. */
  @Test
  void frontIsTheMinimumOfTheWindowWhateverTheOrderOfValues() {
    Random random = new Random(3);
    for (int run = 0; run < 100; run++) {
      int size = 1 + random.nextInt(30);
      MinimaDeque deque = new MinimaDeque();
      TreeMap<Long, Double> truth = new TreeMap<>();
      long newest = 0;
      for (int step = 0; step < 300; step++) {
        long slice = random.nextInt(5) == 0 ? Math.max(newest - random.nextInt(size), newest - size + 1) : newest + random.nextInt(3);
        newest = Math.max(newest, slice);
        double value = random.nextInt(8) == 0 ? 50 : random.nextInt(100);
        deque.add(slice, value);
        truth.merge(slice, value, Math::min);
        long windowStart = newest - size + 1;
        deque.dropBefore(windowStart);
        double expected = truth.tailMap(windowStart).values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        assertThat(deque.minimum()).isEqualTo(expected);
      }
      StateWriter out = new StateWriter(8);
      deque.write(out, newest);
      assertThat(MinimaDeque.read(new StateReader(out.toByteArray()), newest).minimum()).isEqualTo(deque.minimum());
    }
  }

  /** A deque read back is sized to its entries: it goes on sliding and growing as the one written. */
  @Test
  void aDequeReadBackKeepsSlidingAndGrowing() {
    MinimaDeque written = new MinimaDeque();
    for (int slice = 0; slice < 9; slice++) {
      written.add(slice, 10 + slice); // increasing: every slice stays a candidate, nine entries
    }
    StateWriter out = new StateWriter(8);
    written.write(out, 8);
    MinimaDeque read = MinimaDeque.read(new StateReader(out.toByteArray()), 8);
    for (MinimaDeque deque : new MinimaDeque[] {written, read}) {
      for (int slice = 9; slice < 20; slice++) {
        deque.add(slice, 20 + slice);
      }
      assertThat(deque.minimum()).isEqualTo(10);
      deque.dropBefore(5);
      assertThat(deque.minimum()).isEqualTo(15);
      deque.add(19, 1);
      assertThat(deque.minimum()).isEqualTo(1);
      deque.dropBefore(20);
      assertThat(deque.isEmpty()).isTrue();
    }
  }

  @Test
  void emptiesWhenEverySliceLeft() {
    MinimaDeque deque = new MinimaDeque();
    deque.add(1, 5);
    deque.add(2, 7);
    deque.dropBefore(3);
    assertThat(deque.isEmpty()).isTrue();
  }
}
