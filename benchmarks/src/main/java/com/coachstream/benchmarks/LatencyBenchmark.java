package com.coachstream.benchmarks;

import com.coachstream.avro.CoachingAlert;
import com.coachstream.benchmarks.harness.Cluster;
import com.coachstream.benchmarks.harness.Directories;
import com.coachstream.benchmarks.harness.HarnessOptions;
import com.coachstream.benchmarks.harness.Report;
import com.coachstream.benchmarks.harness.StreamsApps;
import com.coachstream.benchmarks.harness.TimedSink;
import com.coachstream.benchmarks.harness.WebhookReceiver;
import com.coachstream.common.config.Settings;
import com.coachstream.launcher.demo.Pipeline;
import com.coachstream.producer.CoachStreamProducer;
import com.coachstream.producer.simulate.Pacing;
import com.coachstream.producer.simulate.ProgressListener;
import com.coachstream.producer.simulate.Simulation;
import com.coachstream.producer.simulate.SimulationConfig;
import com.coachstream.producer.simulate.SimulationResult;
import com.coachstream.schemas.topics.TopicNames;
import com.coachstream.schemas.topics.Topics;
import com.coachstream.streams.topology.StreamsSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Figure 4: at a steady input rate, the time from an event handed to the producer library to the alert it
 * triggered arriving at a webhook on loopback, through the streams processor (exactly-once) and the notifier.
 * The triggering event of each alert is its {@code sourceId} on the alerts topic.
 */
public final class LatencyBenchmark {

  private LatencyBenchmark() { }

  public static void run(Cluster cluster, HarnessOptions options, Report report) throws Exception {
    run(cluster, options, report, "4 latency");
  }

  /** One run of {@code --latency-duration} in a section of this name; returns its p99 in milliseconds. */
  public static double run(Cluster cluster, HarnessOptions options, Report report, String sectionName) throws Exception {
    return run(cluster, options, report, sectionName, options.latencyDuration);
  }

  /** One run of this length in a section of this name; returns its p99 in milliseconds. */
  public static double run(Cluster cluster, HarnessOptions options, Report report, String sectionName,
      Duration duration) throws Exception {
    String base = "lat-" + System.currentTimeMillis();
    TopicNames names = TopicNames.DEFAULTS.withPrefix(base + ".");
    cluster.createTopics(names, ThroughputBenchmark.PARTITIONS);
    Path stateDir = Directories.temporary("coachstream-bench-state-");
    Settings streams = StreamsApps.settings(cluster, names, base + "-streams", stateDir, options.streamsSettings);
    Map<String, String> notifier = new HashMap<>(names.asMap());
    notifier.put("bootstrap.servers", cluster.bootstrapServers());
    notifier.put("notifier.group", base + "-notifier");
    notifier.put("http.host", "127.0.0.1");
    notifier.put("http.port", "0");
    notifier.put("routes.default", "hook");
    notifier.put("channel.hook.type", "webhook");
    int agents = options.latencyAgents(35);
    SimulationConfig config = SimulationConfig.builder().seed(3).agents(agents)
        .teams(Math.max(1, agents / 30)).days(35).slipFraction(0.5)
        .end(Instant.now().truncatedTo(ChronoUnit.SECONDS)).pacing(Pacing.eventsPerSecond(options.latencyRate))
        .maxWallTime(duration).build();

    Report.Section section = report.section(sectionName)
        .setting("input rate", options.latencyRate + " events/s for up to " + duration)
        .setting("agents, days, slip fraction", agents + ", 35, 0.5")
        .setting("commit.interval.ms", commitInterval(streams))
        .setting("scores.publish.interval", StreamsSettings.from(streams).publishInterval().toString())
        .setting("path", "producer library (linger 20 ms) -> broker -> streams processor (exactly_once_v2) -> alerts"
            + " topic (read_committed) -> notifier -> webhook HTTP POST on loopback")
        .setting("streams settings", options.streamsSettings.isEmpty() ? "product defaults" : options.streamsSettings.toString());

    try (WebhookReceiver webhook = new WebhookReceiver()) {
      notifier.put("channel.hook.url", webhook.url());
      SimulationResult result;
      TimedSink sink;
      boolean drained;
      try (Pipeline pipeline = Pipeline.start(streams, Settings.of(notifier));
           CoachStreamProducer producer = CoachStreamProducer.create(streams)) {
        awaitRunning(pipeline.streams().streams());
        producer.awaitBroker();
        sink = new TimedSink(producer);
        Report.progress("latency: producing " + options.latencyRate + " events/s for " + duration);
        result = Simulation.run(config, sink, ProgressListener.NONE);
        Report.progress("latency: waiting for the last alerts");
        long input = cluster.endOffsets(List.of(names.interactions(), names.qaEvaluations(), names.agents()));
        drained = awaitDrained(cluster, base + "-streams", names, input, webhook);
      }
      Map<String, String> sourceOfAlert = alertSources(cluster, names.alerts());
      Histogram histogram = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
      int unmatched = 0;
      for (Map.Entry<String, Long> arrival : webhook.arrivals().entrySet()) {
        Long sent = sink.sentBefore(sourceOfAlert.get(arrival.getKey()), arrival.getValue());
        if (sent == null) {
          unmatched++;
          continue;
        }
        histogram.recordValue(Math.max(0, TimeUnit.NANOSECONDS.toMicros(arrival.getValue() - sent)));
      }
      double seconds = result.wallTime().toNanos() / 1e9;
      section.figure("input events", result.events(), "events", "", String.format(Locale.ROOT,
          "achieved %.0f events/s over %.1f s", result.events() / seconds, seconds));
      section.figure("alerts delivered to the webhook", histogram.getTotalCount(), "alerts", "",
          (unmatched == 0 ? "" : unmatched + " without a known triggering event; ")
          + (drained ? "" : "the processor had not caught up 2 min after the input ended: the run did not keep up"));
      // a run that did not keep up has no meaningful percentiles (its alerts may not have come at all)
      boolean measured = drained && histogram.getTotalCount() > 0;
      section.figure("latency p50", measured ? histogram.getValueAtPercentile(50) / 1000.0 : Double.NaN, "ms");
      section.figure("latency p95", measured ? histogram.getValueAtPercentile(95) / 1000.0 : Double.NaN, "ms");
      double p99 = measured ? histogram.getValueAtPercentile(99) / 1000.0 : Double.NaN;
      section.figure("latency p99", p99, "ms", "<= 1000", measured ? "" : "not measured: the run did not keep up");
      section.figure("latency max", measured ? histogram.getMaxValue() / 1000.0 : Double.NaN, "ms");
      return p99;
    } finally {
      Directories.delete(stateDir);
      cluster.deleteTopicsStartingWith(base);
    }
  }

  private static String commitInterval(Settings streams) {
    Object value = StreamsSettings.from(streams).streamsProperties(null).get("commit.interval.ms");
    return value != null ? value + " ms" : "100 ms (Kafka Streams' exactly-once default)";
  }

  private static void awaitRunning(KafkaStreams streams) {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (streams.state() != KafkaStreams.State.RUNNING && System.nanoTime() < deadline) {
      sleep(50);
    }
  }

  /** Until the processor has committed all input and the webhook has every alert on the alerts topic (max 2 min). */
  private static boolean awaitDrained(Cluster cluster, String applicationId, TopicNames names, long input,
      WebhookReceiver webhook) {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    List<String> inputs = List.of(names.interactions(), names.qaEvaluations(), names.agents());
    while (System.nanoTime() < deadline) {
      if (cluster.committed(applicationId, inputs) >= input
          && webhook.arrivals().size() >= alertSources(cluster, names.alerts()).size()) {
        return true;
      }
      sleep(500);
    }
    return false;
  }

  /** Alert id to triggering source event id, from the committed alerts on the topic. */
  private static Map<String, String> alertSources(Cluster cluster, String alertsTopic) {
    Topics decode = Topics.defaults();
    java.util.Properties props = cluster.clientProperties();
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    Map<String, String> sources = new HashMap<>();
    List<TopicPartition> partitions = cluster.partitions(List.of(alertsTopic));
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          CoachingAlert alert = decode.alerts().valueSerde().deserializer().deserialize(alertsTopic, r.value());
          sources.put(alert.getAlertId(), alert.getSourceId());
        }
      }
    }
    return sources;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis); // the harness polls progress; it is not a test waiting on state
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
