package com.coachstream.producer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachstream.kafka.local.KafkaBrokerExtension;
import com.coachstream.kafka.local.KafkaTestBroker;
import com.coachstream.producer.support.Cli;
import com.coachstream.producer.support.Cli.Result;
import com.coachstream.producer.support.ConsoleCapture;
import com.coachstream.producer.support.LogCapture;
import com.coachstream.producer.support.ServeInBackground;
import com.coachstream.schemas.topics.TopicNames;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8 item 8, the producer's side: after a simulated run (to a file and to Kafka), an import of the
 * simulated events and of broken copies of them, and HTTP ingest of both, no customer reference appears in any
 * log line, anything printed, the import summary, the rejects file or an HTTP answer, including the rejections
 * of records that carry one.
 */
@Tag("integration")
@Tag("faults")
@Timeout(120)
@ExtendWith(KafkaBrokerExtension.class)
class CustomerRefStaysInIT {

  static final String END = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
  static final ObjectMapper JSON = new ObjectMapper();

  /** Ways a sender breaks an event that carries a customer reference; each is rejected with its own reason. */
  static final List<Function<ObjectNode, String>> BREAKAGES = List.of(
      e -> e.put("csat", 9).toString(),
      e -> e.put("agentId", "agent 7").toString(),
      e -> e.put("endedAt", "yesterday").toString(),
      e -> e.put("channel", "FAX").toString(),
      e -> e.put("startedAt", "+1000000000-01-01T00:00:00Z").toString(),
      e -> e.set("skillSignals", JSON.createObjectNode().put("charisma", 50)).toString(),
      e -> e.set("customerRef", JSON.createObjectNode().put("id", e.get("customerRef").asText())).toString(),
      e -> e.toString().replace("\"" + e.get("customerRef").asText() + "\"", e.get("customerRef").asText()),
      e -> e.toString().substring(0, e.toString().indexOf(e.get("customerRef").asText()) + e.get("customerRef").asText().length()));

  @Test
  void noCustomerRefReachesLogsOutputRejectsOrAnswers(KafkaTestBroker broker, @TempDir Path dir) throws Exception {
    TopicNames names = TopicNames.DEFAULTS.withPrefix(broker.uniqueName("pii") + ".");
    broker.createTopics(Map.of(names.interactions(), 3, names.qaEvaluations(), 3, names.agents(), 1));
    Path events = dir.resolve("events.jsonl");
    Path broken = dir.resolve("broken.jsonl");
    Path rejects = dir.resolve("rejects.jsonl");
    List<String> simulation = List.of("--agents", "6", "--teams", "2", "--days", "4", "--end", END, "--seed", "3");
    List<String> outputs = new ArrayList<>();
    List<String> logLines;
    String console;
    try (LogCapture logs = LogCapture.start(); ConsoleCapture consoleCapture = ConsoleCapture.start()) {
      outputs.add(succeeded(Cli.run(concat(List.of("simulate", "--output", events.toString(),
          "--ground-truth", dir.resolve("truth-1.jsonl").toString()), simulation))).printed());
      outputs.add(succeeded(Cli.run(concat(Cli.args(broker, names, "simulate",
          "--ground-truth", dir.resolve("truth-2.jsonl").toString()), simulation))).printed());
      List<String> brokenLines = brokenCopies(Files.readAllLines(events));
      Files.write(broken, brokenLines);

      Result imported = Cli.run(Cli.args(broker, names, "import", "--rejects", rejects.toString(), events.toString(), broken.toString()));
      assertThat(imported.exitCode()).as(imported.printed()).isEqualTo(1);
      assertThat(Files.readAllLines(rejects)).hasSize(brokenLines.size());
      outputs.add(imported.printed());
      outputs.add(Files.readString(rejects));
      outputs.addAll(served(broker, names, Files.readAllLines(events).subList(0, 50), brokenLines.subList(0, 50)));
      logLines = logs.lines();
      console = consoleCapture.text();
    }

    List<String> references = customerRefs(events);
    assertThat(references).hasSizeGreaterThan(100);
    for (String ref : references) {
      assertThat(outputs).noneMatch(text -> text.contains(ref));
      assertThat(logLines).noneMatch(line -> line.contains(ref));
      assertThat(console).doesNotContain(ref);
    }
    System.out.printf("no customerRef out: %d references looked for in %d log lines, %d characters of console, "
        + "%d characters of command output, rejects file and HTTP answers%n", references.size(), logLines.size(), console.length(),
        outputs.stream().mapToInt(String::length).sum());
  }

  /** Posts the good and the broken events, one NDJSON body and one array; the answers and what serve printed. */
  private static List<String> served(KafkaTestBroker broker, TopicNames names, List<String> good, List<String> bad) throws Exception {
    List<String> answers = new ArrayList<>();
    HttpClient client = HttpClient.newHttpClient();
    try (ServeInBackground serve = ServeInBackground.start(Cli.args(broker, names, "serve", "--port", "0", "--set", "http.host=127.0.0.1",
        "--set", "http.bearer-token=" + ProduceCommandIT.SENDER_TOKEN))) {
      URI ingest = URI.create("http://127.0.0.1:" + serve.port() + "/v1/events");
      for (String body : List.of(String.join("\n", concat(good, bad)), "[" + String.join(",", bad.stream().filter(CustomerRefStaysInIT::isJson).toList()) + "]")) {
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(ingest)
            .header("Authorization", "Bearer " + ProduceCommandIT.SENDER_TOKEN).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isIn(202, 400);
        answers.add(answer.body());
      }
      assertThat(serve.stop()).isZero();
      answers.add(serve.printed());
    }
    return answers;
  }

  /** Every interaction that carries a customer reference, broken in each of the ways in turn. */
  private static List<String> brokenCopies(List<String> lines) throws Exception {
    List<String> broken = new ArrayList<>();
    for (String line : lines) {
      JsonNode event = JSON.readTree(line);
      if (event.hasNonNull("customerRef") && broken.size() < 400) {
        broken.add(BREAKAGES.get(broken.size() % BREAKAGES.size()).apply((ObjectNode) event));
      }
    }
    return broken;
  }

  private static List<String> customerRefs(Path events) throws Exception {
    List<String> refs = new ArrayList<>();
    for (String line : Files.readAllLines(events)) {
      JsonNode ref = JSON.readTree(line).get("customerRef");
      if (ref != null && ref.isTextual()) {
        refs.add(ref.asText());
      }
    }
    return refs;
  }

  private static Result succeeded(Result run) {
    assertThat(run.exitCode()).as(run.printed()).isZero();
    return run;
  }

  private static boolean isJson(String text) {
    try {
      JSON.readTree(text);
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  private static <T> List<T> concat(List<T> first, List<T> second) {
    List<T> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }
}
