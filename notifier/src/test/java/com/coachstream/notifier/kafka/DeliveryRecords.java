package com.coachstream.notifier.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachstream.avro.DeliveryOutcome;
import com.coachstream.avro.NotificationDelivery;
import java.time.Duration;
import java.util.Comparator;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Reading the audit trail of {@code coaching.deliveries.v1} one alert at a time, for the fault tests. */
final class DeliveryRecords {

  private DeliveryRecords() { }

  /** The records of one route grouped by alert id, each alert's records in attempt order. */
  static Map<String, List<NotificationDelivery>> byAlert(List<NotificationDelivery> records) {
    return records.stream().collect(Collectors.groupingBy(NotificationDelivery::getAlertId, TreeMap::new,
        Collectors.collectingAndThen(Collectors.toList(),
            list -> list.stream().sorted(Comparator.comparing(NotificationDelivery::getAttempt)).toList())));
  }

  static long count(List<NotificationDelivery> records, DeliveryOutcome outcome) {
    return records.stream().filter(d -> d.getOutcome() == outcome).count();
  }

  /** Attempts 1..n-1 failed and were retried; attempt n (n >= 2) delivered with {@code status}; nothing else. */
  static void assertRetriedThenDeliveredOnce(List<NotificationDelivery> alertRecords, int status) {
    int n = alertRecords.size();
    assertThat(n).as("retried at least once").isGreaterThanOrEqualTo(2);
    assertThat(alertRecords).extracting(NotificationDelivery::getAttempt)
        .containsExactlyElementsOf(IntStream.rangeClosed(1, n).boxed().toList());
    assertThat(alertRecords.subList(0, n - 1)).allSatisfy(d -> assertThat(d.getOutcome()).isEqualTo(DeliveryOutcome.RETRYING));
    assertThat(alertRecords.get(n - 1).getOutcome()).isEqualTo(DeliveryOutcome.DELIVERED);
    assertThat(alertRecords.get(n - 1).getStatusCode()).isEqualTo(status);
  }

  /** Every one of {@code attempts} attempts failed: retried until the last, which failed for good. */
  static void assertFailedAfter(List<NotificationDelivery> alertRecords, int attempts) {
    assertThat(alertRecords).extracting(NotificationDelivery::getAttempt)
        .containsExactlyElementsOf(IntStream.rangeClosed(1, attempts).boxed().toList());
    assertThat(alertRecords.subList(0, attempts - 1)).allSatisfy(d -> assertThat(d.getOutcome()).isEqualTo(DeliveryOutcome.RETRYING));
    assertThat(alertRecords.get(attempts - 1).getOutcome()).isEqualTo(DeliveryOutcome.FAILED);
  }

  /** "9-10": fewest and most attempts an alert took. */
  static String attemptsRange(Map<String, List<NotificationDelivery>> byAlert) {
    IntSummaryStatistics attempts = byAlert.values().stream().mapToInt(List::size).summaryStatistics();
    return attempts.getMin() == attempts.getMax() ? String.valueOf(attempts.getMin()) : attempts.getMin() + "-" + attempts.getMax();
  }

  /** "40.1-44.3": shortest and longest time, in seconds, from an alert's first recorded attempt to its last. */
  static String spanRange(Map<String, List<NotificationDelivery>> byAlert) {
    var spans = byAlert.values().stream().mapToLong(r -> Duration.between(r.get(0).getAttemptedAt(),
        r.get(r.size() - 1).getAttemptedAt()).toMillis()).summaryStatistics();
    return String.format(Locale.ROOT, "%.1f-%.1f", spans.getMin() / 1e3, spans.getMax() / 1e3);
  }
}
