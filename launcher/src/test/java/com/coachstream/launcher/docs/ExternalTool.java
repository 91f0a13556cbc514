package com.coachstream.launcher.docs;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A program outside the JVM that a documentation example runs (python3 with its Kafka and Avro packages, kcat).
 * In CI ({@code CI=true}) a missing tool fails the test, naming the package to install, so the examples cannot
 * silently stop being checked; on a developer's machine the test is skipped with the same words.
 */
final class ExternalTool {

  /** What a finished command printed. */
  record Result(int exitCode, String out, String err) {
    List<String> lines() {
      return out.lines().toList(); // not stripped: trailing tabs are empty columns
    }
  }

  private ExternalTool() { }

  /** The first candidate command whose probe succeeds; fails or skips (see the class comment) when none does. */
  static String require(List<String> candidates, List<String> probeArgs, String missingMessage) {
    for (String candidate : candidates) {
      List<String> probe = new ArrayList<>(List.of(candidate));
      probe.addAll(probeArgs);
      Optional<Result> result = tryRun(probe, Path.of("."), Map.of());
      if (result.isPresent() && result.get().exitCode() == 0) {
        return candidate;
      }
    }
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(missingMessage + " (CI=true: the documentation examples must run here)");
    }
    Assumptions.abort(missingMessage);
    throw new AssertionError("unreachable");
  }

  /** Runs a command to its end (at most two minutes) in {@code directory}. */
  static Result run(List<String> command, Path directory, Map<String, String> environment) {
    return tryRun(command, directory, environment)
        .orElseThrow(() -> new AssertionError("Cannot start " + command.get(0)));
  }

  private static Optional<Result> tryRun(List<String> command, Path directory, Map<String, String> environment) {
    try {
      ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
      builder.environment().putAll(environment);
      Process process = builder.start();
      process.getOutputStream().close();
      CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
      String out = read(process.getInputStream());
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(command + " did not finish within 120 s");
      }
      return Optional.of(new Result(process.exitValue(), out, err.join()));
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  private static String read(java.io.InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
