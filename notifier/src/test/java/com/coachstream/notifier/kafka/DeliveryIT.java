package com.coachstream.notifier.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.coachstream.avro.CoachingAlert;
import com.coachstream.avro.DeliveryOutcome;
import com.coachstream.avro.NotificationDelivery;
import com.coachstream.common.config.Settings;
import com.coachstream.kafka.local.KafkaBrokerExtension;
import com.coachstream.kafka.local.KafkaTestBroker;
import com.coachstream.notifier.LoopbackHttpServer;
import com.coachstream.notifier.LoopbackHttpServer.Reply;
import com.coachstream.notifier.NotifierService;
import com.coachstream.notifier.TestAlerts;
import com.coachstream.schemas.deadletter.DeadLetter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Delivery on the real broker: channels, retries, Retry-After, permanent failures, dead letters, isolation. */
@Tag("integration")
@Timeout(120)
@ExtendWith(KafkaBrokerExtension.class)
class DeliveryIT {

  @RegisterExtension
  static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTPS.dynamicPort())
      .withConfiguration(GreenMailConfiguration.aConfig().withUser("notifier@example.com", "notifier", "s3cret"));

  private static Map<String, String> webhook(String name, URI url) {
    return Map.of("channel." + name + ".type", "webhook", "channel." + name + ".url", url.toString(),
        "channel." + name + ".timeout", "20s");
  }

  private static Map<String, String> email() {
    Map<String, String> s = new HashMap<>();
    s.put("channel.mail.type", "email");
    s.put("channel.mail.smtp.host", "127.0.0.1");
    s.put("channel.mail.smtp.port", String.valueOf(MAIL.getSmtps().getPort()));
    s.put("channel.mail.smtp.security", "ssl");
    s.put("channel.mail.smtp.trust", "127.0.0.1");
    s.put("channel.mail.smtp.username", "notifier");
    s.put("channel.mail.from", "notifier@example.com");
    s.put("channel.mail.to", "supervisor");
    return s;
  }

  private static List<NotificationDelivery> of(List<NotificationDelivery> all, String alertId, String route) {
    return all.stream().filter(d -> d.getAlertId().equals(alertId) && d.getRoute().equals(route)).toList();
  }

  @Test
  void joinsTheRosterDeliversOnEveryRouteAndRecordsEachAttempt(KafkaTestBroker broker) throws Exception {
    try (var kit = new NotifierTestKit(broker); var hook = LoopbackHttpServer.ok()) {
      kit.agent(TestAlerts.agent("agent-7", "Dana Lee", "team-a"));
      Map<String, String> s = new HashMap<>(kit.settings(webhook("hook", hook.url("/secret/path"))));
      s.put("routes.default", "log");
      s.put("routes.team.team-a", "log,hook");
      try (var notifier = NotifierService.start(Settings.of(s))) {
        kit.alert(TestAlerts.slip("alert-1", "agent-7", null));
        await().atMost(Duration.ofSeconds(30)).until(() -> kit.deliveries().size() == 2);

        var body = new ObjectMapper().readTree(hook.received().get(0).body());
        assertThat(body.at("/agent/name").asText()).isEqualTo("Dana Lee");
        assertThat(body.at("/agent/teamId").asText()).as("team from the roster").isEqualTo("team-a");
        assertThat(body.at("/supervisor/name").asText()).isEqualTo("Sam Ray");
        List<NotificationDelivery> deliveries = kit.deliveries();
        assertThat(deliveries).extracting(NotificationDelivery::getRoute).containsExactlyInAnyOrder("log", "hook");
        assertThat(deliveries).allSatisfy(d -> {
          assertThat(d.getOutcome()).isEqualTo(DeliveryOutcome.DELIVERED);
          assertThat(d.getAttempt()).isEqualTo(1);
          assertThat(d.getTarget()).doesNotContain("secret");
        });
        assertThat(of(deliveries, "alert-1", "hook").get(0).getStatusCode()).isEqualTo(200);
        assertThat(of(deliveries, "alert-1", "hook").get(0).getTarget()).isEqualTo(hook.url("").toString());

        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + notifier.opsPort();
        assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(), HttpResponse.BodyHandlers.ofString())
            .statusCode()).isEqualTo(200);
        assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/ready")).build(), HttpResponse.BodyHandlers.ofString())
            .statusCode()).isEqualTo(200);
        String metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
            HttpResponse.BodyHandlers.ofString()).body();
        assertThat(metrics).contains("coachstream_notifier_sent_total{channel=\"webhook\",route=\"hook\"} 1.0");
      }
    }
  }

  @Test
  void failingThreeTimesThenSucceedingIsDeliveredExactlyOnce(KafkaTestBroker broker) throws Exception {
    try (var kit = new NotifierTestKit(broker);
         var hook = new LoopbackHttpServer(List.of(Reply.status(503), Reply.status(500), Reply.status(408)), Reply.status(200))) {
      Map<String, String> s = new HashMap<>(kit.settings(webhook("hook", hook.url("/h"))));
      s.put("routes.default", "hook");
      try (var notifier = NotifierService.start(Settings.of(s))) {
        kit.alert(TestAlerts.slip("alert-2", "agent-1", "team-a"));
        await().atMost(Duration.ofSeconds(30)).until(() -> kit.deliveries().stream()
            .anyMatch(d -> d.getOutcome() == DeliveryOutcome.DELIVERED));
        assertThat(hook.received()).hasSize(4);
        assertThat(kit.deliveries()).extracting(NotificationDelivery::getAttempt, NotificationDelivery::getOutcome,
            NotificationDelivery::getStatusCode).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, DeliveryOutcome.RETRYING, 503),
                org.assertj.core.groups.Tuple.tuple(2, DeliveryOutcome.RETRYING, 500),
                org.assertj.core.groups.Tuple.tuple(3, DeliveryOutcome.RETRYING, 408),
                org.assertj.core.groups.Tuple.tuple(4, DeliveryOutcome.DELIVERED, 200));
        assertThat(kit.deadLetters()).isEmpty();
        assertThat(notifier.registry().get("coachstream.notifier.retried").tag("route", "hook").counter().count()).isEqualTo(3.0);
      }
    }
  }

  @Test
  void aPermanentRefusalIsDeadLetteredAfterOneAttempt(KafkaTestBroker broker) throws Exception {
    try (var kit = new NotifierTestKit(broker); var hook = new LoopbackHttpServer(List.of(), Reply.status(400))) {
      Map<String, String> s = new HashMap<>(kit.settings(webhook("hook", hook.url("/h"))));
      s.put("routes.default", "hook");
      try (var notifier = NotifierService.start(Settings.of(s))) {
        CoachingAlert alert = TestAlerts.slip("alert-3", "agent-1", "team-a");
        kit.alert(alert);
        await().atMost(Duration.ofSeconds(30)).until(() -> !kit.deadLetters().isEmpty());

        assertThat(hook.received()).hasSize(1);
        assertThat(kit.deliveries()).singleElement().satisfies(d -> {
          assertThat(d.getOutcome()).isEqualTo(DeliveryOutcome.FAILED);
          assertThat(d.getStatusCode()).isEqualTo(400);
        });
        var dead = kit.deadLetters().get(0);
        var alerts = kit.topics.alerts();
        assertThat(alerts.valueSerde().deserializer().deserialize(alerts.name(), dead.value())).isEqualTo(alert);
        assertThat(new String(dead.key())).isEqualTo("agent-1");
        assertThat(DeadLetter.header(dead.headers(), DeadLetter.STAGE)).isEqualTo("deliver");
        assertThat(DeadLetter.header(dead.headers(), DeadLetter.REASON)).isEqualTo("DELIVERY_FAILED");
        assertThat(DeadLetter.header(dead.headers(), DeadLetter.MESSAGE)).contains("alert-3").contains("hook").contains("HTTP 400");
        assertThat(DeadLetter.header(dead.headers(), DeadLetter.SOURCE_TOPIC)).isEqualTo(alerts.name());
        assertThat(DeadLetter.header(dead.headers(), DeadLetter.SOURCE_PARTITION)).matches("\\d");
        assertThat(DeadLetter.header(dead.headers(), DeadLetter.SOURCE_OFFSET)).isEqualTo("0");
        assertThat(DeadLetter.header(dead.headers(), DeadLetter.FAILED_AT)).isNotBlank();
      }
    }
  }

  @Test
  void anUnreadableAlertIsDeadLetteredAndTheNextOneDelivered(KafkaTestBroker broker) throws Exception {
    try (var kit = new NotifierTestKit(broker)) {
      try (var notifier = NotifierService.start(Settings.of(kit.settings(Map.of())))) {
        kit.rawAlert("agent-1", "not avro".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        kit.alert(TestAlerts.slip("alert-9", "agent-1", "team-a"));
        await().atMost(Duration.ofSeconds(30)).until(() -> kit.deliveries().size() == 1 && kit.deadLetters().size() == 1);
        var dead = kit.deadLetters().get(0);
        assertThat(DeadLetter.header(dead.headers(), DeadLetter.STAGE)).isEqualTo("deserialize");
        assertThat(DeadLetter.header(dead.headers(), DeadLetter.REASON)).isEqualTo("BAD_AVRO");
        assertThat(new String(dead.value(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("not avro");
        assertThat(kit.deliveries().get(0).getRoute()).isEqualTo("log");
      }
    }
  }

  @Test
  void retryAfterIsHonoured(KafkaTestBroker broker) throws Exception {
    try (var kit = new NotifierTestKit(broker);
         var hook = new LoopbackHttpServer(List.of(new Reply(429, Map.of("Retry-After", "2"), false)), Reply.status(200))) {
      Map<String, String> s = new HashMap<>(kit.settings(webhook("hook", hook.url("/h"))));
      s.put("routes.default", "hook");
      try (var notifier = NotifierService.start(Settings.of(s))) {
        kit.alert(TestAlerts.slip("alert-4", "agent-1", "team-a"));
        await().atMost(Duration.ofSeconds(30)).until(() -> hook.received().size() == 2);
        long waited = hook.received().get(1).receivedAtNanos() - hook.received().get(0).receivedAtNanos();
        assertThat(Duration.ofNanos(waited)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
      }
    }
  }

  @Test
  void aHangingEndpointDoesNotDelayEmailNorOtherAlerts(KafkaTestBroker broker) throws Exception {
    try (var kit = new NotifierTestKit(broker); var hanging = new LoopbackHttpServer(List.of(), Reply.hanging())) {
      kit.agent(TestAlerts.agent("agent-7", "Dana Lee", "team-a"));
      Map<String, String> s = new HashMap<>(kit.settings(webhook("stuck", hanging.url("/h"))));
      s.putAll(email());
      s.put("channel.mail.smtp.password-file", writeSecret("s3cret"));
      s.put("channel.stuck.threads", "1");
      s.put("routes.default", "stuck,mail");
      s.put("delivery.drain.timeout", "1s");
      try (var notifier = NotifierService.start(Settings.of(s))) {
        kit.alert(TestAlerts.slip("alert-5", "agent-7", "team-a"));
        kit.alert(TestAlerts.slip("alert-6", "agent-7", "team-a"));
        await().atMost(Duration.ofSeconds(15)).until(() -> MAIL.getReceivedMessages().length == 2);
        // Both e-mails went out while the webhook still holds its first request, unanswered.
        assertThat(hanging.received()).hasSize(1);
        assertThat(kit.deliveries()).filteredOn(d -> d.getRoute().equals("stuck")).isEmpty();
        await().atMost(Duration.ofSeconds(15)).until(() -> kit.deliveries().stream()
            .filter(d -> d.getRoute().equals("mail") && d.getOutcome() == DeliveryOutcome.DELIVERED).count() == 2);
      }
    }
  }

  private static String writeSecret(String value) throws java.io.IOException {
    var file = java.nio.file.Files.createTempFile("smtp-password", ".txt");
    file.toFile().deleteOnExit();
    java.nio.file.Files.writeString(file, value);
    return file.toString();
  }
}
