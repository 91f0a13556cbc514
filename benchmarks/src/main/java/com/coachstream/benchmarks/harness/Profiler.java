package com.coachstream.benchmarks.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import jdk.jfr.Configuration;

/**
 * Optional JDK Flight Recorder profile of a measured run ({@code --profile}): one {@code .jfr} file per run
 * in the results directory, to read with {@code jfr print --events jdk.ExecutionSample} or {@code jfr summary}.
 */
public final class Profiler {

  private final Path directory;

  private Profiler(Path directory) {
    this.directory = directory;
  }

  public static Profiler off() {
    return new Profiler(null);
  }

  public static Profiler into(Path directory) {
    return new Profiler(directory);
  }

  /** A recording that ends (and is written) when closed; a no-op when profiling is off. */
  public interface Recording extends AutoCloseable {
    @Override
    void close();
  }

  public Recording start(String name) {
    if (directory == null) {
      return () -> { };
    }
    try {
      Files.createDirectories(directory);
      jdk.jfr.Recording recording = new jdk.jfr.Recording(Configuration.getConfiguration("profile"));
      recording.setName(name);
      recording.start();
      Path file = directory.resolve(name + ".jfr");
      return () -> {
        try {
          recording.stop();
          recording.dump(file);
          recording.close();
          System.out.println("JFR profile written to " + file);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      };
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ParseException e) {
      throw new IllegalStateException("JFR's profile configuration is unreadable", e);
    }
  }
}
