package com.coachstream.kafka.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node KRaft broker (broker and controller combined) in a child JVM, started with Kafka's own
 * {@code kafka.Kafka} main on a {@code server.properties} written here. Unlike {@link LocalKafkaBroker} it can
 * be stopped ({@link #stop()}, SIGTERM: a clean shutdown), killed ({@link #kill()}, SIGKILL) and started
 * again on the same ports with the same data, so clients see the broker go away and come back, as in a
 * rolling restart or a crash. The storage is formatted once, with Kafka's {@code StorageTool}.
 */
public final class RestartableKafkaBroker implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RestartableKafkaBroker.class);
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
  private static final List<String> JVM_OPTIONS = List.of("-Xms64m", "-Xmx512m");

  private final Path baseDir;
  private final Path configFile;
  private final int clientPort;
  private ChildJvm process;
  private int starts;
  private boolean paused;

  private RestartableKafkaBroker(Path baseDir, Path configFile, int clientPort) {
    this.baseDir = baseDir;
    this.configFile = configFile;
    this.clientPort = clientPort;
  }

  /**
   * Broker overrides for tests that kill the broker: after a kill -9 the restarted broker registers again only
   * once the killed one's registration expired, and its controller (the same process) starts that session anew,
   * 9 s of the restart by default, 4 s with these. The broker still goes away and comes back on the same port
   * with the same data.
   */
  public static final Map<String, String> SHORT_BROKER_SESSION = Map.of("broker.session.timeout.ms", "4000",
      "broker.heartbeat.interval.ms", "1000");

  /** Formats fresh storage in a temporary directory, starts the broker and waits until it serves clients. */
  public static RestartableKafkaBroker start() {
    return start(Map.of());
  }

  /** As {@link #start()}; {@code overrides} are broker configs that win over the single-node defaults. */
  public static RestartableKafkaBroker start(Map<String, String> overrides) {
    try {
      Path baseDir = Files.createTempDirectory("coachstream-kafka-restartable-");
      int clientPort = freePort();
      int controllerPort = freePort();
      Path configFile = baseDir.resolve("server.properties");
      writeConfig(configFile, baseDir.resolve("data"), clientPort, controllerPort, overrides);
      format(baseDir, configFile);
      RestartableKafkaBroker broker = new RestartableKafkaBroker(baseDir, configFile, clientPort);
      broker.startProcess();
      return broker;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot prepare the broker's directory", e);
    }
  }

  public String bootstrapServers() {
    return "127.0.0.1:" + clientPort;
  }

  /** Where the broker's data, configuration and logs ({@code broker-N.log}, one per start) are. */
  public Path baseDirectory() {
    return baseDir;
  }

  public boolean isRunning() {
    return process != null && process.isAlive();
  }

  /** Stops the broker cleanly (SIGTERM, controlled shutdown) and waits until its process is gone. */
  public void stop() {
    requireRunning();
    if (paused) {
      resume(); // a frozen process cannot shut down cleanly
    }
    process.stop(Duration.ofSeconds(60));
    log.info("Broker at {} stopped", bootstrapServers());
  }

  /** Kills the broker (SIGKILL): no controlled shutdown; the next start recovers its logs. */
  public void kill() {
    requireRunning();
    process.kill();
    log.info("Broker at {} killed", bootstrapServers());
  }

  /**
   * Freezes the broker (SIGSTOP): its sockets stay open but nothing answers, as with a broker stuck in a long
   * GC pause or behind a dead network path. Clients' requests time out instead of being refused. Unix only.
   */
  public void pause() {
    requireRunning();
    signal("STOP");
    paused = true;
    log.info("Broker at {} paused", bootstrapServers());
  }

  /** Lets a paused broker go on (SIGCONT). */
  public void resume() {
    requireRunning();
    signal("CONT");
    paused = false;
    log.info("Broker at {} resumed", bootstrapServers());
  }

  private void signal(String name) {
    try {
      Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
      if (!kill.waitFor(10, TimeUnit.SECONDS)) {
        kill.destroyForcibly();
        throw new IllegalStateException("kill -" + name + " " + process.pid() + " did not return");
      }
      if (kill.exitValue() != 0) {
        throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot signal the broker process", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Starts the stopped or killed broker again on the same ports with the same data, and waits until it serves. */
  public Duration restart() {
    if (isRunning()) {
      throw new IllegalStateException("The broker at " + bootstrapServers() + " is still running; stop or kill it first");
    }
    return startProcess();
  }

  /** Kills the broker if it runs and deletes its data. */
  @Override
  public void close() {
    if (process != null) {
      process.close();
    }
    deleteQuietly(baseDir);
  }

  private Duration startProcess() {
    long began = System.nanoTime();
    starts++;
    process = ChildJvm.start("kafka-broker", "kafka.Kafka", JVM_OPTIONS, List.of(configFile.toString()), Map.of(),
        baseDir.resolve("broker-" + starts + ".log"));
    awaitReady();
    Duration took = Duration.ofNanos(System.nanoTime() - began);
    log.info("Broker at {} ready in {} ms (start #{})", bootstrapServers(), took.toMillis(), starts);
    return took;
  }

  /**
   * Waits until the client port accepts connections (pacing on the process, which also notices a crash),
   * then until the broker answers for the cluster; every attempt is bounded, so this never hangs.
   */
  private void awaitReady() {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (!portAccepts()) {
      if (process.waitFor(Duration.ofMillis(200))) {
        throw new IllegalStateException("The broker exited with code " + process.exitCode() + "; see " + process.logFile());
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("The broker at " + bootstrapServers() + " did not listen within " + READY_TIMEOUT
            + "; see " + process.logFile());
      }
    }
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000");
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
    Exception last = null;
    try (Admin admin = Admin.create(props)) {
      while (System.nanoTime() < deadline) {
        try {
          if (!admin.describeCluster(new DescribeClusterOptions().timeoutMs(3000)).nodes().get(4, TimeUnit.SECONDS).isEmpty()) {
            return;
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("Interrupted while waiting for the broker", e);
        } catch (Exception e) {
          last = e;
        }
      }
    }
    throw new IllegalStateException("The broker at " + bootstrapServers() + " did not become ready within " + READY_TIMEOUT
        + " (last error: " + last + "); see " + process.logFile());
  }

  private boolean portAccepts() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), clientPort), 1000);
      return true;
    } catch (IOException refused) {
      return false;
    }
  }

  private void requireRunning() {
    if (!isRunning()) {
      throw new IllegalStateException("The broker at " + bootstrapServers() + " is not running");
    }
  }

  private static void writeConfig(Path file, Path dataDir, int clientPort, int controllerPort, Map<String, String> overrides)
      throws IOException {
    Map<String, String> config = new TreeMap<>(LocalKafkaBroker.singleNodeDefaults());
    config.put("process.roles", "broker,controller");
    config.put("node.id", "1");
    config.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
    config.put("listeners", "PLAINTEXT://127.0.0.1:" + clientPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
    config.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + clientPort);
    config.put("controller.listener.names", "CONTROLLER");
    config.put("inter.broker.listener.name", "PLAINTEXT");
    config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    config.put("log.dirs", dataDir.toString());
    config.putAll(overrides);
    Properties props = new Properties();
    props.putAll(config);
    try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      props.store(writer, "single-node KRaft broker for CoachStream tests");
    }
  }

  /** {@code kafka-storage.sh format}: the same tool an operator runs, in its own JVM (it calls System.exit). */
  private static void format(Path baseDir, Path configFile) {
    List<String> args = new ArrayList<>(List.of("format", "-t", Uuid.randomUuid().toString(), "-c", configFile.toString()));
    try (ChildJvm tool = ChildJvm.start("kafka-storage-format", "kafka.tools.StorageTool", JVM_OPTIONS, args, Map.of(),
        baseDir.resolve("format.log"))) {
      if (!tool.waitFor(Duration.ofSeconds(60)) || tool.exitCode() != 0) {
        throw new IllegalStateException("Formatting the broker's storage failed; see " + tool.logFile());
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }

  private static void deleteQuietly(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      log.debug("Could not delete {}: {}", dir, e.toString());
    }
  }
}
