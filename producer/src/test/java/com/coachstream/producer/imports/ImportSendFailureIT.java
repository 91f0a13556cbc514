package com.coachstream.producer.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachstream.kafka.local.RestartableKafkaBroker;
import com.coachstream.producer.CoachStreamProducer;
import com.coachstream.producer.support.TopicReader;
import com.coachstream.schemas.json.RecordDecoder;
import com.coachstream.schemas.topics.TopicNames;
import com.coachstream.schemas.topics.Topics;
import com.coachstream.schemas.validation.EventValidator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broker killed in the middle of an import: every valid line Kafka did not acknowledge is named by file and
 * line (in the summary and the rejects file), counted apart from rejected lines, never counted as progress,
 * and the import exits 3. Read back after a restart, the topics hold every acknowledged line and none of the
 * lines the import says it did not send.
 */
@Tag("integration")
@Timeout(300)
class ImportSendFailureIT {


  /** Acknowledgements to wait for before the broker is killed: the import is then well under way. */
  static final int KILL_AFTER = 200;

  @Test
  void aBrokerKilledMidImportLeavesEveryLineNotWrittenNamed(@TempDir Path dir) throws Exception {
    SplitExport export = new SplitExport(dir, 10, 6);
    TopicNames names = TopicNames.DEFAULTS.withPrefix("send-failure-" + UUID.randomUUID().toString().substring(0, 8) + ".");
    Path rejects = dir.resolve("rejects.jsonl");
    try (RestartableKafkaBroker broker = RestartableKafkaBroker.start(RestartableKafkaBroker.SHORT_BROKER_SESSION)) {
      createTopics(broker, names);
      CountDownLatch underWay = new CountDownLatch(1);
      AtomicLong progressShown = new AtomicLong();
      ImportProgress killSwitch = new ImportProgress() {
        @Override
        public void sent(long count) {
          progressShown.accumulateAndGet(count, Math::max);
          if (count >= KILL_AFTER) {
            underWay.countDown();
          }
        }
      };

      ImportSummary summary;
      try (CoachStreamProducer producer = new CoachStreamProducer(slowShortLivedSends(broker), new Topics(names), EventValidator.withDefaults())) {
        FileImporter importer = new FileImporter(producer, killSwitch, rejects);
        CompletableFuture<ImportSummary> running = CompletableFuture.supplyAsync(() -> {
          try {
            return importer.importFiles(List.of(export.ccaas, export.qa));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
        assertThat(underWay.await(120, TimeUnit.SECONDS)).as("%d events acknowledged", KILL_AFTER).isTrue();
        broker.kill();
        summary = running.get(180, TimeUnit.SECONDS);
      }
      StringWriter printed = new StringWriter();
      summary.print(new PrintWriter(printed));
      System.out.println("import with the broker killed printed:\n" + printed);

      long valid = export.valid.size();
      assertThat(summary.sendFailed()).isPositive();
      assertThat(summary.notSent()).isPositive();
      assertThat(summary.accepted() + summary.notWritten()).isEqualTo(valid);
      assertThat(summary.rejected()).isEqualTo(2);
      assertThat(summary.exitCode()).isEqualTo(3);
      assertThat(progressShown.get()).as("only acknowledged events are progress").isEqualTo(summary.accepted());
      assertThat(printed.toString())
          .contains("accepted " + summary.accepted() + " (corrections 0), duplicates 0, rejected 2, not written " + summary.notWritten())
          .contains("NOT WRITTEN: Kafka did not acknowledge " + summary.notWritten() + " lines (send failed " + summary.sendFailed()
              + ", not sent after the failure " + summary.notSent() + "). First failure: Kafka at " + broker.bootstrapServers())
          .contains("  not written " + summary.shownNotWritten().get(0))
          .contains("  ... and " + (summary.notWritten() - ImportSummary.SHOWN) + " more lines not written");

      Map<String, String> notWritten = notWrittenLines(rejects);
      assertThat(notWritten).hasSize((int) summary.notWritten());
      assertThat(notWritten.values()).containsOnly("send failed", "not sent after the first failed send");
      Map<String, SplitExport.Line> byPlace = new HashMap<>();
      export.valid.forEach(line -> byPlace.put((line.file() == 0 ? export.ccaas : export.qa) + ":" + line.line(), line));
      assertThat(byPlace.keySet()).containsAll(notWritten.keySet());

      broker.restart();
      Set<String> onTopics = idsOnTopics(broker, names);
      for (Map.Entry<String, SplitExport.Line> line : byPlace.entrySet()) {
        String why = notWritten.get(line.getKey());
        if (why == null) {
          assertThat(onTopics).as("acknowledged %s", line.getKey()).contains(line.getValue().id());
        } else if (why.startsWith("not sent")) {
          assertThat(onTopics).as("never sent %s", line.getKey()).doesNotContain(line.getValue().id());
        } // a failed send may still have been written: the broker can die after the write and before its answer
      }
    }
  }

  /** Small batches, one request in flight, a small buffer and a 4 s delivery timeout: the kill lands mid-import and sends expire soon. */
  private static Properties slowShortLivedSends(RestartableKafkaBroker broker) {
    Properties client = new Properties();
    client.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    client.put(ProducerConfig.BATCH_SIZE_CONFIG, "1024");
    client.put(ProducerConfig.LINGER_MS_CONFIG, "0");
    client.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "1");
    client.put(ProducerConfig.BUFFER_MEMORY_CONFIG, "32768");
    client.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "1500");
    client.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "4000");
    client.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
    return client;
  }

  private static void createTopics(RestartableKafkaBroker broker, TopicNames names) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(names.interactions(), 3, (short) 1), new NewTopic(names.qaEvaluations(), 3, (short) 1),
          new NewTopic(names.agents(), 1, (short) 1))).all().get(60, TimeUnit.SECONDS);
    }
  }

  /** "file:line" -> message of every NOT_WRITTEN entry of the rejects file. */
  private static Map<String, String> notWrittenLines(Path rejects) throws IOException {
    ObjectMapper json = new ObjectMapper();
    Map<String, String> lines = new HashMap<>();
    for (String text : Files.readAllLines(rejects)) {
      JsonNode entry = json.readTree(text);
      if (entry.get("reason").asText().equals("NOT_WRITTEN")) {
        assertThat(lines.put(entry.get("file").asText() + ":" + entry.get("line").asLong(), entry.get("message").asText()))
            .as("each line once").isNull();
      }
    }
    return lines;
  }

  private static Set<String> idsOnTopics(RestartableKafkaBroker broker, TopicNames names) throws Exception {
    Properties client = new Properties();
    client.put("bootstrap.servers", broker.bootstrapServers());
    Set<String> ids = new HashSet<>();
    for (String topic : List.of(names.interactions(), names.qaEvaluations(), names.agents())) {
      long count = TopicReader.count(client, List.of(topic));
      TopicReader.readExactly(client, topic, (int) count, new ByteArrayDeserializer(), new ByteArrayDeserializer()).forEach(r -> {
        JsonNode event = RecordDecoder.toJson(r.value());
        String field = event.hasNonNull("evaluationId") ? "evaluationId" : event.hasNonNull("interactionId") ? "interactionId" : "agentId";
        ids.add(event.get(field).asText());
      });
    }
    return ids;
  }
}
