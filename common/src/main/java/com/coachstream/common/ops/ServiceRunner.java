package com.coachstream.common.ops;

import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a started service until the JVM is asked to stop (Ctrl-C, SIGTERM), then closes it cleanly:
 * the one copy of the start/latch/cleanup dance every service's {@code main} needs.
 */
public final class ServiceRunner {

  private static final Logger log = LoggerFactory.getLogger(ServiceRunner.class);

  private ServiceRunner() { }

  /** Blocks until shutdown; {@code service} is closed from the shutdown hook before this returns. */
  public static void runUntilShutdown(String name, AutoCloseable service) {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      log.info("Stopping {}", name);
      try {
        service.close();
      } catch (Exception e) {
        log.warn("Error while stopping {}: {}", name, e.toString());
      } finally {
        stopped.countDown();
      }
    }, name + "-shutdown"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
