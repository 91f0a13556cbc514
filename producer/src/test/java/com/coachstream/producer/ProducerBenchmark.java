package com.coachstream.producer;

import com.coachstream.common.config.Settings;
import com.coachstream.kafka.local.KafkaBrokerExtension;
import com.coachstream.kafka.local.KafkaTestBroker;
import com.coachstream.producer.http.IngestServer;
import com.coachstream.producer.imports.FileImporter;
import com.coachstream.producer.imports.ImportProgress;
import com.coachstream.producer.imports.ImportSummary;
import com.coachstream.producer.simulate.JsonLinesSink;
import com.coachstream.producer.simulate.ProgressListener;
import com.coachstream.producer.simulate.Simulation;
import com.coachstream.producer.simulate.SimulationConfig;
import com.coachstream.producer.simulate.SimulationResult;
import com.coachstream.schemas.topics.TopicNames;
import java.io.BufferedReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures (prints, never asserts) the import rate of 1,000,000 simulated events and the HTTP ingest rate
 * on the local broker. Run: {@code mvn -o -pl producer test -Pbenchmark -Dtest=ProducerBenchmark}.
 */
@Tag("benchmark")
@ExtendWith(KafkaBrokerExtension.class)
class ProducerBenchmark {

  static final int EVENTS = 1_000_000;
  static final int HTTP_EVENTS = 200_000;
  static final int HTTP_BATCH = 500;
  static final int HTTP_CLIENTS = 4;

  @Test
  void importAndHttpIngestRates(KafkaTestBroker broker, @TempDir Path dir) throws Exception {
    Path file = dir.resolve("simulated.jsonl");
    SimulationConfig config = SimulationConfig.builder().seed(1).agents(1200).teams(40).days(35)
        .end(Instant.now().truncatedTo(ChronoUnit.SECONDS)).maxEvents(EVENTS).build();
    SimulationResult simulated = Simulation.run(config, new JsonLinesSink(file), ProgressListener.NONE);
    System.out.printf("BENCHMARK simulate: %d events to JSON lines (%d MiB) in %.1f s = %.0f events/s%n", simulated.events(),
        Files.size(file) >> 20, seconds(simulated.wallTime().toNanos()), simulated.events() / seconds(simulated.wallTime().toNanos()));

    Map<String, String> settings = topics(broker, "bench-import");
    try (CoachStreamProducer producer = CoachStreamProducer.create(Settings.of(settings))) {
      long began = System.nanoTime();
      ImportSummary summary = new FileImporter(producer, ImportProgress.NONE, null).importFiles(List.of(file));
      double took = seconds(System.nanoTime() - began);
      System.out.printf("BENCHMARK import: %d lines (%d accepted, %d duplicates, %d rejected) in %.1f s = %.0f lines/s, %.0f accepted events/s%n",
          summary.accepted() + summary.duplicates() + summary.rejected(), summary.accepted(), summary.duplicates(), summary.rejected(),
          took, (summary.accepted() + summary.duplicates() + summary.rejected()) / took, summary.accepted() / took);
    }

    Map<String, String> httpSettings = topics(broker, "bench-http");
    httpSettings.put(IngestServer.PORT, "0");
    httpSettings.put(IngestServer.HOST, "127.0.0.1");
    httpSettings.put(IngestServer.BODY_LIMIT, String.valueOf(4 << 20));
    List<String> bodies = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(file)) {
      StringBuilder body = new StringBuilder();
      int inBody = 0;
      for (int i = 0; i < HTTP_EVENTS; i++) {
        body.append(reader.readLine()).append('\n');
        if (++inBody == HTTP_BATCH) {
          bodies.add(body.toString());
          body.setLength(0);
          inBody = 0;
        }
      }
    }
    httpSettings.put(IngestServer.BEARER_TOKEN, SENDER_TOKEN);
    try (IngestServer server = IngestServer.start(Settings.of(httpSettings))) {
      HttpClient client = HttpClient.newHttpClient();
      URI uri = URI.create("http://127.0.0.1:" + server.port() + "/v1/events");
      ExecutorService pool = Executors.newFixedThreadPool(HTTP_CLIENTS);
      long began = System.nanoTime();
      List<Future<Integer>> answers = new ArrayList<>();
      for (String body : bodies) {
        answers.add(pool.submit(() -> client.send(HttpRequest.newBuilder(uri)
            .header("Authorization", "Bearer " + SENDER_TOKEN).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
            HttpResponse.BodyHandlers.discarding()).statusCode()));
      }
      Map<Integer, Integer> statuses = new HashMap<>();
      for (Future<Integer> answer : answers) {
        statuses.merge(answer.get(), 1, Integer::sum);
      }
      double took = seconds(System.nanoTime() - began);
      pool.shutdown();
      System.out.printf("BENCHMARK http: %d events in %d NDJSON requests of %d, %d clients, in %.1f s = %.0f events/s (statuses %s)%n",
          HTTP_EVENTS, bodies.size(), HTTP_BATCH, HTTP_CLIENTS, took, HTTP_EVENTS / took, statuses);
    }
  }

  private static final String SENDER_TOKEN = "benchmark-sender-token-0123456789";

  static Map<String, String> topics(KafkaTestBroker broker, String prefix) {
    TopicNames names = TopicNames.DEFAULTS.withPrefix(broker.uniqueName(prefix) + ".");
    broker.createTopics(Map.of(names.interactions(), 12, names.qaEvaluations(), 12, names.agents(), 12));
    Map<String, String> settings = new HashMap<>(names.asMap());
    settings.put("bootstrap.servers", broker.bootstrapServers());
    return settings;
  }

  static double seconds(long nanos) {
    return nanos / 1e9;
  }
}
