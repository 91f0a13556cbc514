package com.coachstream.benchmarks.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.List;
import java.util.ArrayList;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Resident memory of a process from {@code /proc/<pid>/status} (Linux): now and its peak. */
public final class ProcessMemory {

  private ProcessMemory() { }

  /** Current resident set size in bytes, if the system tells. */
  public static OptionalLong rss(long pid) {
    return field(pid, "VmRSS:");
  }

  /** Peak resident set size ("high water mark") in bytes, if the system tells. */
  public static OptionalLong peakRss(long pid) {
    return field(pid, "VmHWM:");
  }

  private static OptionalLong field(long pid, String name) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
        if (line.startsWith(name)) {
          String[] parts = line.substring(name.length()).trim().split("\\s+");
          return OptionalLong.of(Long.parseLong(parts[0]) * 1024);
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux, or the process has ended
    }
    return OptionalLong.empty();
  }

  /**
   * The JVM's own committed memory by category (heap, class, thread, code, GC, ...: Native Memory Tracking's
   * summary, in bytes) of a process started with {@code -XX:NativeMemoryTracking=summary}; empty when it was
   * not, or {@code jcmd} cannot tell. What RSS holds beyond the total is native memory the JVM does not track:
   * RocksDB's block cache and memtables, and the C library's arenas.
   */
  public static Map<String, Long> jvmCommitted(long pid) {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    Map<String, Long> committed = new LinkedHashMap<>();
    try {
      Process process = new ProcessBuilder(jcmd.toString(), String.valueOf(pid), "VM.native_memory", "summary", "scale=KB")
          .redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      process.waitFor();
      // "Total: reserved=1234KB, committed=567KB" and "-  Java Heap (reserved=262144KB, committed=262144KB)"
      Matcher m = Pattern.compile("(?m)^(?:-\\s+)?([A-Za-z][A-Za-z ]*?)\\s*[:(]\\s*reserved=\\d+KB, committed=(\\d+)KB")
          .matcher(output);
      while (m.find()) {
        committed.put(m.group(1).trim(), Long.parseLong(m.group(2)) * 1024);
      }
    } catch (IOException e) {
      return Map.of();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Map.of();
    }
    return committed;
  }

  /**
   * Seconds the process's garbage collectors have spent (all collectors, from the JVM's performance counters
   * {@code sun.gc.collector.N.time}); empty when {@code jcmd} cannot tell.
   */
  public static OptionalDouble gcSeconds(long pid) {
    String output = jcmd(pid, "PerfCounter.print");
    Matcher frequency = Pattern.compile("(?m)^sun\\.os\\.hrt\\.frequency=(\\d+)").matcher(output);
    if (!frequency.find()) {
      return OptionalDouble.empty();
    }
    long ticks = 0;
    Matcher m = Pattern.compile("(?m)^sun\\.gc\\.collector\\.\\d+\\.time=(\\d+)").matcher(output);
    while (m.find()) {
      ticks += Long.parseLong(m.group(1));
    }
    return OptionalDouble.of(ticks / (double) Long.parseLong(frequency.group(1)));
  }

  /**
   * Bytes of live objects on the heap: the total of a class histogram, which first runs a full collection
   * (so call it after {@link #gcSeconds}); empty when {@code jcmd} cannot tell.
   */
  public static OptionalLong liveHeap(long pid) {
    Matcher m = Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)").matcher(jcmd(pid, "GC.class_histogram"));
    return m.find() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
  }

  private static String jcmd(long pid, String... command) {
    List<String> args = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
        String.valueOf(pid)));
    args.addAll(List.of(command));
    try {
      Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      process.waitFor();
      return output;
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }
}
