package com.coachstream.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.coachstream.common.config.Settings;
import com.coachstream.common.security.DemoUsers;
import com.coachstream.common.security.Role;
import com.coachstream.kafka.local.KafkaBrokerExtension;
import com.coachstream.kafka.local.KafkaTestBroker;
import com.coachstream.schemas.topics.TopicNames;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/operations.md: a streams processor stopped cleanly leaves its consumer group, so the partitions it held
 * are handed over at once instead of after its session times out; one with {@code instance.id} (static
 * membership) stays, to take its partitions back without a rebalance when it returns.
 */
@Tag("integration")
@Timeout(240)
@ExtendWith(KafkaBrokerExtension.class)
class GroupMembershipOnCloseIT {

  /** Far longer than the waits below: a member still listed after them has not left, its session has not expired. */
  private static final String SESSION_TIMEOUT_MS = "120000";

  @TempDir
  Path stateDir;

  @Test
  void aDynamicMemberLeavesItsGroupOnCloseAStaticMemberStays(KafkaTestBroker broker) throws Exception {
    TopicNames names = StreamsTestInstances.createTopics(broker, "close", 2);

    String dynamicApp = broker.uniqueName("close-dynamic");
    runUntilRunningThenClose(settings(broker, names, dynamicApp, Map.of()), broker, dynamicApp);
    await().atMost(Duration.ofSeconds(30)).until(() -> members(broker, dynamicApp).isEmpty());

    String staticApp = broker.uniqueName("close-static");
    runUntilRunningThenClose(settings(broker, names, staticApp, Map.of("instance.id", "scorer-0")), broker, staticApp);
    assertThat(members(broker, staticApp)).isNotEmpty()
        .allSatisfy(m -> assertThat(m.groupInstanceId()).hasValueSatisfying(id -> assertThat(id).startsWith("scorer-0")));
  }

  private static void runUntilRunningThenClose(Settings settings, KafkaTestBroker broker, String appId) throws Exception {
    try (StreamsService service = StreamsService.start(settings)) {
      await().atMost(Duration.ofSeconds(120)).until(() -> service.state() == KafkaStreams.State.RUNNING
          && !members(broker, appId).isEmpty());
    }
  }

  private static Collection<MemberDescription> members(KafkaTestBroker broker, String groupId) throws Exception {
    try (Admin admin = Admin.create(broker.clientProperties())) {
      return admin.describeConsumerGroups(List.of(groupId)).all().get().get(groupId).members();
    }
  }

  private Settings settings(KafkaTestBroker broker, TopicNames names, String appId, Map<String, String> extra) {
    Map<String, String> map = StreamsTestInstances.settings(broker, names, appId, stateDir.resolve(appId));
    map.put("security.users-file", DemoUsers.write(stateDir.resolve(appId + "-users.json"), List.of(
        DemoUsers.User.of("qa", "a-qa-manager-secret-token", Role.QA_MANAGER, Set.of(), null))).toString());
    map.put("security.service-secret", "a-shared-secret-of-the-instances-of-this-test");
    map.put("kafka.session.timeout.ms", SESSION_TIMEOUT_MS);
    map.putAll(extra);
    return Settings.of(map);
  }
}
