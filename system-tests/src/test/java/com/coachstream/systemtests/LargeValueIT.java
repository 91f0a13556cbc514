package com.coachstream.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.coachstream.common.config.Settings;
import com.coachstream.kafka.local.KafkaBrokerExtension;
import com.coachstream.kafka.local.KafkaTestBroker;
import com.coachstream.schemas.deadletter.DeadLetter;
import com.coachstream.streams.StreamsService;
import com.coachstream.systemtests.support.Events;
import com.coachstream.systemtests.support.PipelineOutputs;
import com.coachstream.systemtests.support.PoisonPills;
import com.coachstream.systemtests.support.RawInput;
import com.coachstream.systemtests.support.StreamsRuns;
import com.coachstream.systemtests.support.TopicSet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/concepts.md, docs/topics.md: a bad record never stops the pipeline. A 1.5 MiB value is under the broker's 2 MiB limit, so it is
 * stored on the input topic, but over the 1 MiB a Kafka producer sends by default ({@code max.request.size}).
 * The streams processor's producer takes dead letters up to 16 MiB, so this one keeps the original bytes; with
 * a producer limited to 1 MiB the dead letter goes without its value (the headers say how large it was). Either
 * way the records after it are scored. (Before the fix, the refused dead letter stopped the stream thread.)
 */
@Tag("integration")
@Tag("faults")
@Timeout(120)
@ExtendWith(KafkaBrokerExtension.class)
class LargeValueIT {

  @Test
  void aValueTheBrokerTakesButOverAProducersDefaultRequestSizeIsDeadLetteredWithItsBytes(KafkaTestBroker broker,
      @TempDir Path stateDir) {
    ConsumerRecord<byte[], byte[]> dead = deadLetterOfALargeValue(broker, stateDir, Map.of());
    assertThat(dead.value()).isEqualTo(PoisonPills.underBrokerLimit(new Random(7)));
    assertThat(DeadLetter.header(dead.headers(), DeadLetter.VALUE_OMITTED_BYTES)).isNull();
    System.out.printf("Large value: a %,d-byte value under the broker's limit was dead-lettered with its original bytes%n",
        dead.value().length);
  }

  @Test
  void aValueOverTheStreamsProducersRequestSizeIsDeadLetteredWithoutIt(KafkaTestBroker broker, @TempDir Path stateDir) {
    ConsumerRecord<byte[], byte[]> dead = deadLetterOfALargeValue(broker, stateDir,
        Map.of("kafka.max.request.size", String.valueOf(1024 * 1024)));
    int size = PoisonPills.underBrokerLimit(new Random(7)).length;
    assertThat(dead.value()).isNull();
    assertThat(dead.key()).isEqualTo("agent-1".getBytes(StandardCharsets.UTF_8));
    assertThat(DeadLetter.header(dead.headers(), DeadLetter.VALUE_OMITTED_BYTES)).isEqualTo(String.valueOf(size));
    System.out.printf("Large value: with max.request.size 1 MiB, the %,d-byte value was dead-lettered without it%n", size);
  }

  private static ConsumerRecord<byte[], byte[]> deadLetterOfALargeValue(KafkaTestBroker broker, Path stateDir,
      Map<String, String> extraSettings) {
    String prefix = broker.uniqueName("large");
    TopicSet topics = TopicSet.create(broker.clientProperties(), prefix, 1);
    Map<String, String> settings = StreamsRuns.settings(broker.bootstrapServers(), topics, prefix + "-streams", stateDir);
    settings.put("http.port", "0");
    settings.putAll(extraSettings);
    String interactions = topics.names().interactions();
    byte[] key = "agent-1".getBytes(StandardCharsets.UTF_8);
    byte[] large = PoisonPills.underBrokerLimit(new Random(7));
    try (StreamsService streams = StreamsService.start(Settings.of(settings));
        RawInput input = new RawInput(broker.clientProperties());
        PipelineOutputs outputs = new PipelineOutputs(broker.clientProperties(), topics.topics())) {
      assertThat(input.send(interactions, key, large).stored()).as("the broker takes %,d bytes", large.length).isTrue();
      var after = Events.interaction("i-after-large", "agent-1", Instant.now().minusSeconds(60), Map.of("empathy", 80.0), null);
      assertThat(input.send(interactions, key,
          topics.topics().interactions().valueSerde().serializer().serialize(interactions, after)).stored()).isTrue();

      await().atMost(Duration.ofMinutes(1))
          .failFast("the streams processor stopped (its log says why: the dead letter could not be sent)",
              () -> streams.state() == KafkaStreams.State.ERROR || streams.state() == KafkaStreams.State.PENDING_ERROR)
          .untilAsserted(() -> {
            outputs.update();
            assertThat(outputs.windows()).as("windows scored after the large value").isNotEmpty();
            assertThat(outputs.deadLetters()).hasSize(1);
          });
      ConsumerRecord<byte[], byte[]> dead = outputs.deadLetters().get(0);
      assertThat(DeadLetter.header(dead.headers(), DeadLetter.STAGE)).isEqualTo("deserialize");
      assertThat(DeadLetter.header(dead.headers(), DeadLetter.REASON)).isEqualTo("BAD_AVRO");
      return dead;
    }
  }
}
