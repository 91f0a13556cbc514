package com.coachstream.notifier.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachstream.avro.AgentProfile;
import com.coachstream.avro.CoachingAction;
import com.coachstream.avro.CoachingAlert;
import com.coachstream.avro.NotificationDelivery;
import com.coachstream.kafka.local.KafkaTestBroker;
import com.coachstream.schemas.deadletter.DeadLetter;
import com.coachstream.schemas.topics.TopicNames;
import com.coachstream.schemas.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * One test's own topics on the real broker, a producer writing alerts, roster entries and actions as the
 * streams processor, the roster and the supervisors would, and readers of the deliveries and dead-letter topics.
 */
final class NotifierTestKit implements AutoCloseable {

  static final int ALERT_PARTITIONS = 4;

  final KafkaTestBroker broker;
  final Topics topics;
  final String group;
  private final KafkaProducer<byte[], byte[]> producer;

  NotifierTestKit(KafkaTestBroker broker) {
    this.broker = broker;
    String prefix = broker.uniqueName("notifier") + ".";
    this.topics = new Topics(TopicNames.DEFAULTS.withPrefix(prefix));
    this.group = broker.uniqueName("notifier-group");
    broker.createTopics(Map.of(topics.names().agents(), 2, topics.names().alerts(), ALERT_PARTITIONS,
        topics.names().deliveries(), ALERT_PARTITIONS, topics.names().deadLetter(), 1,
        topics.names().actions(), ALERT_PARTITIONS));
    Properties props = broker.clientProperties();
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
  }

  /** Settings of a notifier on this test's topics, plus {@code extra}. */
  Map<String, String> settings(Map<String, String> extra) {
    Map<String, String> s = new HashMap<>(topics.names().asMap());
    s.put("bootstrap.servers", broker.bootstrapServers());
    s.put("notifier.group", group);
    s.put("http.host", "127.0.0.1");
    s.put("http.port", "0");
    s.put("retry.backoff.initial", "50ms");
    s.put("retry.backoff.max", "200ms");
    s.put("delivery.drain.timeout", "5s");
    s.put("kafka.session.timeout.ms", "10000");
    s.put("kafka.heartbeat.interval.ms", "500");
    s.putAll(extra);
    return s;
  }

  void agent(AgentProfile agent) {
    var t = topics.agents();
    send(t.name(), t.keySerde().serializer().serialize(t.name(), agent.getAgentId()),
        t.valueSerde().serializer().serialize(t.name(), agent));
  }

  void alert(CoachingAlert alert) {
    var t = topics.alerts();
    send(t.name(), t.keySerde().serializer().serialize(t.name(), alert.getAgentId()),
        t.valueSerde().serializer().serialize(t.name(), alert));
  }

  /** A supervisor's action, as the workspace or the producer library would send it. */
  void action(CoachingAction action) {
    var t = topics.actions();
    send(t.name(), t.keySerde().serializer().serialize(t.name(), action.getAgentId()),
        t.valueSerde().serializer().serialize(t.name(), action));
  }

  void rawAlert(String agentId, byte[] value) {
    var t = topics.alerts();
    send(t.name(), t.keySerde().serializer().serialize(t.name(), agentId), value);
  }

  private void send(String topic, byte[] key, byte[] value) {
    try {
      producer.send(new ProducerRecord<>(topic, key, value)).get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  List<NotificationDelivery> deliveries() {
    var t = topics.deliveries();
    return readAll(t.name()).stream().map(r -> t.valueSerde().deserializer().deserialize(t.name(), r.value())).toList();
  }

  /** The delivery records of one route, in the order written per ledger partition. */
  List<NotificationDelivery> deliveries(String route) {
    return deliveries().stream().filter(d -> d.getRoute().equals(route)).toList();
  }

  List<ConsumerRecord<byte[], byte[]>> deadLetters() {
    return readAll(topics.deadLetter().name());
  }

  /** The alerts now in the alerts topic, by alert id: where each one sits, to check dead-letter headers against. */
  Map<String, ConsumerRecord<byte[], byte[]>> alertRecords() {
    var t = topics.alerts();
    Map<String, ConsumerRecord<byte[], byte[]>> byId = new HashMap<>();
    readAll(t.name()).forEach(r -> byId.put(t.valueSerde().deserializer().deserialize(t.name(), r.value()).getAlertId(), r));
    return byId;
  }

  /**
   * The dead-letter topic holds exactly these alerts, once each, as delivery failures on {@code route}: the
   * original key and value bytes and every docs/topics.md header pointing back at the alert's record.
   */
  void assertDeadLetteredOnce(Collection<String> alertIds, String route) {
    Map<String, ConsumerRecord<byte[], byte[]>> sources = alertRecords();
    List<String> deadIds = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> dead : deadLetters()) {
      String alertId = topics.alerts().valueSerde().deserializer().deserialize(topics.alerts().name(), dead.value()).getAlertId();
      deadIds.add(alertId);
      ConsumerRecord<byte[], byte[]> source = sources.get(alertId);
      assertThat(source).as("dead letter of a known alert").isNotNull();
      assertThat(dead.key()).isEqualTo(source.key());
      assertThat(dead.value()).isEqualTo(source.value());
      assertThat(DeadLetter.header(dead.headers(), DeadLetter.STAGE)).isEqualTo("deliver");
      assertThat(DeadLetter.header(dead.headers(), DeadLetter.REASON)).isEqualTo("DELIVERY_FAILED");
      assertThat(DeadLetter.header(dead.headers(), DeadLetter.MESSAGE)).contains(alertId).contains("route " + route);
      assertThat(DeadLetter.header(dead.headers(), DeadLetter.SOURCE_TOPIC)).isEqualTo(topics.alerts().name());
      assertThat(DeadLetter.header(dead.headers(), DeadLetter.SOURCE_PARTITION)).isEqualTo(String.valueOf(source.partition()));
      assertThat(DeadLetter.header(dead.headers(), DeadLetter.SOURCE_OFFSET)).isEqualTo(String.valueOf(source.offset()));
      assertThat(Instant.parse(DeadLetter.header(dead.headers(), DeadLetter.FAILED_AT))).isAfter(Instant.ofEpochMilli(source.timestamp() - 1));
    }
    assertThat(deadIds).containsExactlyInAnyOrderElementsOf(alertIds);
  }

  /** Every record now in the topic. */
  List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
    Properties props = broker.clientProperties();
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    try (var consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        consumer.poll(Duration.ofMillis(100)).forEach(records::add);
      }
    }
    return records;
  }

  @Override
  public void close() {
    producer.close();
  }
}
