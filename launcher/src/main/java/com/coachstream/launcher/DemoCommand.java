package com.coachstream.launcher;

import com.coachstream.common.cli.CommonOptions;
import com.coachstream.common.config.KafkaSettings;
import com.coachstream.common.config.Settings;
import com.coachstream.common.config.keys.Service;
import com.coachstream.common.kafka.TopicCreator;
import com.coachstream.kafka.local.LocalKafkaBroker;
import com.coachstream.common.security.DemoUsers;
import com.coachstream.launcher.demo.CoachingLoopPrinter;
import com.coachstream.launcher.demo.DemoWireFormat;
import com.coachstream.launcher.demo.Pipeline;
import com.coachstream.workspace.WorkspaceServer;
import com.coachstream.launcher.demo.SummaryPrinter;
import com.coachstream.launcher.demo.TopicMonitor;
import com.coachstream.producer.CoachStreamProducer;
import com.coachstream.producer.simulate.CoachingPlan;
import com.coachstream.producer.simulate.ContactCenter;
import com.coachstream.producer.simulate.GroundTruth;
import com.coachstream.producer.simulate.Pacing;
import com.coachstream.producer.simulate.SimulatedSupervisors;
import com.coachstream.producer.simulate.Simulation;
import com.coachstream.producer.simulate.SimulationConfig;
import com.coachstream.producer.simulate.SimulationResult;
import com.coachstream.schemas.registry.WireFormat;
import com.coachstream.schemas.topics.Topics;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code coachstream demo}: the whole pipeline in one process on an embedded Kafka broker — a simulated
 * contact center whose history is played fast enough that slips and recoveries show within a minute.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Run the whole pipeline in one process on an embedded Kafka broker.",
        "A simulated contact center (agents who slip at known times, supervisors who answer alerts and coach",
        "with a known effect), the streams processor, the notifier (alerts, actions and coaching effects print",
        "as they happen) and the HTTP API. Ctrl-C stops everything and removes its data.",
        "The broker is embedded unless --bootstrap-servers (or KAFKA_BOOTSTRAP_SERVERS) names a cluster."})
final class DemoCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @Option(names = "--agents", defaultValue = "40", description = "Simulated agents (default: ${DEFAULT-VALUE}).")
  int agents;

  @Option(names = "--teams", defaultValue = "4", description = "Teams, each with a supervisor (default: ${DEFAULT-VALUE}).")
  int teams;

  @Option(names = "--days", defaultValue = "35", description = "Days of history, ending now (default: ${DEFAULT-VALUE}).")
  int days;

  @Option(names = "--playback", defaultValue = "40s",
      description = "Wall time over which the history is played (default: ${DEFAULT-VALUE}).")
  String playback;

  @Option(names = "--slip-fraction", defaultValue = "0.25", description = "Share of agents who slip (default: ${DEFAULT-VALUE}).")
  double slipFraction;

  @Option(names = "--seed", defaultValue = "42", description = "Random seed: the same seed plays the same story (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--http-port", defaultValue = "8080", description = "Port of the streams processor's HTTP API (default: ${DEFAULT-VALUE}; 0 = any).")
  int httpPort;

  @Option(names = "--notifier-http-port", defaultValue = "8081", description = "Port of the notifier's /health and /metrics (default: ${DEFAULT-VALUE}; 0 = any).")
  int notifierHttpPort;

  @Option(names = "--workspace-port", defaultValue = "8088", description = "Port of the supervisor workspace (default: ${DEFAULT-VALUE}; 0 = any).")
  int workspacePort;

  private Settings streamsSettings;

  @Option(names = "--max-duration", paramLabel = "DURATION",
      description = "Stop by itself after this long, e.g. 90s (default: run until Ctrl-C).")
  String maxDuration;

  @Option(names = "--wire-format", paramLabel = "FORMAT", defaultValue = "single-object",
      description = "single-object or registry: every topic in the Confluent layout against a schema registry "
          + "(schema.registry.url, else a local Apicurio registry started by the demo) (default: ${DEFAULT-VALUE}).")
  String wireFormat;

  PrintStream out = System.out;

  /** The wire-format settings every part of the demo gets (the user's own settings win over them). */
  private Map<String, String> wire = Map.of();

  @Override
  public Integer call() throws Exception {
    Instant began = Instant.now();
    Duration playbackTime = Settings.parseDuration("--playback", playback);
    Deque<AutoCloseable> resources = new ArrayDeque<>();
    CountDownLatch stop = new CountDownLatch(1);
    CountDownLatch closed = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      stop.countDown();
      awaitQuietly(closed, Duration.ofSeconds(60));
    }, "demo-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      out.println("CoachStream demo — the whole pipeline in one process");
      String bootstrap = startBroker(resources);
      wire = DemoWireFormat.settings(WireFormat.parse(wireFormat), common.settings(Service.DEMO, Map.of()), resources, out);
      Settings base = common.settings(Service.DEMO, with(wire, Map.of("bootstrap.servers", bootstrap)));
      Topics topics = KafkaSettings.topics(base);
      TopicCreator.createAll(KafkaSettings.clientProperties(base), topics, 6, 0);
      out.printf("  Topics   %d topics ready (coaching.alerts.v1, coaching.skill-scores.v1, ...)%n", topics.all().size());

      Path signInDir = Files.createTempDirectory("coachstream-demo-users-");
      resources.push(() -> deleteTree(signInDir));
      DemoSignIn signIn = DemoSignIn.create(teams, signInDir);
      Pipeline pipeline = startPipeline(bootstrap, resources, signIn.file());
      out.printf("  Streams  http://localhost:%d  (query API; every request signs in, see below)%n",
          pipeline.streams().opsPort());
      WorkspaceServer workspace = DemoWorkspace.start(streamsSettings, pipeline.streams(), topics, workspacePort);
      resources.push(workspace);
      out.printf("  Workspace http://localhost:%d/  — the supervisor workspace; sign in as one of these users:%n",
          workspace.port());
      // The simulated history is known before it is played: the sign-in hint names a team that will have alerts.
      SimulationConfig config = SimulationConfig.builder().seed(seed).agents(agents).teams(teams).days(days)
          .slipFraction(slipFraction).end(Instant.now()).pacing(Pacing.compressedTo(playbackTime))
          .coaching(CoachingPlan.standard()).build();
      GroundTruth truth = GroundTruth.of(ContactCenter.generate(config));
      signIn.print(out, pipeline.streams().opsPort(),
          truth.slipping().stream().map(agent -> agent.team().teamId()).findFirst().orElse("team-01"));
      out.printf("  Notifier http://localhost:%d/metrics  — alerts print below as they happen%n", pipeline.notifier().opsPort());

      TopicMonitor monitor = new TopicMonitor(KafkaSettings.clientProperties(base), topics);
      resources.push(monitor);
      CoachStreamProducer producer = CoachStreamProducer.create(base);
      resources.push(producer);

      Path truthFile = Files.createTempFile("coachstream-demo-ground-truth-", ".jsonl");
      truth.write(truthFile);
      out.printf("  Simulator %d agents in %d teams, %d of them slip; %d days of history played over %s%n",
          agents, teams, truth.slipping().size(), days, playback);
      out.printf("           supervisors answer alerts and hold %d coaching sessions (true lift +%.0f or 0; the season"
          + " drifts +%.0f per %d days)%n", truth.sessions().size(), CoachingPlan.standard().lift(),
          CoachingPlan.standard().seasonDrift(), CoachingPlan.standard().effectWindow().toDays());
      out.printf("           ground truth (who slips when, true lift per session): %s%n%n", truthFile);
      resources.push(new SimulatedSupervisors(KafkaSettings.clientProperties(base), producer, truth));
      resources.push(new CoachingLoopPrinter(KafkaSettings.clientProperties(base), topics, truth, out));

      AtomicReference<SimulationResult> result = new AtomicReference<>();
      AtomicReference<Instant> simulatedUpTo = new AtomicReference<>(config.start());
      Thread simulation = new Thread(() -> {
        try {
          result.set(Simulation.run(config, producer, (emitted, eventTime, fraction) -> simulatedUpTo.set(eventTime)));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } catch (Exception e) {
          out.println("Simulation stopped: " + e.getMessage());
        }
      }, "demo-simulation");
      simulation.setDaemon(true);
      simulation.start();
      resources.push(simulation::interrupt);

      ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "demo-summary");
        t.setDaemon(true);
        return t;
      });
      resources.push(ticker::shutdownNow);
      SummaryPrinter summary = new SummaryPrinter(out, began, monitor, truth, result, simulatedUpTo);
      ticker.scheduleAtFixedRate(summary::print, 10, 10, TimeUnit.SECONDS);

      if (maxDuration != null) {
        // counted from the launch, like the status lines, not from when the pipeline was up
        long left = Settings.parseDuration("--max-duration", maxDuration).toMillis()
            - java.time.Duration.between(began, Instant.now()).toMillis();
        stop.await(Math.max(0, left), TimeUnit.MILLISECONDS);
      } else {
        stop.await();
      }
      summary.print();
      return 0;
    } finally {
      out.println("Stopping: simulator, notifier, streams processor, schema registry (if any), Kafka broker ...");
      closeAll(resources);
      out.println("Stopped cleanly; temporary data removed.");
      closed.countDown();
      if (stop.getCount() > 0) {
        Runtime.getRuntime().removeShutdownHook(hook);
      }
    }
  }

  private String startBroker(Deque<AutoCloseable> resources) {
    // the first look at the settings: an unknown one stops the demo before anything starts
    Settings given = common.settings(Service.DEMO, Map.of());
    if (given.find("bootstrap.servers").isPresent()) {
      String bootstrap = given.string("bootstrap.servers");
      out.printf("  Kafka    %s (given by %s; no embedded broker)%n", bootstrap, given.origin("bootstrap.servers"));
      return bootstrap;
    }
    LocalKafkaBroker broker = LocalKafkaBroker.start();
    resources.push(broker);
    out.printf("  Kafka    embedded KRaft broker at %s, started in %.1f s%n",
        broker.bootstrapServers(), broker.startTime().toMillis() / 1000.0);
    return broker.bootstrapServers();
  }

  private Pipeline startPipeline(String bootstrap, Deque<AutoCloseable> resources, Path usersFile) throws Exception {
    Path stateDir = Files.createTempDirectory("coachstream-demo-state-");
    resources.push(() -> deleteTree(stateDir));
    Map<String, String> streams = with(wire, streamsDefaults(bootstrap, stateDir, httpPort));
    streams.put("security.users-file", usersFile.toString());
    // the workspace reads the query API for its signed-in users with service tokens under this secret
    streams.put("security.service-secret", DemoUsers.randomSecret() + DemoUsers.randomSecret());
    streamsSettings = common.settings(Service.DEMO, streams);
    Pipeline pipeline = Pipeline.start(streamsSettings,
        common.settings(Service.DEMO, with(wire, notifierDefaults(bootstrap, notifierHttpPort))));
    resources.push(pipeline);
    return pipeline;
  }

  /** The demo's own defaults for its streams processor; the user's settings win over them. */
  static Map<String, String> streamsDefaults(String bootstrap, Path stateDir, int httpPort) {
    Map<String, String> defaults = new HashMap<>();
    defaults.put("bootstrap.servers", bootstrap);
    defaults.put("application-id", "coachstream-demo");
    defaults.put("state.dir", stateDir.toString());
    defaults.put("http.port", String.valueOf(httpPort));
    defaults.put("scores.publish.interval", "2s");
    return defaults;
  }

  private static Map<String, String> with(Map<String, String> wire, Map<String, String> defaults) {
    Map<String, String> merged = new HashMap<>(defaults);
    merged.putAll(wire);
    return merged;
  }

  /** The demo's own defaults for its notifier: alerts to the console. */
  static Map<String, String> notifierDefaults(String bootstrap, int httpPort) {
    Map<String, String> defaults = new HashMap<>();
    defaults.put("bootstrap.servers", bootstrap);
    defaults.put("notifier.group", "coachstream-demo-notifier");
    defaults.put("routes.default", "log");
    defaults.put("channel.log.output", "stdout");
    defaults.put("http.port", String.valueOf(httpPort));
    return defaults;
  }

  private static void closeAll(Deque<AutoCloseable> resources) {
    while (!resources.isEmpty()) {
      try {
        resources.pop().close();
      } catch (Exception e) {
        System.err.println("Error while stopping: " + e);
      }
    }
  }

  private static void deleteTree(Path dir) throws java.io.IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  private static void awaitQuietly(CountDownLatch latch, Duration limit) {
    try {
      latch.await(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
