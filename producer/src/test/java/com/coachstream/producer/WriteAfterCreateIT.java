package com.coachstream.producer;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachstream.avro.Channel;
import com.coachstream.avro.InteractionEvent;
import com.coachstream.common.kafka.TopicCreator;
import com.coachstream.kafka.local.KafkaBrokerExtension;
import com.coachstream.kafka.local.KafkaTestBroker;
import com.coachstream.producer.support.TopicReader;
import com.coachstream.schemas.topics.TopicNames;
import com.coachstream.schemas.topics.Topics;
import com.coachstream.schemas.validation.EventValidator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Topics ready means writable: round after round, {@code topics create} (the same {@link TopicCreator}) makes
 * brand-new 12-partition topics and the product's producer writes to every partition the moment it returns.
 * Brokers before Kafka 4.5 (KAFKA-15591) can stall such a write and drop its first batch when a partition
 * is not created on its leader yet; every record must arrive exactly once and no round may stall.
 * {@code -Dstress.rounds=N} runs more rounds.
 */
@Tag("integration")
@Timeout(600)
@ExtendWith(KafkaBrokerExtension.class)
class WriteAfterCreateIT {

  private static final int ROUNDS = Integer.getInteger("stress.rounds", 30);
  private static final int PARTITIONS = 12;
  private static final int AGENTS = 240;
  private static final int RECORDS_PER_ROUND = 480;
  /** Well under the producer's 30 s delivery timeout: a stalled first batch shows as a round that times out. */
  private static final Duration ROUND_ACK_LIMIT = Duration.ofSeconds(25);

  @Test
  void everyRecordWrittenRightAfterCreationArrivesExactlyOnce(KafkaTestBroker broker) throws Exception {
    long written = 0;
    for (int round = 1; round <= ROUNDS; round++) {
      Topics topics = new Topics(TopicNames.DEFAULTS.withPrefix(broker.uniqueName("wac" + round) + "."));
      TopicCreator.createAll(broker.clientProperties(), topics, PARTITIONS, 1);
      List<String> ids = writeImmediately(broker, topics, round);
      List<String> arrived = TopicReader.readExactly(broker.clientProperties(), topics.interactions().name(),
              ids.size(), new StringDeserializer(), new ByteArrayDeserializer()).stream()
          .map(r -> topics.interactions().valueSerde().deserializer().deserialize(r.topic(), r.value()).getInteractionId())
          .toList();
      Map<String, Long> copies = arrived.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
      assertThat(copies.keySet()).as("round %d: every record arrived", round).containsExactlyInAnyOrderElementsOf(ids);
      assertThat(copies.values()).as("round %d: no record twice", round).allMatch(n -> n == 1);
      written += ids.size();
      deleteTopics(broker, topics);
    }
    System.out.printf("write after create: %d rounds x %d partitions, %d records, each exactly once%n",
        ROUNDS, PARTITIONS, written);
  }

  /** Sends one round's records with the product's producer and waits for every acknowledgement. */
  private List<String> writeImmediately(KafkaTestBroker broker, Topics topics, int round) throws Exception {
    List<String> ids = new ArrayList<>();
    List<CompletableFuture<RecordMetadata>> acks = new ArrayList<>();
    Instant end = Instant.now().minusSeconds(60);
    try (CoachStreamProducer producer = new CoachStreamProducer(broker.clientProperties(), topics,
        EventValidator.withDefaults())) {
      for (int i = 0; i < RECORDS_PER_ROUND; i++) {
        String id = "r" + round + "-i" + i;
        ids.add(id);
        acks.add(producer.send(InteractionEvent.newBuilder().setInteractionId(id).setAgentId("agent-" + (i % AGENTS))
            .setChannel(Channel.VOICE).setStartedAt(end.minusSeconds(300)).setEndedAt(end).build()));
      }
      CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
          .get(ROUND_ACK_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
    }
    assertThat(acks.stream().map(CompletableFuture::join).map(RecordMetadata::partition).distinct())
        .as("round %d wrote to every partition", round).hasSize(PARTITIONS);
    return ids;
  }

  private static void deleteTopics(KafkaTestBroker broker, Topics topics) throws Exception {
    try (Admin admin = Admin.create(broker.clientProperties())) {
      admin.deleteTopics(topics.all().stream().map(t -> t.name()).toList()).all().get(60, TimeUnit.SECONDS);
    }
  }
}
