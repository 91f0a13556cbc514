package com.coachstream.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachstream.common.kafka.TopicCreator;
import com.coachstream.kafka.local.KafkaBrokerExtension;
import com.coachstream.kafka.local.KafkaTestBroker;
import com.coachstream.schemas.topics.TopicNames;
import com.coachstream.schemas.topics.Topics;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
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
    assertThat(created).hasSize(7);
    assertThat(TopicCreator.createAll(broker.clientProperties(), topics, 4, 0)).isEmpty();

    try (Admin admin = Admin.create(broker.clientProperties())) {
      var description = admin.describeTopics(List.of(topics.skillScores().name())).allTopicNames().get(30, TimeUnit.SECONDS);
      assertThat(description.get(topics.skillScores().name()).partitions()).hasSize(4);
      var compacted = new ConfigResource(ConfigResource.Type.TOPIC, topics.agents().name());
      var plain = new ConfigResource(ConfigResource.Type.TOPIC, topics.alerts().name());
      var configs = admin.describeConfigs(List.of(compacted, plain)).all().get(30, TimeUnit.SECONDS);
      assertThat(configs.get(compacted).get("cleanup.policy").value()).isEqualTo("compact");
      assertThat(configs.get(plain).get("cleanup.policy").value()).isEqualTo("delete");
    }
  }
}
