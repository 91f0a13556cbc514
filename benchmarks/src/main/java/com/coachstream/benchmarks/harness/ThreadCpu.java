package com.coachstream.benchmarks.harness;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time used by the threads of this JVM whose names contain a string (Kafka Streams names its threads
 * after the application id), from a start point. Threads that start later count from zero.
 */
public final class ThreadCpu {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final String nameContains;
  private final Map<Long, Long> atStart;

  private ThreadCpu(String nameContains, Map<Long, Long> atStart) {
    this.nameContains = nameContains;
    this.atStart = atStart;
  }

  public static ThreadCpu ofThreadsNamed(String nameContains) {
    return new ThreadCpu(nameContains, sample(nameContains));
  }

  public double secondsSinceStart() {
    long nanos = 0;
    for (Map.Entry<Long, Long> now : sample(nameContains).entrySet()) {
      nanos += now.getValue() - atStart.getOrDefault(now.getKey(), 0L);
    }
    return nanos / 1e9;
  }

  private static Map<Long, Long> sample(String nameContains) {
    Map<Long, Long> cpu = new HashMap<>();
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.getName().contains(nameContains)) {
        long nanos = THREADS.getThreadCpuTime(thread.getId());
        if (nanos >= 0) {
          cpu.put(thread.getId(), nanos);
        }
      }
    }
    return cpu;
  }
}
