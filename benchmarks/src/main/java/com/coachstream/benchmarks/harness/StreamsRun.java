package com.coachstream.benchmarks.harness;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Measures one Kafka Streams application draining input that is already in its topics: the time from the
 * moment it is RUNNING until its committed offsets reach the end of the input (or a time budget runs out,
 * then the rate is over what it did commit). Start-up and the initial rebalance are reported apart.
 */
public final class StreamsRun {

  private static final Duration POLL = Duration.ofMillis(250);

  private StreamsRun() { }

  /** A started application: its Kafka Streams client and how to stop it. */
  public interface Started extends AutoCloseable {
    KafkaStreams streams();

    @Override
    void close();
  }

  /** Starts the application under measurement (the clock is already running). */
  @FunctionalInterface
  public interface Starter {
    Started start() throws Exception;
  }

  /**
   * What a run did; {@code events} is the committed input, {@code expected} the whole input. CPU seconds
   * are what the application's own threads (stream threads, their producers and consumers) used while it
   * was measured: on a shared machine, events per CPU second compares runs that wall time cannot.
   * {@code outputOffsets} is the sum of the outputs' end offsets: the records written, plus one transaction
   * marker per partition and commit.
   */
  public record Result(String applicationId, long events, long expected, double seconds, double startupSeconds,
      long changelogBytes, long outputBytes, long outputOffsets, double cpuSeconds) {

    public double eventsPerSecond() {
      return events / seconds;
    }

    public double eventsPerCpuSecond() {
      return events / cpuSeconds;
    }

    public boolean complete() {
      return events >= expected;
    }

    /** "" for a complete run, else how much of the input the budget allowed. */
    public String partialNote() {
      return complete() ? "" : String.format(java.util.Locale.ROOT, "partial: %,d of %,d events within the time budget",
          events, expected);
    }
  }

  /**
   * Runs the application until it has committed {@code expected} input records of {@code inputTopics} or
   * {@code budget} has passed since it became RUNNING; then measures the bytes its changelogs and the
   * outputs (topics starting with {@code outputPrefix}) hold, and stops it.
   */
  public static Result measure(Cluster cluster, String applicationId, List<String> inputTopics, long expected,
      Duration budget, String outputPrefix, Profiler profiler, Starter starter) throws Exception {
    Report.progress("running " + applicationId + " over " + expected + " input records");
    long began = System.nanoTime();
    Started app = starter.start();
    try (Profiler.Recording recording = profiler.start(applicationId)) {
      awaitRunning(app.streams());
      long running = System.nanoTime();
      ThreadCpu cpu = ThreadCpu.ofThreadsNamed(applicationId);
      long deadline = running + budget.toNanos();
      long committed = 0;
      while (committed < expected && System.nanoTime() < deadline) {
        if (app.streams().state() == KafkaStreams.State.ERROR || app.streams().state() == KafkaStreams.State.PENDING_ERROR) {
          throw new IllegalStateException(applicationId + " failed: Kafka Streams is in state " + app.streams().state());
        }
        Cluster.pause(POLL);
        committed = cluster.committed(applicationId, inputTopics);
      }
      double seconds = (System.nanoTime() - running) / 1e9;
      double cpuSeconds = cpu.secondsSinceStart();
      long changelogs = cluster.bytesOfTopicsStartingWith(applicationId + "-");
      long outputs = cluster.bytesOfTopicsStartingWith(outputPrefix);
      long outputOffsets = cluster.endOffsets(cluster.topicsStartingWith(outputPrefix));
      return new Result(applicationId, Math.min(committed, expected), expected, seconds, (running - began) / 1e9,
          changelogs, outputs, outputOffsets, cpuSeconds);
    } finally {
      app.close();
      awaitStopped(app.streams());
    }
  }

  /** Until the stream threads are gone, so the state directory can be deleted under nobody's feet. */
  private static void awaitStopped(KafkaStreams streams) {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (streams.state() != KafkaStreams.State.NOT_RUNNING && streams.state() != KafkaStreams.State.ERROR
        && System.nanoTime() < deadline) {
      Cluster.pause(Duration.ofMillis(100));
    }
  }

  private static void awaitRunning(KafkaStreams streams) {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (streams.state() != KafkaStreams.State.RUNNING) {
      if (System.nanoTime() > deadline || streams.state() == KafkaStreams.State.ERROR) {
        throw new IllegalStateException("Kafka Streams did not start: state " + streams.state());
      }
      Cluster.pause(Duration.ofMillis(20));
    }
  }

}
