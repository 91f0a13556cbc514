package com.coachstream.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;

/**
 * Everything the demo started, closed newest first when it stops (the simulator before the services it feeds,
 * the broker last), and its temporary directories, removed with it: a demo leaves nothing behind.
 */
final class DemoResources implements AutoCloseable {

  private final Deque<AutoCloseable> started = new ArrayDeque<>();

  /** Closed when the demo stops, before everything added earlier. */
  <T extends AutoCloseable> T add(T resource) {
    started.push(resource);
    return resource;
  }

  /** The stack itself, for the parts that register what they start (the wire format's schema registry). */
  Deque<AutoCloseable> stack() {
    return started;
  }

  /** A new temporary directory, removed with its contents when the demo stops. */
  Path temporaryDirectory(String prefix) throws IOException {
    Path dir = Files.createTempDirectory(prefix);
    started.push(() -> deleteTree(dir));
    return dir;
  }

  /** Closes everything; one that fails to close does not keep the others open. */
  @Override
  public void close() {
    while (!started.isEmpty()) {
      try {
        started.pop().close();
      } catch (Exception e) {
        System.err.println("Error while stopping: " + e);
      }
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
