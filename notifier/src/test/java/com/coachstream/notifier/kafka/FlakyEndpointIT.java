package com.coachstream.notifier.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.coachstream.avro.DeliveryOutcome;
import com.coachstream.avro.NotificationDelivery;
import com.coachstream.common.config.Settings;
import com.coachstream.kafka.local.KafkaBrokerExtension;
import com.coachstream.kafka.local.KafkaTestBroker;
import com.coachstream.notifier.LoopbackHttpServer;
import com.coachstream.notifier.LoopbackHttpServer.Received;
import com.coachstream.notifier.LoopbackHttpServer.Reply;
import com.coachstream.notifier.NotifierService;
import com.coachstream.notifier.TestAlerts;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 8 item 5 on the real broker: webhooks that answer badly for a while — hanging past the timeout,
 * returning 500s, returning 429 with Retry-After — and then normally. Each alert is delivered exactly once:
 * one request answered with 2xx per alert, every attempt in {@code coaching.deliveries.v1}, no dead letter.
 */
@Tag("integration")
@Tag("faults")
@Timeout(90)
@ExtendWith(KafkaBrokerExtension.class)
class FlakyEndpointIT {

  private static final int ALERTS = 4;

  @Test
  void aWebhookHangingPastTheTimeoutIsRetriedAndDeliveredOnce(KafkaTestBroker broker) throws Exception {
    try (var kit = new NotifierTestKit(broker); var hook = LoopbackHttpServer.perAlert(List.of(Reply.hanging()), Reply.status(200))) {
      Map<String, List<NotificationDelivery>> records = deliverAll(kit, hook, Map.of("channel.hook.timeout", "2s"));

      records.values().forEach(r -> {
        DeliveryRecords.assertRetriedThenDeliveredOnce(r, 200);
        assertThat(r.get(0).getError()).startsWith("timed out after 2000 ms");
      });
      // The hung request reached the receiver but was never acknowledged: X-CoachStream-Alert-Id lets it drop the copy.
      assertThat(hook.received()).hasSize(2 * ALERTS);
      System.out.printf("[faults] hanging webhook (timeout 2 s): %d alerts, attempts per alert %s, %d delivered once each, "
              + "retry sent %s ms after the hung request, 0 dead letters%n",
          ALERTS, DeliveryRecords.attemptsRange(records), hook.answeredOk().size(), gapsMs(hook));
    }
  }

  @Test
  void aWebhookReturning500sIsRetriedAndDeliveredOnceWithEveryAttemptRecorded(KafkaTestBroker broker) throws Exception {
    try (var kit = new NotifierTestKit(broker);
         var hook = LoopbackHttpServer.perAlert(List.of(Reply.status(500), Reply.status(500), Reply.status(503)), Reply.status(200))) {
      Map<String, List<NotificationDelivery>> records = deliverAll(kit, hook, Map.of());

      records.values().forEach(r -> {
        DeliveryRecords.assertRetriedThenDeliveredOnce(r, 200);
        assertThat(r).extracting(NotificationDelivery::getStatusCode).containsExactly(500, 500, 503, 200);
      });
      assertThat(hook.received()).hasSize(4 * ALERTS);
      System.out.printf("[faults] webhook returning 500, 500, 503 then 200: %d alerts, attempts per alert %s, "
              + "%d delivery records (%d RETRYING, %d DELIVERED), %d delivered once each, 0 dead letters%n",
          ALERTS, DeliveryRecords.attemptsRange(records), kit.deliveries().size(),
          DeliveryRecords.count(kit.deliveries(), DeliveryOutcome.RETRYING),
          DeliveryRecords.count(kit.deliveries(), DeliveryOutcome.DELIVERED), hook.answeredOk().size());
    }
  }

  @Test
  void aWebhookReturning429IsRetriedAfterRetryAfterAndDeliveredOnce(KafkaTestBroker broker) throws Exception {
    try (var kit = new NotifierTestKit(broker);
         var hook = LoopbackHttpServer.perAlert(List.of(new Reply(429, Map.of("Retry-After", "2"), false)), Reply.status(200))) {
      Map<String, List<NotificationDelivery>> records = deliverAll(kit, hook, Map.of());

      records.values().forEach(r -> {
        DeliveryRecords.assertRetriedThenDeliveredOnce(r, 200);
        assertThat(r.get(0).getStatusCode()).isEqualTo(429);
      });
      assertThat(requestsByAlert(hook).values()).allSatisfy(requests -> assertThat(
          Duration.ofNanos(requests.get(1).receivedAtNanos() - requests.get(0).receivedAtNanos()))
          .as("retried no sooner than Retry-After").isGreaterThanOrEqualTo(Duration.ofSeconds(2)));
      System.out.printf("[faults] webhook returning 429 Retry-After: 2 then 200: %d alerts, attempts per alert %s, "
              + "retried %s ms after the 429, %d delivered once each, 0 dead letters%n",
          ALERTS, DeliveryRecords.attemptsRange(records), gapsMs(hook), hook.answeredOk().size());
    }
  }

  /**
   * Sends {@link #ALERTS} alerts to a notifier whose only route is {@code hook}, waits until each is delivered
   * and checks it reached the receiver exactly once; returns the delivery records by alert.
   */
  private static Map<String, List<NotificationDelivery>> deliverAll(NotifierTestKit kit, LoopbackHttpServer hook,
      Map<String, String> extra) {
    Map<String, String> s = new HashMap<>(kit.settings(Map.of("routes.default", "hook",
        "channel.hook.type", "webhook", "channel.hook.url", hook.url("/h").toString())));
    s.putAll(extra);
    List<String> ids = IntStream.range(0, ALERTS).mapToObj(i -> "flaky-" + i).toList();
    try (var notifier = NotifierService.start(Settings.of(s))) {
      ids.forEach(id -> kit.alert(TestAlerts.slip(id, "agent-" + id, "team-a")));
      await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> kit.deliveries().stream()
          .filter(d -> d.getOutcome() == DeliveryOutcome.DELIVERED).count() == ALERTS);
    }
    assertThat(hook.answeredOk()).extracting(Received::alertId).as("one acknowledged request per alert")
        .containsExactlyInAnyOrderElementsOf(ids);
    assertThat(kit.deadLetters()).isEmpty();
    return DeliveryRecords.byAlert(kit.deliveries("hook"));
  }

  private static Map<String, List<Received>> requestsByAlert(LoopbackHttpServer hook) {
    return hook.received().stream().collect(Collectors.groupingBy(Received::alertId));
  }

  /** "1003-1010": shortest and longest wait between an alert's first and second request. */
  private static String gapsMs(LoopbackHttpServer hook) {
    var gaps = requestsByAlert(hook).values().stream()
        .mapToLong(r -> (r.get(1).receivedAtNanos() - r.get(0).receivedAtNanos()) / 1_000_000).summaryStatistics();
    return gaps.getMin() + "-" + gaps.getMax();
  }
}
