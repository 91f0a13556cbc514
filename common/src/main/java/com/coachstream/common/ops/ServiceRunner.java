package com.coachstream.common.ops;

import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a started service until the JVM is asked to stop (Ctrl-C, SIGTERM) or the calling thread is
 * interrupted, then closes it cleanly: the one copy of the start/latch/cleanup dance every service's
 * {@code main} needs.
 */
public final class ServiceRunner {

  private static final Logger log = LoggerFactory.getLogger(ServiceRunner.class);

  private ServiceRunner() { }

  /** Blocks until shutdown or interruption; {@code service} is closed before this returns. */
  public static void runUntilShutdown(String name, AutoCloseable service) {
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      closeQuietly(name, service);
      stopped.countDown();
    }, name + "-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      stopped.await();
    } catch (InterruptedException e) {
      // stopped from inside the JVM (an embedding program or a test): close here, the hook is not needed
      Thread.currentThread().interrupt();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        return; // the JVM is already stopping: the hook closes the service
      }
      closeQuietly(name, service);
    }
  }

  private static void closeQuietly(String name, AutoCloseable service) {
    log.info("Stopping {}", name);
    try {
      service.close();
    } catch (Exception e) {
      log.warn("Error while stopping {}: {}", name, e.toString());
    }
  }
}
