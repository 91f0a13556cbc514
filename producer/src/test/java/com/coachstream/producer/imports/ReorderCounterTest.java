package com.coachstream.producer.imports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReorderCounterTest {

  static long count(long... times) {
    ReorderCounter counter = new ReorderCounter();
    for (long time : times) {
      counter.observe(time);
    }
    return counter.reordered();
  }

  @Test
  void aFileInOrderHasNothingReordered() {
    assertThat(count()).isZero();
    assertThat(count(1, 2, 3, 10)).isZero();
    assertThat(count(5, 5, 5)).as("equal times stay in file order").isZero();
  }

  @Test
  void aStragglerIsOneReorderedLine() {
    assertThat(count(1, 2, 5, 3, 6)).isEqualTo(1);
  }

  @Test
  void everyLineBehindTheNewestAboveItCounts() {
    assertThat(count(5, 4, 3, 2, 1)).isEqualTo(4);
    assertThat(count(1, 9, 2, 3, 4, 10)).isEqualTo(3); // 2, 3, 4 go before 9
  }

  @Test
  void aRosterLineAfterAnEventMovesToTheFront() {
    assertThat(count(EventTime.ROSTER, EventTime.ROSTER, 1, 2)).isZero();
    assertThat(count(1, EventTime.ROSTER, 2)).isEqualTo(1);
  }

  @Test
  void observeSaysWhetherTheLineMoves() {
    ReorderCounter counter = new ReorderCounter();
    assertThat(counter.observe(3)).isFalse();
    assertThat(counter.observe(2)).isTrue();
    assertThat(counter.observe(3)).isFalse();
  }
}
