package com.coachstream.benchmarks.harness;

import com.coachstream.schemas.topics.TopicNames;
import com.coachstream.streams.StreamsMain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The streams processor in a JVM of its own ({@code StreamsMain}, as in a container), so that it can be
 * killed with {@code kill -9}, measured on its own or run beside another instance. Its HTTP API listens on a
 * port of its own on loopback, so {@code /ready} tells when Kafka Streams is RUNNING.
 */
public final class ProcessorProcess implements AutoCloseable {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Process process;
  private final int httpPort;
  private final Path log;
  private final long startedNanos;

  private ProcessorProcess(Process process, int httpPort, Path log, long startedNanos) {
    this.process = process;
    this.httpPort = httpPort;
    this.log = log;
    this.startedNanos = startedNanos;
  }

  /**
   * Starts {@code StreamsMain} with the run's topics, application id and state directory, then {@code settings}
   * (e.g. {@code instance.id}, {@code --set} options); its output goes to a log file of its own.
   */
  public static ProcessorProcess start(Cluster cluster, TopicNames names, String applicationId, Path stateDir,
      String jvmOptions, Map<String, String> settings) {
    try {
      int port = freePort();
      Path log = Files.createTempFile("coachstream-bench-" + applicationId + "-", ".log");
      List<String> command = new ArrayList<>();
      command.add(ProcessHandle.current().info().command().orElse("java"));
      if (!jvmOptions.isBlank()) {
        command.addAll(List.of(jvmOptions.trim().split("\\s+")));
      }
      command.addAll(List.of("-cp", System.getProperty("java.class.path"), StreamsMain.class.getName(),
          "--bootstrap-servers", cluster.bootstrapServers(), "--application-id", applicationId,
          "--http-port", String.valueOf(port)));
      Map<String, String> all = new TreeMap<>(names.asMap());
      all.put("state.dir", stateDir.toString());
      all.put("http.host", "127.0.0.1");
      all.putAll(settings);
      all.forEach((k, v) -> command.addAll(List.of("--set", k + "=" + v)));
      long started = System.nanoTime();
      Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      return new ProcessorProcess(process, port, log, started);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start the streams processor process", e);
    }
  }

  /** Nanotime when the process was launched. */
  public long startedNanos() {
    return startedNanos;
  }

  public long pid() {
    return process.pid();
  }

  public Path log() {
    return log;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Whether {@code /ready} answers 200: Kafka Streams is RUNNING (not starting, rebalancing or restoring). */
  public boolean ready() {
    return readiness() == 200;
  }

  /** The status {@code /ready} answers (200 RUNNING, 503 not yet), or -1 while nothing listens. */
  public int readiness() {
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/ready"))
          .timeout(Duration.ofSeconds(2)).GET().build();
      return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1; // not listening yet
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** {@code kill -9}: no shutdown hook, no leave-group, no commit; an open transaction stays open. */
  public void kill() {
    process.destroyForcibly();
    await(Duration.ofSeconds(30));
  }

  @Override
  public void close() {
    process.destroy();
    if (!await(Duration.ofSeconds(60))) {
      process.destroyForcibly();
      await(Duration.ofSeconds(10));
    }
  }

  /** Fails with the log's path when the process has ended on its own. */
  public void requireAlive() {
    if (!process.isAlive()) {
      throw new IllegalStateException("The streams process ended early (exit " + process.exitValue() + "); see " + log);
    }
  }

  private boolean await(Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
