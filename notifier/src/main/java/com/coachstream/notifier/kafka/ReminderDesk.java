package com.coachstream.notifier.kafka;

import com.coachstream.notifier.format.WorkspaceLink;
import com.coachstream.avro.AlertType;
import com.coachstream.avro.CoachingAlert;
import com.coachstream.notifier.EnrichedAlert;
import com.coachstream.notifier.delivery.AlertDispatcher;
import com.coachstream.notifier.delivery.AlertSource;
import com.coachstream.notifier.delivery.DeliveryLedger;
import com.coachstream.notifier.reminder.ActedOn;
import com.coachstream.notifier.reminder.OpenAlert;
import com.coachstream.notifier.reminder.OpenAlerts;
import com.coachstream.notifier.reminder.ReminderSettings;
import com.coachstream.schemas.serde.AvroDecodingException;
import com.coachstream.schemas.topics.Topic;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reminders of the alert partitions this instance owns, driven by the alert consumer's thread. Alerts
 * are opened as they are dispatched; {@link #sweep()} sends the reminders due. Restart-proof state: the
 * ledger says which reminders went out on which route and when each alert was first sent; the consumer's
 * committed offset carries, as its metadata ({@link #checkpoint}), the lowest offset of an alert still
 * waiting, from which {@link #rebuild} reads the alerts topic again after a restart or a rebalance.
 */
public final class ReminderDesk {

  private static final Logger log = LoggerFactory.getLogger(ReminderDesk.class);
  private static final String CHECKPOINT_PREFIX = "reminders-from=";
  private static final Duration SWEEP_INTERVAL = Duration.ofMillis(500);

  /** What a reminder needs later: the alert, and its record for a dead letter if the reminder fails for good. */
  record Waiting(CoachingAlert alert, AlertSource source) { }

  private final ReminderSettings settings;
  private final OpenAlerts<Waiting> open;
  private final ActedOn actedOn;
  /** Null when reminders are off. */
  private final ActionFollower actions;
  private final AlertDispatcher dispatcher;
  private final DeliveryLedger ledger;
  private final RosterCache roster;
  private final AlertRangeReader rangeReader;
  private final Topic<String, CoachingAlert> alerts;
  private final Clock clock;
  private final WorkspaceLink links;
  private final Map<String, CompletableFuture<Void>> sending = new ConcurrentHashMap<>();
  private Instant lastSweep = Instant.MIN;

  public ReminderDesk(ReminderSettings settings, ActedOn actedOn, ActionFollower actions, AlertDispatcher dispatcher,
      DeliveryLedger ledger, RosterCache roster, Topic<String, CoachingAlert> alerts, Properties clientProperties,
      Duration readTimeout, Clock clock, WorkspaceLink links) {
    this.links = links;
    this.alerts = alerts;
    this.settings = settings;
    this.open = new OpenAlerts<>(settings);
    this.actedOn = actedOn;
    this.actions = actions;
    this.dispatcher = dispatcher;
    this.ledger = ledger;
    this.roster = roster;
    this.rangeReader = new AlertRangeReader(clientProperties, readTimeout);
    this.clock = clock;
  }

  boolean isOff() {
    return settings.isOff();
  }

  /** When reminders are on, the earliest first send still worth knowing. */
  Instant sentSince() {
    return clock.instant().minus(settings.window());
  }

  /** An alert just dispatched, or read again: a SLIP sent recently opens, a RECOVERY closes its SLIPs. */
  void track(CoachingAlert alert, AlertSource source) {
    if (settings.isOff()) {
      return;
    }
    if (alert.getType() == AlertType.RECOVERY) {
      open.recovered(alert.getAgentId(), alert.getCategory().name(), alert.getCreatedAt());
      return;
    }
    Instant sentAt = ledger.firstSent(source.ledgerPartition(), alert.getAlertId());
    if (sentAt == null || !dispatcher.awaitsReminder(new EnrichedAlert(alert, roster.find(alert.getAgentId())), source.ledgerPartition())) {
      return;
    }
    open.open(new OpenAlert<>(alert.getAlertId(), alert.getAgentId(), alert.getCategory().name(), alert.getCreatedAt(),
        sentAt, source.partition(), source.offset(), new Waiting(alert, source)), clock.instant());
  }

  /** Reads again the alerts from the partition's checkpoint up to its committed offset. */
  void rebuild(TopicPartition partition, String checkpoint, long committed, int ledgerPartition) {
    if (settings.isOff() || checkpoint == null || !checkpoint.startsWith(CHECKPOINT_PREFIX)) {
      return;
    }
    long from = Long.parseLong(checkpoint.substring(CHECKPOINT_PREFIX.length()));
    if (from >= committed) {
      return;
    }
    int before = open.waiting();
    for (ConsumerRecord<byte[], byte[]> record : rangeReader.read(partition, from, committed)) {
      if (record.value() != null) {
        AlertSource source = new AlertSource(record.topic(), record.partition(), record.offset(), record.timestamp(),
            record.key(), record.value(), ledgerPartition);
        decodeAgain(record).ifPresent(alert -> track(alert, source));
      }
    }
    log.info("Alert partition {}: {} alerts awaiting a reminder read again from offset {}", partition.partition(),
        open.waiting() - before, from);
  }

  /** An alert read a second time: one that could not be read was dead-lettered the first time. */
  private Optional<CoachingAlert> decodeAgain(ConsumerRecord<byte[], byte[]> record) {
    try {
      return Optional.of(alerts.valueSerde().deserializer().deserialize(record.topic(), record.value()));
    } catch (AvroDecodingException e) {
      return Optional.empty();
    }
  }

  /** The metadata to commit with {@code committed}: where a restart must start reading alerts again. */
  String checkpoint(int partition, long committed) {
    OptionalLong lowest = open.lowestOffset(partition);
    return lowest.isPresent() && lowest.getAsLong() < committed ? CHECKPOINT_PREFIX + lowest.getAsLong() : "";
  }

  /** Sends the reminders now due, once the recent actions are read; at most every half second. */
  void sweep() {
    Instant now = clock.instant();
    if (now.isBefore(lastSweep.plus(SWEEP_INTERVAL))) {
      return;
    }
    lastSweep = now;
    // also with reminders off: the ledger notes every first send, and must not keep them for ever
    ledger.forgetSentBefore(now.minus(settings.window()));
    if (settings.isOff() || !actions.isCaughtUp()) {
      return;
    }
    actedOn.forgetBefore(now.minus(settings.window()));
    OpenAlerts.Sweep<Waiting> sweep = open.sweep(now, actedOn);
    sweep.stale().forEach(a -> log.warn("Reminder of alert {} dropped: due at {}, more than {} ago",
        a.alertId(), a.deliveredAt().plus(settings.after()), settings.slack()));
    for (OpenAlert<Waiting> due : sweep.due()) {
      CoachingAlert alert = due.payload().alert();
      log.info("Alert {} for agent {} not acted on within {}: sending its reminder", due.alertId(), due.agentId(), settings.after());
      CompletableFuture<Void> sent = dispatcher.remind(
          new EnrichedAlert(alert, roster.find(alert.getAgentId()), links.forAlert(alert.getAlertId())), due.payload().source());
      sending.put(due.alertId(), sent);
      sent.whenComplete((ok, error) -> {
        sending.remove(due.alertId());
        if (error == null) {
          open.reminded(due.alertId());
        } else {
          // stays in the book: the checkpoint keeps it, so the next owner of the partition tries again
          log.warn("Reminder of alert {} not settled: {}", due.alertId(), error.toString());
        }
      });
    }
  }

  /** Waits for reminders under way to settle, then forgets the partitions: their next owner rebuilds them. */
  void drain(Collection<Integer> partitions, Duration timeout) {
    List<CompletableFuture<Void>> running = new ArrayList<>(sending.values());
    try {
      CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      log.warn("Reminders still unsettled when giving up partitions {}: {}", partitions, e.toString());
    }
  }

  void forget(Collection<Integer> partitions) {
    open.forget(partitions);
  }

  /** Alerts of this instance waiting for their reminder or being reminded now. */
  public int waiting() {
    return open.waiting();
  }
}
