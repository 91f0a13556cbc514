package com.coachstream.launcher;

import com.coachstream.common.cli.CommonOptions;
import com.coachstream.common.config.KafkaSettings;
import com.coachstream.common.config.Settings;
import com.coachstream.common.config.keys.Service;
import com.coachstream.common.kafka.TopicCreator;
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
import com.coachstream.producer.simulate.SimulationConfig;
import com.coachstream.schemas.registry.WireFormat;
import com.coachstream.schemas.topics.Topics;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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

  @Option(names = "--max-duration", paramLabel = "DURATION",
      description = "Stop by itself after this long, e.g. 90s (default: run until Ctrl-C).")
  String maxDuration;

  @Option(names = "--wire-format", paramLabel = "FORMAT", defaultValue = "single-object",
      description = "single-object or registry: every topic in the Confluent layout against a schema registry "
          + "(schema.registry.url, else a local Apicurio registry started by the demo) (default: ${DEFAULT-VALUE}).")
  String wireFormat;

  PrintStream out = System.out;

  @Override
  public Integer call() throws Exception {
    Instant began = Instant.now();
    Duration playbackTime = Settings.parseDuration("--playback", playback);
    DemoResources resources = new DemoResources();
    CountDownLatch stop = new CountDownLatch(1);
    CountDownLatch closed = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      stop.countDown();
      awaitQuietly(closed, Duration.ofSeconds(60));
    }, "demo-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      out.println("CoachStream demo — the whole pipeline in one process");
      String bootstrap = DemoServices.startBroker(common, resources, out);
      Map<String, String> wire = DemoWireFormat.settings(WireFormat.parse(wireFormat), common.settings(Service.DEMO, Map.of()),
          resources.stack(), out);
      Settings base = common.settings(Service.DEMO, DemoServices.with(wire, Map.of("bootstrap.servers", bootstrap)));
      Topics topics = KafkaSettings.topics(base);
      TopicCreator.createAll(KafkaSettings.clientProperties(base), topics, 6, 0);
      out.printf("  Topics   %d topics ready (coaching.alerts.v1, coaching.skill-scores.v1, ...)%n", topics.all().size());

      DemoSignIn signIn = DemoSignIn.create(teams, resources.temporaryDirectory("coachstream-demo-users-"));
      DemoServices.Started started = DemoServices.startPipeline(common, wire, bootstrap, signIn.file(), httpPort,
          notifierHttpPort, resources);
      Pipeline pipeline = started.pipeline();
      out.printf("  Streams  http://localhost:%d  (query API; every request signs in, see below)%n",
          pipeline.streams().opsPort());
      WorkspaceServer workspace = resources.add(
          DemoWorkspace.start(started.streamsSettings(), pipeline.streams(), topics, workspacePort));
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

      TopicMonitor monitor = resources.add(new TopicMonitor(KafkaSettings.clientProperties(base), topics));
      CoachStreamProducer producer = resources.add(CoachStreamProducer.create(base));

      Path truthFile = Files.createTempFile("coachstream-demo-ground-truth-", ".jsonl");
      truth.write(truthFile);
      out.printf("  Simulator %d agents in %d teams, %d of them slip; %d days of history played over %s%n",
          agents, teams, truth.slipping().size(), days, playback);
      out.printf("           supervisors answer alerts and hold %d coaching sessions (true lift +%.0f or 0; the season"
          + " drifts +%.0f per %d days)%n", truth.sessions().size(), CoachingPlan.standard().lift(),
          CoachingPlan.standard().seasonDrift(), CoachingPlan.standard().effectWindow().toDays());
      out.printf("           ground truth (who slips when, true lift per session): %s%n%n", truthFile);
      resources.add(new SimulatedSupervisors(KafkaSettings.clientProperties(base), producer, truth));
      resources.add(new CoachingLoopPrinter(KafkaSettings.clientProperties(base), topics, truth, out));
      SummaryPrinter summary = DemoPlayback.start(config, truth, producer, monitor, began, out, resources);

      if (maxDuration != null) {
        // counted from the launch, like the status lines, not from when the pipeline was up
        long left = Settings.parseDuration("--max-duration", maxDuration).toMillis()
            - Duration.between(began, Instant.now()).toMillis();
        stop.await(Math.max(0, left), TimeUnit.MILLISECONDS);
      } else {
        stop.await();
      }
      summary.print();
      return 0;
    } finally {
      out.println("Stopping: simulator, notifier, streams processor, schema registry (if any), Kafka broker ...");
      resources.close();
      out.println("Stopped cleanly; temporary data removed.");
      closed.countDown();
      if (stop.getCount() > 0) {
        Runtime.getRuntime().removeShutdownHook(hook);
      }
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
