package com.coachstream.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.coachstream.avro.AgentWindowKey;
import com.coachstream.common.config.Settings;
import com.coachstream.kafka.local.RestartableKafkaBroker;
import com.coachstream.launcher.demo.DetectionScore;
import com.coachstream.launcher.demo.Pipeline;
import com.coachstream.producer.CoachStreamProducer;
import com.coachstream.producer.simulate.Pacing;
import com.coachstream.producer.simulate.Simulation;
import com.coachstream.producer.simulate.SimulationConfig;
import com.coachstream.producer.simulate.SimulationResult;
import com.coachstream.systemtests.support.GroupProgress;
import com.coachstream.systemtests.support.MapDiff;
import com.coachstream.systemtests.support.PipelineOutputs;
import com.coachstream.systemtests.support.Quiescence;
import com.coachstream.systemtests.support.RunOutcome;
import com.coachstream.systemtests.support.StreamsRuns;
import com.coachstream.systemtests.support.TopicSet;
import com.coachstream.systemtests.support.Webhook;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker goes away in the middle of a run — once stopped cleanly (a rolling restart), once killed with
 * kill -9 — and comes back on the same port with the same data. The producer library (driven by the
 * simulator), the streams processor and the notifier ride it out: every event is stored, the final windows
 * equal an uninterrupted run's, every designed slip is alerted, and every alert reaches the webhook once.
 */
@Tag("integration")
@Tag("faults")
@Timeout(420)
class BrokerRestartIT {

  /**
   * The simulator plays 28 days in 30 s, so one second of outage is ~22 hours of event time: events of one
   * topic held back by an outage while another topic's flow on would be "late" against the default 48 h
   * grace, which is meant for hours of delay, not for compressed time. The grace covers the whole history.
   */
  private static final Map<String, String> GRACE_FOR_COMPRESSED_TIME = Map.of("window.grace", "30d");


  @Test
  void producerStreamsAndNotifierResumeAfterTheBrokerRestarts(@TempDir Path stateDir) throws Exception {
    try (RestartableKafkaBroker broker = RestartableKafkaBroker.start(RestartableKafkaBroker.SHORT_BROKER_SESSION);
        Webhook webhook = new Webhook()) {
      Properties client = new Properties();
      client.put("bootstrap.servers", broker.bootstrapServers());
      String prefix = "restart-" + Long.toHexString(System.nanoTime());
      TopicSet topics = TopicSet.create(client, prefix + ".live", 4);
      Map<String, String> common = topics.settings();
      common.put("bootstrap.servers", broker.bootstrapServers());
      String streamsApp = prefix + "-streams";
      Map<String, String> streams = StreamsRuns.settings(broker.bootstrapServers(), topics, streamsApp, stateDir.resolve("live"));
      streams.put("http.port", "0");
      streams.putAll(GRACE_FOR_COMPRESSED_TIME);
      Map<String, String> notifier = new HashMap<>(common);
      notifier.putAll(webhook.notifierSettings());
      notifier.put("notifier.group", prefix + "-notifier");
      notifier.put("http.host", "127.0.0.1");
      notifier.put("http.port", "0");

      SimulationConfig config = SimulationConfig.builder().seed(23).agents(20).teams(2).days(28).slipFraction(0.3)
          .end(Instant.now().truncatedTo(ChronoUnit.SECONDS)).pacing(Pacing.compressedTo(Duration.ofSeconds(30))).build();
      AtomicLong emitted = new AtomicLong();
      List<String> outages = new ArrayList<>();
      SimulationResult result;
      try (Pipeline pipeline = Pipeline.start(Settings.of(streams), Settings.of(notifier));
          CoachStreamProducer producer = CoachStreamProducer.create(Settings.of(producerSettings(common)));
          GroupProgress progress = new GroupProgress(client, streamsApp, topics.inputs());
          PipelineOutputs outputs = new PipelineOutputs(client, topics.topics())) {
        CompletableFuture<SimulationResult> simulation = CompletableFuture.supplyAsync(() -> {
          try {
            return Simulation.run(config, producer, (events, time, fraction) -> emitted.set(events));
          } catch (Exception e) {
            throw new IllegalStateException("The simulation failed", e);
          }
        });
        await().atMost(Duration.ofMinutes(2)).until(() -> emitted.get() >= 3_500);
        long down = System.nanoTime();
        broker.stop();
        Duration back = broker.restart();
        outages.add(String.format(Locale.ROOT, "clean stop at %,d events sent: down %.1f s (restart %.1f s)",
            emitted.get(), seconds(down), back.toMillis() / 1000.0));
        await().atMost(Duration.ofMinutes(2)).until(() -> emitted.get() >= 8_000);
        down = System.nanoTime();
        broker.kill();
        back = broker.restart();
        outages.add(String.format(Locale.ROOT, "kill -9 at %,d events sent: down %.1f s (restart %.1f s)",
            emitted.get(), seconds(down), back.toMillis() / 1000.0));
        result = simulation.get(4, TimeUnit.MINUTES);

        Quiescence.awaitSettled(progress, outputs, StreamsRuns.PUBLISH_INTERVAL, Duration.ofMinutes(4));
        await().atMost(Duration.ofMinutes(2)).until(() -> webhook.alertIds().size() >= outputs.alerts().size());
        RunOutcome live = RunOutcome.of(outputs);
        long stored = progress.total();
        DetectionScore score = DetectionScore.of(result.groundTruth().agents(), outputs.alerts());
        System.out.printf(Locale.ROOT, "Broker restart: %s%n", outages);
        System.out.printf(Locale.ROOT, "Broker restart: %,d events sent in %.1f s, %,d stored in the input topics; %,d windows,"
                + " %d alerts on the topic, %d webhook posts for %d distinct alerts, dead letters %s; %s%n", result.events(),
            result.wallTime().toMillis() / 1000.0, stored, live.windows().size(), live.alertIds().size(),
            webhook.deliveries().size(), webhook.alertIds().size(), outputs.deadLettersByStageAndReason(), score.summary());

        RunOutcome expected = StreamsRuns.uninterrupted(client, topics.withOwnOutputs(client, prefix + ".reference", 4),
            prefix + "-reference", stateDir.resolve("reference"), GRACE_FOR_COMPRESSED_TIME, Duration.ofMinutes(3));
        assertThat(result.complete()).as("the simulation played its whole history").isTrue();
        assertThat(stored).as("events stored in the input topics").isEqualTo(result.events());
        MapDiff<AgentWindowKey> windows = live.windowsAgainst(expected);
        assertThat(windows.isEmpty()).as("final windows %s", windows.summary(5, RunOutcome::describe)).isTrue();
        assertThat(score.recall()).as(score.summary()).isEqualTo(1.0);
        assertThat(live.alertIds()).as("alert ids committed twice").doesNotHaveDuplicates();
        assertThat(webhook.alertIds()).isEqualTo(live.alerts().keySet());
        assertThat(webhook.postsPerAlert()).allSatisfy((id, posts) -> assertThat(posts).as("posts of %s", id).isEqualTo(1));
      }
    }
  }

  /**
   * The producer library fails a send after ~15 s without a broker by default (a clear error rather than a
   * hang); a source system that must ride out a broker restart raises the bounds, as an operator would with
   * {@code --kafka-property max.block.ms=... --kafka-property delivery.timeout.ms=...}.
   */
  private static Map<String, String> producerSettings(Map<String, String> common) {
    Map<String, String> settings = new HashMap<>(common);
    settings.put("kafka.max.block.ms", "120000");
    settings.put("kafka.delivery.timeout.ms", "180000");
    return settings;
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
