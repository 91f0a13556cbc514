package com.coachstream.systemtests.support;

import com.coachstream.kafka.local.ChildJvm;
import com.coachstream.notifier.cli.NotifyCommand;
import com.coachstream.streams.StreamsMain;
import java.io.IOException;
import java.net.InetAddress;
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

/**
 * A service as an operator runs it: its picocli main in its own JVM, configured on its command line
 * ({@code --bootstrap-servers}, {@code --kafka-property k=v} for every {@code kafka.*} setting, {@code --set k=v}
 * for the rest), so the command-line path is what is tested. It keeps its HTTP port and state directory
 * across {@link #kill()} and {@link #start()}, as a restarted container with a persistent volume would.
 */
public final class ServiceProcess implements AutoCloseable {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String name;
  private final String mainClass;
  private final List<String> args;
  private final Path logDir;
  private final int httpPort;
  private ChildJvm jvm;
  private int starts;

  private ServiceProcess(String name, String mainClass, Map<String, String> settings, Path logDir) {
    this.name = name;
    this.mainClass = mainClass;
    this.logDir = logDir;
    this.httpPort = freePort();
    this.args = commandLine(settings, httpPort);
  }

  /**
   * The streams processor ({@code StreamsMain}, i.e. {@code coachstream streams}).
   *
   * @param settings every setting: {@code bootstrap.servers}, {@code application-id}, {@code kafka.*},
   *     {@code topic.*}, {@code state.dir}, ... ({@code http.port} is chosen here)
   */
  public static ServiceProcess streams(String name, Map<String, String> settings, Path logDir) {
    return new ServiceProcess(name, StreamsMain.class.getName(), settings, logDir);
  }

  /** The notifier ({@code NotifyCommand}, i.e. {@code coachstream notify}). */
  public static ServiceProcess notifier(String name, Map<String, String> settings, Path logDir) {
    return new ServiceProcess(name, NotifyCommand.class.getName(), settings, logDir);
  }

  static List<String> commandLine(Map<String, String> settings, int httpPort) {
    List<String> args = new ArrayList<>();
    new TreeMap<>(settings).forEach((key, value) -> {
      if (key.equals("http.port")) {
        throw new IllegalArgumentException("the HTTP port is chosen by ServiceProcess");
      } else if (key.equals("bootstrap.servers")) {
        args.addAll(List.of("--bootstrap-servers", value));
      } else if (key.startsWith("kafka.")) {
        args.addAll(List.of("--kafka-property", key.substring("kafka.".length()) + "=" + value));
      } else {
        args.addAll(List.of("--set", key + "=" + value));
      }
    });
    args.addAll(List.of("--set", "http.port=" + httpPort));
    return args;
  }

  /** Starts (or starts again) the process; returns at once; see {@link #isReady()}. */
  public ServiceProcess start() {
    if (jvm != null && jvm.isAlive()) {
      throw new IllegalStateException(name + " is running");
    }
    starts++;
    jvm = ChildJvm.start(name, mainClass, List.of("-Xms64m", "-Xmx384m"), args, Map.of(),
        logDir.resolve(name + "-" + starts + ".log"));
    return this;
  }

  /** {@code kill -9}. */
  public void kill() {
    jvm.kill();
  }

  public boolean isAlive() {
    return jvm != null && jvm.isAlive();
  }

  public int httpPort() {
    return httpPort;
  }

  public int starts() {
    return starts;
  }

  /** Every log file this process wrote, one per start. */
  public List<Path> logFiles() {
    List<Path> files = new ArrayList<>();
    for (int i = 1; i <= starts; i++) {
      files.add(logDir.resolve(name + "-" + i + ".log"));
    }
    return files;
  }

  /** {@code /ready} answers 200 (the streams processor: Kafka Streams is RUNNING). Fails fast if the process died. */
  public boolean isReady() {
    return status("/ready") == 200;
  }

  /** The current start's log has a line containing {@code text}. */
  public boolean logContains(String text) {
    try (var lines = Files.lines(jvm.logFile())) {
      return lines.anyMatch(line -> line.contains(text));
    } catch (IOException | java.io.UncheckedIOException e) {
      return false;
    }
  }

  /** {@code /health} answers at all: the JVM is up and serving HTTP (the streams processor may still be restoring). */
  public boolean servesHttp() {
    return status("/health") > 0;
  }

  /** GET on this instance's HTTP port: status and body (status 0 when nothing answers). */
  public HttpAnswer get(String path) {
    try {
      HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
          .header("Authorization", StreamsRuns.ADMIN.bearer()).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
      return new HttpAnswer(response.statusCode(), response.body());
    } catch (IOException e) {
      return new HttpAnswer(0, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new HttpAnswer(0, "interrupted");
    }
  }

  private int status(String path) {
    if (!isAlive()) {
      throw new IllegalStateException(name + " exited with code " + jvm.exitCode() + "; see " + jvm.logFile());
    }
    return get(path).status();
  }

  @Override
  public void close() {
    if (jvm != null) {
      jvm.close();
    }
  }

  @Override
  public String toString() {
    return name + (jvm == null ? "" : " " + jvm);
  }

  /** An HTTP answer. */
  public record HttpAnswer(int status, String body) { }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("No free port", e);
    }
  }
}
