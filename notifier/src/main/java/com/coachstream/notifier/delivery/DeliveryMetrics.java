package com.coachstream.notifier.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * Micrometer meters of one route, tagged {@code route} and {@code channel} (type): alerts sent, failed
 * (dead-lettered), retried attempts, skipped duplicates, reminders sent, attempt latency and alert-to-delivery
 * latency (from the alert record's timestamp to the successful send; reminders are not part of it).
 */
public final class DeliveryMetrics {

  private final Counter sent;
  private final Counter failed;
  private final Counter retried;
  private final Counter duplicates;
  private final Counter reminders;
  private final Timer attemptLatency;
  private final Timer endToEnd;

  public DeliveryMetrics(MeterRegistry registry, String route, String channelType) {
    String[] tags = {"route", route, "channel", channelType};
    sent = Counter.builder("coachstream.notifier.sent").description("Alerts delivered").tags(tags).register(registry);
    failed = Counter.builder("coachstream.notifier.failed").description("Alerts dead-lettered after the retry budget or a permanent error").tags(tags).register(registry);
    retried = Counter.builder("coachstream.notifier.retried").description("Failed attempts followed by a retry").tags(tags).register(registry);
    duplicates = Counter.builder("coachstream.notifier.duplicates.skipped").description("Alerts not sent again because the route already had them").tags(tags).register(registry);
    reminders = Counter.builder("coachstream.notifier.reminders.sent").description("Reminders delivered of alerts no one acted on").tags(tags).register(registry);
    attemptLatency = Timer.builder("coachstream.notifier.attempt.latency").description("Duration of one delivery attempt").tags(tags)
        .publishPercentiles(0.5, 0.99).register(registry);
    endToEnd = Timer.builder("coachstream.notifier.alert.to.delivery").description("From the alert record's timestamp to delivery").tags(tags)
        .publishPercentiles(0.5, 0.99).register(registry);
  }

  void sent(Duration sinceAlert) {
    sent.increment();
    endToEnd.record(sinceAlert.isNegative() ? Duration.ZERO : sinceAlert);
  }

  void reminderSent() {
    reminders.increment();
  }

  void failed() {
    failed.increment();
  }

  void retried() {
    retried.increment();
  }

  void duplicateSkipped() {
    duplicates.increment();
  }

  void attempt(long latencyMs) {
    attemptLatency.record(Duration.ofMillis(latencyMs));
  }

  public Timer endToEnd() {
    return endToEnd;
  }
}
