package com.coachstream.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PublicationPacerTest {

  @Test
  void spreadsTheAgentsWaitingOverTheIntervalAndPublishesTheRestAtItsLastTick() {
    PublicationPacer pacer = new PublicationPacer();
    int waiting = 95;
    List<Integer> taken = new ArrayList<>();
    for (int i = 0; i < PublicationPacer.TICKS_PER_INTERVAL; i++) {
      int n = pacer.take(waiting);
      taken.add(n);
      waiting -= n;
    }
    assertThat(taken).containsExactly(10, 10, 10, 10, 10, 9, 9, 9, 9, 9);
    assertThat(waiting).isZero();
  }

  @Test
  void agentsArrivingDuringAnIntervalArePublishedByItsEnd() {
    PublicationPacer pacer = new PublicationPacer();
    int waiting = 0;
    for (int i = 0; i < PublicationPacer.TICKS_PER_INTERVAL; i++) {
      waiting += 7; // new changes before each tick
      waiting -= pacer.take(waiting);
    }
    assertThat(waiting).isZero();
  }

  @Test
  void aSingleWaitingAgentIsPublishedAtTheNextTick() {
    PublicationPacer pacer = new PublicationPacer();
    assertThat(pacer.take(1)).isEqualTo(1);
    assertThat(pacer.take(0)).isZero();
  }

  @Test
  void ticksAreATenthOfTheIntervalAndAtLeastAMillisecond() {
    assertThat(PublicationPacer.tickInterval(Duration.ofSeconds(10))).isEqualTo(Duration.ofSeconds(1));
    assertThat(PublicationPacer.tickInterval(Duration.ofMillis(5))).isEqualTo(Duration.ofMillis(1));
  }
}
