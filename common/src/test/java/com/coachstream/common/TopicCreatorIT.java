package com.coachstream.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.coachstream.common.kafka.TopicCreator;
import com.coachstream.common.kafka.TopicReadiness;
import com.coachstream.kafka.local.KafkaBrokerExtension;
import com.coachstream.kafka.local.KafkaTestBroker;
import com.coachstream.schemas.topics.TopicNames;
import com.coachstream.schemas.topics.Topics;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

@Tag("integration")
@Timeout(120)
@ExtendWith(KafkaBrokerExtension.class)
class TopicCreatorIT {

  @Test
  void createsEveryTopicWithItsPartitionsAndCleanupPolicyOnceOnly(KafkaTestBroker broker) throws Exception {
    Topics topics = new Topics(TopicNames.DEFAULTS.withPrefix(broker.uniqueName("tc") + "."));
    List<String> created = TopicCreator.createAll(broker.clientProperties(), topics, 4, 0);
    assertThat(created).hasSize(topics.all().size()).contains(topics.actions().name(), topics.effects().name());
    assertThat(TopicCreator.createAll(broker.clientProperties(), topics, 4, 0)).isEmpty();

    try (Admin admin = Admin.create(broker.clientProperties())) {
      // ready means writable: every partition's leader already answers for it
      var ends = admin.listOffsets(IntStream.range(0, 4).boxed().collect(Collectors.toMap(
          p -> new TopicPartition(topics.interactions().name(), p), p -> OffsetSpec.latest()))).all().get(5, TimeUnit.SECONDS);
      assertThat(ends).hasSize(4);
      var description = admin.describeTopics(List.of(topics.skillScores().name())).allTopicNames().get(30, TimeUnit.SECONDS);
      assertThat(description.get(topics.skillScores().name()).partitions()).hasSize(4);
      var compacted = new ConfigResource(ConfigResource.Type.TOPIC, topics.agents().name());
      var plain = new ConfigResource(ConfigResource.Type.TOPIC, topics.alerts().name());
      var configs = admin.describeConfigs(List.of(compacted, plain)).all().get(30, TimeUnit.SECONDS);
      assertThat(configs.get(compacted).get("cleanup.policy").value()).isEqualTo("compact");
      assertThat(configs.get(plain).get("cleanup.policy").value()).isEqualTo("delete");
    }
  }

  @Test
  void aTopicThatNeverBecomesWritableIsAClearErrorInBoundedTime(KafkaTestBroker broker) {
    String missing = broker.uniqueName("never-created");
    assertThatThrownBy(() -> TopicReadiness.awaitWritable(broker.clientProperties(), List.of(missing), Duration.ofSeconds(3)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Topics not writable after 3 s: " + missing);
  }
}
