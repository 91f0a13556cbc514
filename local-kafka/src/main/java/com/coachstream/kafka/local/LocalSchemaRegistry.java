package com.coachstream.kafka.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real schema registry for the demo and the tests: the Apicurio registry (in-memory storage) that the
 * build unpacked from Maven Central, run as a child JVM bound to 127.0.0.1 on free ports. Data teams'
 * clients talk to its Confluent-compatible API at {@link #ccompatUrl()}.
 */
public final class LocalSchemaRegistry implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(LocalSchemaRegistry.class);
  private static final String CCOMPAT_PATH = "/apis/ccompat/v7";
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

  private final ChildJvm process;
  private final int port;
  private final Duration startTime;

  private LocalSchemaRegistry(ChildJvm process, int port, Duration startTime) {
    this.process = process;
    this.port = port;
    this.startTime = startTime;
  }

  /** Starts the registry and waits until its Confluent-compatible API answers. */
  public static LocalSchemaRegistry start(Path logDir) {
    Properties build = buildProperties();
    Path home = Path.of(System.getProperty("coachstream.apicurio.home", build.getProperty("home")));
    Path runJar = home.resolve("quarkus-run.jar");
    if (!Files.isRegularFile(runJar)) {
      throw new IllegalStateException("The schema registry is not unpacked at " + home
          + ": build the local-kafka module first (mvn -pl local-kafka -am package)");
    }
    int minimumJava = Integer.parseInt(build.getProperty("minimum.java", "17"));
    Path java = JavaFinder.atLeast(minimumJava).orElseThrow(() -> new IllegalStateException("Apicurio registry "
        + build.getProperty("version") + " needs Java " + minimumJava + "+; none found in java.home or /usr/lib/jvm"));
    int port = freePort();
    int managementPort = freePort();
    List<String> command = List.of(java.toString(), "-Xmx256m",
        "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port,
        "-Dquarkus.management.host=127.0.0.1", "-Dquarkus.management.port=" + managementPort,
        "-jar", runJar.toString());
    long started = System.nanoTime();
    ChildJvm child = ChildJvm.startCommand("schema-registry", command, home, Map.of(),
        logDir.resolve("schema-registry-" + port + ".log"));
    LocalSchemaRegistry registry = new LocalSchemaRegistry(child, port, Duration.ZERO);
    try {
      registry.awaitReady();
    } catch (RuntimeException e) {
      child.close();
      throw e;
    }
    Duration startTime = Duration.ofNanos(System.nanoTime() - started);
    log.info("Schema registry (Apicurio {}) ready at {} in {} ms", build.getProperty("version"),
        registry.ccompatUrl(), startTime.toMillis());
    return new LocalSchemaRegistry(child, port, startTime);
  }

  /** The registry's Confluent-compatible API, e.g. {@code http://127.0.0.1:41234/apis/ccompat/v7}. */
  public String ccompatUrl() {
    return "http://127.0.0.1:" + port + CCOMPAT_PATH;
  }

  /** From launch until the API answered. */
  public Duration startTime() {
    return startTime;
  }

  public int port() {
    return port;
  }

  public Path logFile() {
    return process.logFile();
  }

  private void awaitReady() {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest probe = HttpRequest.newBuilder(URI.create(ccompatUrl() + "/subjects")).timeout(Duration.ofSeconds(5)).build();
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("The schema registry exited with " + process.exitCode() + "; see " + process.logFile());
      }
      try {
        if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYetListening) {
        // keep polling until the deadline
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for the schema registry", e);
      }
      process.waitFor(Duration.ofMillis(200)); // a pause that ends early if the child dies
    }
    throw new IllegalStateException("The schema registry did not answer within " + READY_TIMEOUT + "; see " + process.logFile());
  }

  /** Stops the registry like an operator would (its in-memory schemas are gone). */
  @Override
  public void close() {
    process.stop(Duration.ofSeconds(20));
    process.close();
  }

  private static Properties buildProperties() {
    try (InputStream in = LocalSchemaRegistry.class.getClassLoader().getResourceAsStream("coachstream/schema-registry.properties")) {
      Properties props = new Properties();
      if (in != null) {
        props.load(in);
      }
      return props;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free port on 127.0.0.1", e);
    }
  }
}
