package com.coachstream.benchmarks.harness;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * CPU time of this JVM's JIT compiler threads, read from Linux's {@code /proc} (the JVM's own management beans
 * hide those threads, and its compilation time is elapsed time, which a busy machine inflates). Why it matters:
 * a run of a few seconds spends a large share of its CPU compiling the code it has just started to use, and that
 * share counts in the process's CPU time like any other.
 */
public final class CompilerCpu {

  /** Linux's USER_HZ: the unit of the times in {@code /proc/<pid>/task/<tid>/stat}. */
  private static final double TICKS_PER_SECOND = 100;
  private static final Path TASKS = Path.of("/proc/self/task");

  private CompilerCpu() { }

  /**
   * CPU seconds the compiler threads have used so far; negative where {@code /proc} is not there. A lower bound of
   * what they used between two readings: the JVM starts and stops compiler threads as it needs them, and one that
   * ended in between takes its CPU with it.
   */
  public static double seconds() {
    if (!Files.isDirectory(TASKS)) {
      return -1;
    }
    long ticks = 0;
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
      for (Path task : tasks) {
        ticks += compilerTicks(task);
      }
    } catch (IOException e) {
      return -1;
    }
    return ticks / TICKS_PER_SECOND;
  }

  /** "JIT compilers x CPU s of its y": what the compilers took of a measured span's CPU. */
  public static String share(double before, double after, double cpuSeconds) {
    if (before < 0 || after < 0) {
      return "the JIT compilers' CPU is not known here (no /proc)";
    }
    return String.format(Locale.ROOT, "JIT compilers %.1f CPU s of its %.1f", after - before, cpuSeconds);
  }

  private static long compilerTicks(Path task) {
    try {
      String name = Files.readString(task.resolve("comm")).strip();
      if (!name.startsWith("C1 CompilerThre") && !name.startsWith("C2 CompilerThre")) {
        return 0;
      }
      String stat = Files.readString(task.resolve("stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
    } catch (IOException | RuntimeException ended) { // a thread that ended while being read
      return 0;
    }
  }
}
