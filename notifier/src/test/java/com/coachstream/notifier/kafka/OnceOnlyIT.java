package com.coachstream.notifier.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.coachstream.avro.DeliveryOutcome;
import com.coachstream.common.config.Settings;
import com.coachstream.kafka.local.KafkaBrokerExtension;
import com.coachstream.kafka.local.KafkaTestBroker;
import com.coachstream.notifier.LoopbackHttpServer;
import com.coachstream.notifier.NotifierService;
import com.coachstream.notifier.TestAlerts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Each alert reaches each route once: across a restart, a replay of the alerts topic and two instances. */
@Tag("integration")
@Timeout(180)
@ExtendWith(KafkaBrokerExtension.class)
class OnceOnlyIT {

  private static Map<String, String> hookSettings(NotifierTestKit kit, LoopbackHttpServer hook) {
    Map<String, String> s = new HashMap<>(kit.settings(Map.of(
        "channel.hook.type", "webhook", "channel.hook.url", hook.url("/h").toString(), "routes.default", "hook")));
    return s;
  }

  private static void sendAlerts(NotifierTestKit kit, int from, int to) {
    for (int i = from; i < to; i++) {
      kit.alert(TestAlerts.slip("alert-" + i, "agent-" + (i % 20), "team-a"));
    }
  }

  private static List<String> alertIds(LoopbackHttpServer hook) {
    return hook.received().stream().map(r -> r.header("X-CoachStream-Alert-Id")).toList();
  }

  @Test
  void restartedMidStreamAndReplayedSendsNothingTwice(KafkaTestBroker broker) throws Exception {
    try (var kit = new NotifierTestKit(broker); var hook = LoopbackHttpServer.ok()) {
      Map<String, String> settings = hookSettings(kit, hook);
      sendAlerts(kit, 0, 15);
      try (var first = NotifierService.start(Settings.of(settings))) {
        await().atMost(Duration.ofSeconds(30)).until(() -> hook.received().size() >= 15);
        sendAlerts(kit, 15, 30); // the first instance stops while these are in flight
      }
      sendAlerts(kit, 30, 40);
      try (var second = NotifierService.start(Settings.of(settings))) {
        await().atMost(Duration.ofSeconds(30)).until(() -> alertIds(hook).stream().distinct().count() == 40);
      }
      assertThat(alertIds(hook)).hasSize(40).doesNotHaveDuplicates();

      // A replay: a new consumer group reads the alerts topic from the beginning; the ledger in Kafka stops it.
      settings.put("notifier.group", kit.group + "-replay");
      try (var replay = NotifierService.start(Settings.of(settings))) {
        await().atMost(Duration.ofSeconds(30)).until(() -> kit.deliveries().stream()
            .filter(d -> d.getOutcome() == DeliveryOutcome.DUPLICATE_SKIPPED).count() == 40);
      }
      assertThat(hook.received()).hasSize(40);
      assertThat(kit.deliveries()).filteredOn(d -> d.getOutcome() == DeliveryOutcome.DELIVERED).hasSize(40);
    }
  }

  @Test
  void twoInstancesShareTheLoadAndSendNothingTwice(KafkaTestBroker broker) throws Exception {
    try (var kit = new NotifierTestKit(broker); var hook = LoopbackHttpServer.ok()) {
      Map<String, String> settings = hookSettings(kit, hook);
      try (var a = NotifierService.start(Settings.of(settings)); var b = NotifierService.start(Settings.of(settings))) {
        sendAlerts(kit, 0, 60);
        // the counter moves once the endpoint has answered, a moment after the hook saw the request
        await().atMost(Duration.ofSeconds(40)).until(() -> alertIds(hook).stream().distinct().count() == 60
            && sent(a) + sent(b) >= 60);
        double sentByA = sent(a);
        double sentByB = sent(b);
        assertThat(sentByA).isPositive();
        assertThat(sentByB).isPositive();
        assertThat(sentByA + sentByB).isEqualTo(60.0);
      }
      assertThat(alertIds(hook)).hasSize(60).doesNotHaveDuplicates();
    }
  }

  private static double sent(NotifierService.Handle notifier) {
    return notifier.registry().get("coachstream.notifier.sent").counter().count();
  }

  /** Not an assertion on speed: prints the alert-to-delivery latency for a local webhook. */
  @Test
  void measuresAlertToDeliveryLatency(KafkaTestBroker broker) throws Exception {
    try (var kit = new NotifierTestKit(broker); var hook = LoopbackHttpServer.ok()) {
      int alerts = 300;
      Map<String, Long> producedAt = new ConcurrentHashMap<>();
      try (var notifier = NotifierService.start(Settings.of(hookSettings(kit, hook)))) {
        // Warm-up: the first alert also waits for the group to assign partitions; it is not measured.
        kit.alert(TestAlerts.slip("warm-up", "agent-0", "team-a"));
        await().atMost(Duration.ofSeconds(30)).until(() -> hook.received().size() == 1);
        hook.received().clear();
        for (int i = 0; i < alerts; i++) {
          producedAt.put("alert-" + i, System.nanoTime());
          kit.alert(TestAlerts.slip("alert-" + i, "agent-" + (i % 20), "team-a"));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> hook.received().size() == alerts);
      }
      List<Long> micros = new ArrayList<>();
      hook.received().forEach(r -> micros.add((r.receivedAtNanos() - producedAt.get(r.header("X-CoachStream-Alert-Id"))) / 1000));
      Collections.sort(micros);
      System.out.printf("Alert-to-delivery latency, local webhook, %d alerts: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
          alerts, micros.get(alerts / 2) / 1000.0, micros.get((int) (alerts * 0.99)) / 1000.0, micros.get(alerts - 1) / 1000.0);
      assertThat(alertIds(hook)).doesNotHaveDuplicates();
    }
  }
}
