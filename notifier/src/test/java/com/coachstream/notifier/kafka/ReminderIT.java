package com.coachstream.notifier.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.coachstream.avro.ActionType;
import com.coachstream.avro.CoachingAction;
import com.coachstream.avro.CoachingAlert;
import com.coachstream.avro.DeliveryOutcome;
import com.coachstream.avro.DismissReason;
import com.coachstream.avro.NotificationDelivery;
import com.coachstream.avro.SkillCategory;
import com.coachstream.common.config.Settings;
import com.coachstream.kafka.local.KafkaBrokerExtension;
import com.coachstream.kafka.local.KafkaTestBroker;
import com.coachstream.notifier.CapturedLogs;
import com.coachstream.notifier.LoopbackHttpServer;
import com.coachstream.notifier.NotifierService;
import com.coachstream.notifier.TestAlerts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Reminders on a real broker with a real webhook, {@code reminders.after} 2 s: one reminder of the alert no
 * one acted on, none of those acted on or recovered, and none sent twice across a restart.
 */
@Tag("integration")
@Timeout(180)
@ExtendWith(KafkaBrokerExtension.class)
class ReminderIT {

  private static final String NOTE = "private note: agent going through a divorce";

  private static Map<String, String> settings(NotifierTestKit kit, LoopbackHttpServer hook) {
    return kit.settings(Map.of("channel.hook.type", "webhook", "channel.hook.url", hook.url("/h").toString(),
        "routes.default", "hook", "reminders.after", "2s"));
  }

  private static List<String> reminded(LoopbackHttpServer hook) {
    return hook.received().stream().filter(r -> "true".equals(r.header("X-CoachStream-Reminder")))
        .map(r -> r.header("X-CoachStream-Alert-Id")).toList();
  }

  private static List<String> alerted(LoopbackHttpServer hook) {
    return hook.received().stream().filter(r -> r.header("X-CoachStream-Reminder") == null)
        .map(r -> r.header("X-CoachStream-Alert-Id")).toList();
  }

  private static CoachingAction action(String id, String agentId, String alertId, SkillCategory category, ActionType type) {
    CoachingAction.Builder action = CoachingAction.newBuilder().setActionId(id).setAgentId(agentId).setAlertId(alertId)
        .setCategory(category).setType(type).setActorId("sup-1").setAt(Instant.now());
    if (type == ActionType.DISMISSED) {
      action.setReason(DismissReason.KNOWN_CAUSE).setNote(NOTE);
    }
    return action.build();
  }

  private static double remindersSent(NotifierService.Handle notifier) {
    return notifier.registry().get("coachstream.notifier.reminders.sent").counter().count();
  }

  private static double waiting(NotifierService.Handle notifier) {
    return notifier.registry().get("coachstream.notifier.reminders.waiting").gauge().value();
  }

  @Test
  void onlyTheAlertNoOneActedOnGetsOneReminder(KafkaTestBroker broker) throws Exception {
    try (var kit = new NotifierTestKit(broker); var hook = LoopbackHttpServer.ok();
         var logs = new CapturedLogs("com.coachstream", "coachstream.alerts")) {
      try (var notifier = NotifierService.start(Settings.of(settings(kit, hook)))) {
        kit.alert(TestAlerts.slip("ignored", "agent-1", "team-a"));
        kit.alert(TestAlerts.slip("acknowledged", "agent-2", "team-a"));
        kit.alert(TestAlerts.slip("dismissed-by-category", "agent-3", "team-a"));
        kit.alert(TestAlerts.slip("recovered", "agent-4", "team-a"));
        kit.alert(TestAlerts.recovery("recovery-4", "agent-4", "team-a"));
        // the actions come a moment after the delivery, as a supervisor's would
        await().atMost(Duration.ofSeconds(30)).until(() -> alerted(hook).size() == 5);
        kit.action(action("act-1", "agent-2", "acknowledged", null, ActionType.ACKNOWLEDGED));
        kit.action(action("act-2", "agent-3", null, SkillCategory.SOFT, ActionType.DISMISSED));

        await().atMost(Duration.ofSeconds(30)).until(() -> remindersSent(notifier) == 1 && waiting(notifier) == 0);
      }
      assertThat(reminded(hook)).containsExactly("ignored");
      var reminder = hook.received().stream().filter(r -> "true".equals(r.header("X-CoachStream-Reminder"))).findFirst().orElseThrow();
      assertThat(reminder.bodyText()).contains("\"reminder\":true").contains("\"alertId\":\"ignored\"").doesNotContain("divorce");
      List<NotificationDelivery> records = kit.deliveries("hook");
      assertThat(records).filteredOn(NotificationDelivery::getReminder)
          .singleElement().satisfies(d -> {
            assertThat(d.getAlertId()).isEqualTo("ignored");
            assertThat(d.getOutcome()).isEqualTo(DeliveryOutcome.DELIVERED);
          });
      assertThat(records).filteredOn(d -> !d.getReminder()).hasSize(5);
      assertThat(kit.deliveries().toString()).doesNotContain("divorce");
      assertThat(logs.lines()).isNotEmpty().noneMatch(line -> line.contains("divorce"));
    }
  }

  @Test
  void aRestartAfterTheReminderDoesNotSendItAgain(KafkaTestBroker broker) throws Exception {
    try (var kit = new NotifierTestKit(broker); var hook = LoopbackHttpServer.ok()) {
      try (var first = NotifierService.start(Settings.of(settings(kit, hook)))) {
        kit.alert(TestAlerts.slip("ignored", "agent-1", "team-a"));
        await().atMost(Duration.ofSeconds(30)).until(() -> reminded(hook).size() == 1 && remindersSent(first) == 1);
      }
      try (var second = NotifierService.start(Settings.of(settings(kit, hook)))) {
        // A later alert's reminder comes after any reminder the restart could have owed: wait for it.
        kit.alert(TestAlerts.slip("later", "agent-2", "team-a"));
        await().atMost(Duration.ofSeconds(30)).until(() -> reminded(hook).contains("later") && waiting(second) == 0);
      }
      assertThat(reminded(hook)).containsExactlyInAnyOrder("ignored", "later");
      assertThat(alerted(hook)).containsExactlyInAnyOrder("ignored", "later");
    }
  }

  @Test
  void aRestartBeforeTheReminderIsDueStillSendsItOnce(KafkaTestBroker broker) throws Exception {
    try (var kit = new NotifierTestKit(broker); var hook = LoopbackHttpServer.ok()) {
      Map<String, String> settings = settings(kit, hook);
      settings.put("reminders.after", "10s");
      CoachingAlert alert = TestAlerts.slip("ignored", "agent-1", "team-a");
      try (var first = NotifierService.start(Settings.of(settings))) {
        kit.alert(alert);
        await().atMost(Duration.ofSeconds(30)).until(() -> kit.deliveries("hook").stream()
            .anyMatch(d -> d.getOutcome() == DeliveryOutcome.DELIVERED) && waiting(first) == 1);
      }
      assertThat(reminded(hook)).as("stopped before the reminder was due").isEmpty();
      try (var second = NotifierService.start(Settings.of(settings))) {
        await().atMost(Duration.ofSeconds(30)).until(() -> remindersSent(second) == 1 && waiting(second) == 0);
      }
      assertThat(reminded(hook)).containsExactly("ignored");
      assertThat(alerted(hook)).containsExactly("ignored");
    }
  }
}
