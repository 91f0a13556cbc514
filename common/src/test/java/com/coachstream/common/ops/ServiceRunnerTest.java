package com.coachstream.common.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class ServiceRunnerTest {

  @Test
  void interruptingTheRunnerClosesTheService() throws Exception {
    CountDownLatch closed = new CountDownLatch(1);
    Thread runner = new Thread(() -> ServiceRunner.runUntilShutdown("test", closed::countDown));
    runner.start();
    await().atMost(Duration.ofSeconds(10)).until(() -> runner.getState() == Thread.State.WAITING);
    runner.interrupt();
    runner.join(10_000);
    assertThat(closed.getCount()).isZero();
    assertThat(runner.isAlive()).isFalse();
  }
}
