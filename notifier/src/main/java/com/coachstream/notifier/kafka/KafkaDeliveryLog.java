package com.coachstream.notifier.kafka;

import com.coachstream.avro.NotificationDelivery;
import com.coachstream.notifier.delivery.AlertSource;
import com.coachstream.notifier.delivery.DeliveryLog;
import com.coachstream.schemas.deadletter.DeadLetter;
import com.coachstream.schemas.topics.Topics;
import com.coachstream.schemas.validation.ReasonCode;
import java.time.Clock;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Writes delivery records to {@code coaching.deliveries.v1} (key alertId) and failed alerts to the dead
 * letter topic, with an idempotent {@code acks=all} producer. A delivery record goes to the alert's ledger
 * partition so the once-only state of an alert partition can be read back from one deliveries partition.
 */
public final class KafkaDeliveryLog implements DeliveryLog, AutoCloseable {

  private final KafkaProducer<byte[], byte[]> producer;
  private final Topics topics;
  private final Clock clock;

  public KafkaDeliveryLog(Properties clientProperties, Topics topics, Clock clock) {
    Properties props = new Properties();
    props.putAll(clientProperties);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
    props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "coachstream-notifier-deliveries");
    this.producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    this.topics = topics;
    this.clock = clock;
  }

  @Override
  public CompletableFuture<Void> record(NotificationDelivery delivery, AlertSource source) {
    var topic = topics.deliveries();
    byte[] key = topic.keySerde().serializer().serialize(topic.name(), delivery.getAlertId());
    byte[] value = topic.valueSerde().serializer().serialize(topic.name(), delivery);
    return send(new ProducerRecord<>(topic.name(), source.ledgerPartition(), key, value));
  }

  @Override
  public CompletableFuture<Void> deadLetter(AlertSource source, String message) {
    DeadLetter deadLetter = new DeadLetter(source.key(), source.value(), DeadLetter.Stage.DELIVER,
        ReasonCode.DELIVERY_FAILED, message, source.topic(), source.partition(), source.offset(), clock.instant());
    return send(deadLetter.toProducerRecord(topics.deadLetter().name()));
  }

  /** A record that could not be read at all (stage deserialize). */
  public CompletableFuture<Void> deadLetter(DeadLetter deadLetter) {
    return send(deadLetter.toProducerRecord(topics.deadLetter().name()));
  }

  private CompletableFuture<Void> send(ProducerRecord<byte[], byte[]> record) {
    CompletableFuture<Void> stored = new CompletableFuture<>();
    try {
      producer.send(record, (metadata, error) -> {
        if (error == null) {
          stored.complete(null);
        } else {
          stored.completeExceptionally(error);
        }
      });
    } catch (RuntimeException e) {
      // send() itself throws when the buffer stayed full past max.block.ms: that too is an unrecorded outcome
      stored.completeExceptionally(e);
    }
    return stored;
  }

  @Override
  public void close() {
    producer.close();
  }
}
