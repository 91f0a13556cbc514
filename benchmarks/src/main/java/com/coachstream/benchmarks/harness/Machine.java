package com.coachstream.benchmarks.harness;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The machine a run measured: figures mean little without it. Linux details come from {@code /proc}; on
 * other systems those fields are empty.
 */
public record Machine(int cores, long memoryBytes, String cpu, String os, String jvm, long maxHeapBytes) {

  public static Machine describe() {
    Runtime runtime = Runtime.getRuntime();
    return new Machine(runtime.availableProcessors(), totalMemory(), cpuModel(),
        System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
            + System.getProperty("java.vendor") + ")",
        runtime.maxMemory());
  }

  /** The 1-, 5- and 15-minute load averages, or an empty list where the system does not tell. */
  public static List<Double> loadAverage() {
    return readFirstLine(Path.of("/proc/loadavg"))
        .map(line -> line.split("\\s+"))
        .map(parts -> List.of(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), Double.parseDouble(parts[2])))
        .orElse(List.of());
  }

  private static long totalMemory() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getTotalMemorySize();
    }
    return -1;
  }

  private static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(line -> line.startsWith("model name"))
          .map(line -> line.substring(line.indexOf(':') + 1).trim())
          .findFirst().orElse("");
    } catch (IOException e) {
      return "";
    }
  }

  static Optional<String> readFirstLine(Path file) {
    try {
      return Files.readAllLines(file).stream().findFirst();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
