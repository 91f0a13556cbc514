package com.coachstream.notifier.kafka;

import com.coachstream.avro.CoachingAlert;
import com.coachstream.notifier.EnrichedAlert;
import com.coachstream.notifier.delivery.AlertDispatcher;
import com.coachstream.notifier.delivery.AlertSource;
import com.coachstream.notifier.delivery.DeliveryLedger;
import com.coachstream.notifier.delivery.PendingOffsets;
import com.coachstream.schemas.deadletter.DeadLetter;
import com.coachstream.schemas.serde.AvroDecodingException;
import com.coachstream.schemas.topics.Topic;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alert consumer of one notifier instance, in a consumer group with the others. Offsets are committed
 * by hand, only past alerts whose every route is settled and recorded ({@link PendingOffsets}). When
 * partitions are assigned, their delivery ledger is read back from Kafka before any of their alerts is
 * dispatched; when partitions are revoked, their running deliveries are given {@code drainTimeout} to
 * finish and be committed before another instance takes over. Reminders ride on the same loop
 * ({@link ReminderDesk}): each commit carries where the alerts awaiting a reminder start, so the new owner
 * of a partition reads them again.
 */
public final class AlertConsumer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(AlertConsumer.class);

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Topic<String, CoachingAlert> alerts;
  private final int ledgerPartitions;
  private final RosterCache roster;
  private final com.coachstream.notifier.format.WorkspaceLink links;
  private final AlertDispatcher dispatcher;
  private final DeliveryLedger ledger;
  private final LedgerReader ledgerReader;
  private final KafkaDeliveryLog deliveryLog;
  private final ReminderDesk reminders;
  private final CommitPlan commits = new CommitPlan();
  private final PendingOffsets pending = new PendingOffsets();
  private final int maxInFlight;
  private final Duration drainTimeout;
  private final Clock clock;
  private final Thread thread;
  private volatile boolean running = true;
  private volatile boolean healthy = true;

  /** Collaborators of the consumer loop. */
  public record Parts(RosterCache roster, AlertDispatcher dispatcher, DeliveryLedger ledger, LedgerReader ledgerReader,
      KafkaDeliveryLog deliveryLog, ReminderDesk reminders, com.coachstream.notifier.format.WorkspaceLink links) { }

  public AlertConsumer(Properties clientProperties, String groupId, Topic<String, CoachingAlert> alerts,
      int ledgerPartitions, Parts parts, int maxInFlight, Duration drainTimeout, Clock clock) {
    Properties props = new Properties();
    props.putAll(clientProperties);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    // Alerts are written by the exactly-once streams processor: never act on an aborted one.
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    this.alerts = alerts;
    this.ledgerPartitions = ledgerPartitions;
    this.roster = parts.roster();
    this.dispatcher = parts.dispatcher();
    this.ledger = parts.ledger();
    this.ledgerReader = parts.ledgerReader();
    this.deliveryLog = parts.deliveryLog();
    this.reminders = parts.reminders();
    this.links = parts.links();
    this.maxInFlight = maxInFlight;
    this.drainTimeout = drainTimeout;
    this.clock = clock;
    this.thread = new Thread(this::run, "notifier-alerts");
  }

  public AlertConsumer start() {
    thread.start();
    return this;
  }

  public boolean isHealthy() {
    return healthy && thread.isAlive();
  }

  private void run() {
    try {
      consumer.subscribe(List.of(alerts.name()), new Rebalance());
      while (running) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
          handle(record);
        }
        reminders.sweep();
        commitSettled(false);
        applyBackpressure();
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      healthy = false;
      log.error("Alert consumer stopped: {}", e.toString(), e);
    } finally {
      try {
        reminders.drain(numbers(consumer.assignment()), drainTimeout);
        drain(consumer.assignment());
      } finally {
        consumer.close();
      }
    }
  }

  private void handle(ConsumerRecord<byte[], byte[]> record) {
    AlertSource source = new AlertSource(record.topic(), record.partition(), record.offset(), record.timestamp(),
        record.key(), record.value(), record.partition() % ledgerPartitions);
    CompletableFuture<Void> settled;
    if (record.value() == null) {
      settled = CompletableFuture.completedFuture(null);
    } else {
      settled = decode(record).map(alert -> {
        CompletableFuture<Void> dispatched = dispatcher.dispatch(
            new EnrichedAlert(alert, roster.find(alert.getAgentId()), links.forAlert(alert.getAlertId())), source);
        reminders.track(alert, source);
        return dispatched;
      }).orElseGet(() -> CompletableFuture.completedFuture(null));
    }
    settled.whenComplete((ok, error) -> {
      if (error instanceof java.util.concurrent.CompletionException c && c.getCause() instanceof java.util.concurrent.CancellationException) {
        log.info("Delivery of {}-{}@{} cut short by shutdown: the next owner delivers it", record.topic(), record.partition(), record.offset());
      } else if (error != null) {
        // The outcome could not be stored: the offset stays uncommitted so a restart delivers again.
        healthy = false;
        log.error("Could not record the delivery of {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), error.toString());
      }
    });
    pending.add(record.partition(), record.offset(), settled);
  }

  private java.util.Optional<CoachingAlert> decode(ConsumerRecord<byte[], byte[]> record) {
    try {
      return java.util.Optional.of(alerts.valueSerde().deserializer().deserialize(record.topic(), record.value()));
    } catch (AvroDecodingException e) {
      log.warn("Unreadable alert {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
      deliveryLog.deadLetter(new DeadLetter(record.key(), record.value(), DeadLetter.Stage.DESERIALIZE, e.reason(),
          e.getMessage(), record.topic(), record.partition(), record.offset(), clock.instant())).join();
      return java.util.Optional.empty();
    }
  }

  private void commitSettled(boolean sync) {
    Map<TopicPartition, OffsetAndMetadata> offsets = commits.next(consumer.assignment(), pending, reminders::checkpoint);
    if (offsets.isEmpty()) {
      return;
    }
    if (sync) {
      consumer.commitSync(offsets);
    } else {
      consumer.commitAsync(offsets, (committed, error) -> {
        if (error != null) {
          log.warn("Offset commit failed (a later commit covers it): {}", error.toString());
        }
      });
    }
  }

  /** Bounded memory: stop fetching while too many alerts are in flight, e.g. behind a dead endpoint. */
  private void applyBackpressure() {
    if (pending.size() >= maxInFlight) {
      consumer.pause(consumer.assignment());
    } else if (!consumer.paused().isEmpty()) {
      consumer.resume(consumer.paused());
    }
  }

  private static Set<Integer> numbers(Collection<TopicPartition> partitions) {
    Set<Integer> numbers = new HashSet<>();
    partitions.forEach(tp -> numbers.add(tp.partition()));
    return numbers;
  }

  private void drain(Collection<TopicPartition> partitions) {
    Set<Integer> numbers = numbers(partitions);
    try {
      pending.allOf(numbers).get(drainTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      log.warn("Deliveries of partitions {} still running after {}: they may be sent again by the next owner", numbers, drainTimeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (java.util.concurrent.ExecutionException e) {
      log.warn("Some deliveries of partitions {} could not be recorded: {}", numbers, e.getCause().toString());
    }
    try {
      commitSettled(true);
    } catch (RuntimeException e) {
      log.warn("Could not commit offsets of partitions {}: {}", numbers, e.toString());
    }
    numbers.forEach(pending::remove);
    commits.forget(partitions);
  }

  /** Reads back the ledger of newly assigned partitions before their first alert; drains revoked ones. */
  private final class Rebalance implements ConsumerRebalanceListener {

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      if (!partitions.isEmpty()) {
        reminders.drain(numbers(partitions), drainTimeout);
        drain(partitions);
        reminders.forget(numbers(partitions));
        Set<Integer> keep = new HashSet<>();
        consumer.assignment().stream().filter(tp -> !partitions.contains(tp))
            .forEach(tp -> keep.add(tp.partition() % ledgerPartitions));
        ledger.retainOnly(keep);
      }
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      Set<Integer> ledgerNumbers = new HashSet<>();
      partitions.forEach(tp -> ledgerNumbers.add(tp.partition() % ledgerPartitions));
      // Always read again: another instance may have delivered alerts of these partitions meanwhile.
      ledgerReader.read(ledgerNumbers, reminders.sentSince()).forEach((p, state) -> {
        ledger.load(p, state.settled());
        ledger.loadFirstSent(p, state.firstSent());
      });
      Map<TopicPartition, OffsetAndMetadata> found = consumer.committed(new HashSet<>(partitions));
      found.forEach((tp, offset) -> {
        if (offset != null) {
          commits.assigned(tp, offset);
          reminders.rebuild(tp, offset.metadata(), offset.offset(), tp.partition() % ledgerPartitions);
        }
      });
      log.info("Assigned alert partitions {}", partitions.stream().map(TopicPartition::partition).sorted().toList());
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      // Another instance owns them already: committing is impossible; its ledger read sees what we stored.
      partitions.forEach(tp -> pending.remove(tp.partition()));
      commits.forget(partitions);
      reminders.forget(numbers(partitions));
    }
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    consumer.wakeup();
    thread.join(drainTimeout.toMillis() + 10_000);
  }
}
