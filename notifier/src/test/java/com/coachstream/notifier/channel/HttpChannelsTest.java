package com.coachstream.notifier.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.coachstream.common.config.Settings;
import com.coachstream.notifier.LoopbackHttpServer;
import com.coachstream.notifier.LoopbackHttpServer.Reply;
import com.coachstream.notifier.TestAlerts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Webhook, Slack and Teams channels against a real HTTP server on loopback. */
class HttpChannelsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private LoopbackHttpServer server;

  @TempDir
  Path dir;

  @BeforeEach
  void start() throws Exception {
    server = LoopbackHttpServer.ok();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private NotificationChannel channel(String type, Map<String, String> extra) {
    var settings = new java.util.HashMap<>(Map.of("channel.c.type", type, "channel.c.url", server.url("/hook/s3cr3t-token").toString()));
    settings.putAll(extra);
    return new ChannelFactory(Settings.of(settings), new Secrets(Map.of())).create("c");
  }

  @Test
  void aReminderCarriesTheAlertIdAndSaysItIsTheReminder() throws Exception {
    NotificationChannel webhook = channel("webhook", Map.of());
    assertThat(webhook.send(TestAlerts.enriched("alert-43").asReminder())).isEqualTo(200);
    var request = server.received().get(0);
    assertThat(request.header("X-CoachStream-Alert-Id")).isEqualTo("alert-43");
    assertThat(request.header("X-CoachStream-Reminder")).isEqualTo("true");
    assertThat(JSON.readTree(request.body()).get("reminder").asBoolean()).isTrue();
  }

  @Test
  void webhookPostsTheSpecJsonFieldByField() throws Exception {
    NotificationChannel webhook = channel("webhook", Map.of());
    assertThat(webhook.send(TestAlerts.enriched("alert-42"))).isEqualTo(200);

    var request = server.received().get(0);
    assertThat(request.path()).isEqualTo("/hook/s3cr3t-token");
    assertThat(request.header("Content-Type")).startsWith("application/json");
    assertThat(request.header("X-CoachStream-Alert-Id")).isEqualTo("alert-42");
    assertThat(request.header("X-CoachStream-Signature")).isNull();
    JsonNode body = JSON.readTree(request.body());
    assertThat(body.size()).isEqualTo(21);
    assertThat(body.get("ruleSet").isNull()).as("an alert that names no rule set").isTrue();
    assertThat(body.get("teamPercentile").isNull()).as("the team-relative rule is off").isTrue();
    assertThat(body.get("probability").isNull()).as("threshold mode").isTrue();
    assertThat(body.at("/interval/low").isNull()).isTrue();
    assertThat(body.get("link").isNull()).as("no workspace.public-url: link is null, never left out").isTrue();
    assertThat(body.get("alertId").asText()).isEqualTo("alert-42");
    assertThat(body.get("reminder").asBoolean()).isFalse();
    assertThat(request.header("X-CoachStream-Reminder")).isNull();
    assertThat(body.get("type").asText()).isEqualTo("SLIP");
    assertThat(body.get("category").asText()).isEqualTo("SOFT");
    assertThat(body.get("reason").asText()).isEqualTo("BOTH");
    assertThat(body.at("/agent/id").asText()).isEqualTo("agent-7");
    assertThat(body.at("/agent/name").asText()).isEqualTo("Dana Lee");
    assertThat(body.at("/agent/teamId").asText()).isEqualTo("team-a");
    assertThat(body.at("/supervisor/id").asText()).isEqualTo("sup-1");
    assertThat(body.at("/supervisor/name").asText()).isEqualTo("Sam Ray");
    assertThat(body.get("supervisor").has("email")).as("no contact details in the webhook").isFalse();
    assertThat(body.get("score").asDouble()).isEqualTo(58.25);
    assertThat(body.get("baseline").asDouble()).isEqualTo(74.0);
    assertThat(body.get("floor").asDouble()).isEqualTo(70.0);
    assertThat(body.get("samples").asInt()).isEqualTo(9);
    assertThat(body.at("/window/start").asText()).isEqualTo("2024-03-04T00:00:00Z");
    assertThat(body.at("/window/end").asText()).isEqualTo("2024-03-11T00:00:00Z");
    assertThat(body.at("/skills/0/skill").asText()).isEqualTo("empathy");
    assertThat(body.at("/skills/0/score").asDouble()).isEqualTo(52.0);
    assertThat(body.at("/skills/0/baseline").asDouble()).isEqualTo(70.0);
    assertThat(body.at("/skills/0/delta").asDouble()).isEqualTo(-18.0);
    assertThat(body.at("/skills/1/baseline").isNull()).isTrue();
    assertThat(body.at("/skills/1/delta").isNull()).isTrue();
    assertThat(body.at("/evidence/0/sourceId").asText()).isEqualTo("eval-7");
    assertThat(body.at("/evidence/0/skill").asText()).isEqualTo("empathy");
    assertThat(body.at("/evidence/0/score").asDouble()).isEqualTo(40.0);
    assertThat(body.at("/evidence/0/time").asText()).isEqualTo("2024-03-09T10:00:00Z");
    assertThat(body.at("/focus/0/skill").asText()).isEqualTo("empathy");
    assertThat(body.at("/focus/0/tip").asText()).isEqualTo("Name the customer's feeling before solving the problem.");
    assertThat(body.get("createdAt").asText()).isEqualTo("2024-03-10T14:30:00Z");
  }

  @Test
  void webhookSignsTheExactBodyWithTheSecretFromAFile() throws Exception {
    Path secretFile = Files.writeString(dir.resolve("webhook-secret"), "top-secret\n");
    NotificationChannel webhook = channel("webhook", Map.of("channel.c.secret-file", secretFile.toString()));
    webhook.send(TestAlerts.enriched("alert-43"));

    var request = server.received().get(0);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec("top-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal(request.body()));
    assertThat(request.header("X-CoachStream-Signature")).isEqualTo(expected);
  }

  @Test
  void webhookSecretFromTheEnvironment() throws Exception {
    var settings = Settings.of(Map.of("channel.c.type", "webhook", "channel.c.url", server.url("/h").toString(),
        "channel.c.secret-env", "HOOK_SECRET"));
    new ChannelFactory(settings, new Secrets(Map.of("HOOK_SECRET", "k"))).create("c").send(TestAlerts.enriched("a"));
    assertThat(server.received().get(0).header("X-CoachStream-Signature")).startsWith("sha256=").hasSize(71);
  }

  @Test
  void slackReceivesBlockKit() throws Exception {
    NotificationChannel slack = channel("slack", Map.of());
    slack.send(TestAlerts.enriched("alert-44"));
    JsonNode body = JSON.readTree(server.received().get(0).body());
    assertThat(body.get("text").asText()).contains("Dana Lee is slipping in soft skills");
    assertThat(body.at("/blocks/0/type").asText()).isEqualTo("header");
    assertThat(body.at("/blocks/1/type").asText()).isEqualTo("section");
    assertThat(body.at("/blocks/1/text/type").asText()).isEqualTo("mrkdwn");
    assertThat(body.at("/blocks/1/text/text").asText()).contains("score 58.3 vs baseline 74.0, floor 70.0");
    assertThat(server.received().get(0).header("X-CoachStream-Alert-Id")).isEqualTo("alert-44");
  }

  @Test
  void teamsReceivesAnAdaptiveCard() throws Exception {
    NotificationChannel teams = channel("teams", Map.of());
    teams.send(TestAlerts.enriched("alert-45"));
    JsonNode body = JSON.readTree(server.received().get(0).body());
    JsonNode card = body.at("/attachments/0/content");
    assertThat(card.get("type").asText()).isEqualTo("AdaptiveCard");
    assertThat(card.get("version").asText()).isEqualTo("1.4");
    assertThat(card.at("/body/0/text").asText()).isEqualTo("Coaching needed: Dana Lee is slipping in soft skills");
    List<String> facts = card.at("/body/2/facts").findValuesAsText("title");
    assertThat(facts).contains("Score", "Baseline", "Floor", "Samples", "Team", "Supervisor", "empathy");
  }

  @Test
  void targetIsRedacted() {
    assertThat(channel("webhook", Map.of()).redactedTarget()).doesNotContain("s3cr3t").startsWith("http://127.0.0.1:");
  }

  @Test
  void statusesBecomeRetryableOrPermanentFailures() throws Exception {
    server.close();
    server = new LoopbackHttpServer(List.of(Reply.status(503), new Reply(429, Map.of("Retry-After", "2"), false)), Reply.status(400));
    NotificationChannel webhook = channel("webhook", Map.of());
    assertThatThrownBy(() -> webhook.send(TestAlerts.enriched("a"))).isInstanceOfSatisfying(DeliveryException.class,
        e -> assertThat(e.retryable()).isTrue());
    assertThatThrownBy(() -> webhook.send(TestAlerts.enriched("a"))).isInstanceOfSatisfying(DeliveryException.class,
        e -> assertThat(e.retryAfter()).hasSeconds(2));
    assertThatThrownBy(() -> webhook.send(TestAlerts.enriched("a"))).isInstanceOfSatisfying(DeliveryException.class,
        e -> assertThat(e.retryable()).isFalse());
  }

  @Test
  void aHangingEndpointTimesOutAsARetryableFailure() throws Exception {
    server.close();
    server = new LoopbackHttpServer(List.of(), Reply.hanging());
    NotificationChannel webhook = channel("webhook", Map.of("channel.c.timeout", "300ms"));
    assertThatThrownBy(() -> webhook.send(TestAlerts.enriched("a"))).isInstanceOfSatisfying(DeliveryException.class,
        e -> assertThat(e.retryable()).isTrue());
  }

  @Test
  void connectionRefusedIsRetryableAndDoesNotLeakTheUrl() throws Exception {
    String url = server.url("/hook/s3cr3t-token").toString();
    server.close();
    var settings = Settings.of(Map.of("channel.c.type", "webhook", "channel.c.url", url, "channel.c.timeout", "1s"));
    NotificationChannel webhook = new ChannelFactory(settings, new Secrets(Map.of())).create("c");
    assertThatThrownBy(() -> webhook.send(TestAlerts.enriched("a"))).isInstanceOfSatisfying(DeliveryException.class,
        e -> assertThat(e.getMessage()).doesNotContain("s3cr3t"));
    server = LoopbackHttpServer.ok();
  }
}
