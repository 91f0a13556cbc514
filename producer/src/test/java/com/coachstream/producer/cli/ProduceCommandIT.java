package com.coachstream.producer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.coachstream.kafka.local.KafkaBrokerExtension;
import com.coachstream.kafka.local.KafkaTestBroker;
import com.coachstream.producer.ingest.EventChecker;
import com.coachstream.producer.support.Cli;
import com.coachstream.producer.support.Cli.Result;
import com.coachstream.producer.support.ServeInBackground;
import com.coachstream.producer.support.TopicReader;
import com.coachstream.schemas.topics.TopicNames;
import com.coachstream.schemas.validation.EventValidator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code produce simulate}, {@code produce import} and {@code produce serve} from the command line (picocli, in
 * this JVM, as the launcher runs them) against a real broker.
 */
@Tag("integration")
@Timeout(120)
@ExtendWith(KafkaBrokerExtension.class)
class ProduceCommandIT {

  static final String END = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
  static final Pattern EVENTS = Pattern.compile("(\\d+) events from ");
  static final ObjectMapper JSON = new ObjectMapper();

  static TopicNames topics(KafkaTestBroker broker, String prefix) {
    TopicNames names = TopicNames.DEFAULTS.withPrefix(broker.uniqueName(prefix) + ".");
    broker.createTopics(Map.of(names.interactions(), 3, names.qaEvaluations(), 3, names.agents(), 1));
    return names;
  }

  static long eventsReported(Result run) {
    Matcher matcher = EVENTS.matcher(run.out());
    assertThat(matcher.find()).as("summary line in %s", run.printed()).isTrue();
    return Long.parseLong(matcher.group(1));
  }

  @Test
  void simulateToKafkaWithPlaybackSendsEveryEventAndWritesTheGroundTruth(KafkaTestBroker broker, @TempDir Path dir) throws Exception {
    TopicNames names = topics(broker, "simulate");
    Path truth = dir.resolve("ground-truth.jsonl");

    Result run = Cli.run(Cli.args(broker, names, "simulate", "--agents", "6", "--teams", "2", "--days", "3", "--end", END,
        "--seed", "11", "--slip-fraction", "0.5", "--playback", "2s", "--ground-truth", truth.toString()));

    assertThat(run.exitCode()).as(run.printed()).isZero();
    long events = eventsReported(run);
    assertThat(events).isPositive();
    assertThat(run.out()).contains("(complete)").contains("3 of 6 agents slip").contains(truth.toString());
    assertThat(TopicReader.count(broker.clientProperties(), List.of(names.interactions(), names.qaEvaluations(), names.agents())))
        .as("every simulated event is on a topic").isEqualTo(events);
    List<JsonNode> plan = Files.readAllLines(truth).stream().map(ProduceCommandIT::json).toList();
    assertThat(plan).extracting(p -> p.get("agentId").asText()).containsAll(List.of("agent-0001", "agent-0006"));
    assertThat(plan.stream().filter(p -> p.get("status").asText().equals("SLIP")).map(p -> p.get("agentId").asText()).distinct())
        .as("slipping agents").hasSize(3);
    assertThat(plan).filteredOn(p -> p.get("status").asText().equals("SLIP"))
        .allSatisfy(p -> assertThat(p.get("category").asText()).isIn("SOFT", "HARD"));
  }

  @Test
  void simulateToAFileThenImportIt(KafkaTestBroker broker, @TempDir Path dir) throws Exception {
    TopicNames names = topics(broker, "roundtrip");
    Path events = dir.resolve("events.jsonl");

    Result simulated = Cli.run(List.of("simulate", "--agents", "8", "--teams", "2", "--days", "5", "--end", END, "--seed", "5",
        "--events", "600", "--output", events.toString(), "--ground-truth", dir.resolve("truth.jsonl").toString()));

    assertThat(simulated.exitCode()).as(simulated.printed()).isZero();
    assertThat(simulated.out()).contains("(stopped early)");
    List<String> lines = Files.readAllLines(events);
    assertThat(lines).hasSize((int) eventsReported(simulated)).hasSize(600);
    EventChecker checker = new EventChecker(EventValidator.withDefaults());
    assertThat(lines).allSatisfy(line -> assertThat(checker.parse(line).violations()).isEmpty());
    assertThat(dir.resolve("truth.jsonl")).isNotEmptyFile();

    Result imported = Cli.run(Cli.args(broker, names, "import", events.toString()));

    assertThat(imported.exitCode()).as(imported.printed()).isZero();
    Matcher summary = Pattern.compile("accepted (\\d+) \\(corrections (\\d+)\\), duplicates (\\d+), rejected 0").matcher(imported.out());
    assertThat(summary.find()).as(imported.printed()).isTrue();
    long accepted = Long.parseLong(summary.group(1));
    assertThat(accepted + Long.parseLong(summary.group(3))).as("every line accepted or a duplicate").isEqualTo(lines.size());
    assertThat(TopicReader.count(broker.clientProperties(), List.of(names.interactions(), names.qaEvaluations(), names.agents())))
        .isEqualTo(accepted);
  }

  @Test
  void serveAnswersUntilItsThreadIsInterrupted(KafkaTestBroker broker) throws Exception {
    TopicNames names = topics(broker, "serve");
    HttpClient client = HttpClient.newHttpClient();
    try (ServeInBackground serve = ServeInBackground.start(Cli.args(broker, names, "serve", "--port", "0", "--body-limit", "3000000",
        "--set", "http.bearer-token=" + SENDER_TOKEN,
        "--set", "http.host=127.0.0.1"))) {
      int port = serve.port();
      await().atMost(Duration.ofSeconds(30)).until(() -> get(client, port, "/ready").statusCode() == 200);
      HttpResponse<String> answer = post(client, port, "{\"type\":\"agent\",\"agentId\":\"agent-1\",\"displayName\":\"Ava Adams\"}");
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
      assertThat(TopicReader.count(broker.clientProperties(), List.of(names.agents()))).isEqualTo(1);

      // Within the body limit but over Kafka's record size: refused for good (400), not "try again later" (503).
      HttpResponse<String> tooLarge = post(client, port, "{\"type\":\"agent\",\"agentId\":\"agent-2\",\"displayName\":\""
          + "x".repeat(1_500_000) + "\"}");
      assertThat(tooLarge.statusCode()).isEqualTo(400);
      assertThat(json(tooLarge.body()).get("results").get(0).get("reason").asText()).isEqualTo("TOO_LARGE");

      assertThat(serve.stop()).as("exit code after the thread was interrupted").isZero();
      assertThatThrownBy(() -> get(client, port, "/health")).as("the port is closed").isInstanceOf(ConnectException.class);
    }
  }

  static final String SENDER_TOKEN = "cli-sender-token-0123456789";

  static HttpResponse<String> post(HttpClient client, int port, String body) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/events"))
        .header("Authorization", "Bearer " + SENDER_TOKEN).POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> get(HttpClient client, int port, String path) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode json(String line) {
    try {
      return JSON.readTree(line);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + line, e);
    }
  }
}
