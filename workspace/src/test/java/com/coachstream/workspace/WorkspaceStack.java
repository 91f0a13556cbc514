package com.coachstream.workspace;

import static org.awaitility.Awaitility.await;

import com.coachstream.avro.CoachingAction;
import com.coachstream.common.config.KafkaSettings;
import com.coachstream.common.config.Settings;
import com.coachstream.common.kafka.RulesTopic;
import com.coachstream.common.security.DemoUsers;
import com.coachstream.common.security.Role;
import com.coachstream.common.security.SecuritySettings;
import com.coachstream.kafka.local.KafkaTestBroker;
import com.coachstream.schemas.topics.TopicNames;
import com.coachstream.schemas.topics.Topics;
import com.coachstream.streams.StreamsService;
import com.coachstream.streams.query.RosterTeams;
import com.coachstream.streams.topology.StreamsSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/** A streams processor and a workspace on a test broker, with two teams' data played in. */
record WorkspaceStack(KafkaTestBroker broker, Topics topics, StreamsService streams, WorkspaceServer workspace)
    implements AutoCloseable {

  static final DemoUsers.User SUPERVISOR = DemoUsers.User.of("sup-alpha", "sup-alpha-password-1", Role.SUPERVISOR,
      Set.of(), null);
  static final DemoUsers.User AGENT = DemoUsers.User.of("alpha-2", "alpha-2-password-1", Role.AGENT, Set.of(), "alpha-2");
  static final DemoUsers.User QA_MANAGER = DemoUsers.User.of("qa-1", "qa-1-password-1", Role.QA_MANAGER, Set.of(), null);

  static WorkspaceStack start(KafkaTestBroker broker, Path dir) {
    return start(broker, dir, true);
  }

  static WorkspaceStack start(KafkaTestBroker broker, Path dir, boolean secureCookies) {
    TopicNames names = TopicNames.DEFAULTS.withPrefix(broker.uniqueName("ws") + ".");
    Map<String, Integer> partitions = new HashMap<>();
    names.asMap().values().forEach(n -> partitions.put(n, 2));
    broker.createTopics(partitions);
    Topics topics = new Topics(names);
    Settings settings = settings(broker, names, dir);
    StreamsService streams = StreamsService.start(settings);
    WorkspaceServer workspace = WorkspaceServer.start(new WorkspaceServer.Config("127.0.0.1", 0,
        "http://127.0.0.1:" + streams.opsPort(), secureCookies), SecuritySettings.authenticator(settings, Optional.empty())
        .withDirectory(new RosterTeams(streams.streams())), SecuritySettings.policy(settings),
        KafkaSettings.clientProperties(settings), topics.actions(), new RulesDesk(new RulesTopic(
            KafkaSettings.clientProperties(settings), topics.rules(), Duration.ofSeconds(10)),
            StreamsSettings.from(settings).ruleBook()::problems));
    WorkspaceIT.produce(broker, topics);
    return new WorkspaceStack(broker, topics, streams, workspace);
  }

  List<CoachingAction> readActions(int expected) {
    Properties props = broker.clientProperties();
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.GROUP_ID_CONFIG, broker.uniqueName("ws-actions"));
    List<CoachingAction> actions = new ArrayList<>();
    try (KafkaConsumer<String, CoachingAction> consumer = new KafkaConsumer<>(props,
        topics.actions().keySerde().deserializer(), topics.actions().valueSerde().deserializer())) {
      consumer.subscribe(List.of(topics.actions().name()));
      await().atMost(Duration.ofSeconds(60)).until(() -> {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> actions.add(r.value()));
        return actions.size() >= expected;
      });
    }
    return actions;
  }

  private static Settings settings(KafkaTestBroker broker, TopicNames names, Path dir) {
    Map<String, String> map = new HashMap<>(names.asMap());
    map.put("bootstrap.servers", broker.bootstrapServers());
    map.put("application-id", broker.uniqueName("ws-it"));
    map.put("http.host", "127.0.0.1");
    map.put("http.port", "0");
    map.put("state.dir", dir.resolve("state").toString());
    map.put("scores.publish.interval", "500ms");
    map.put("kafka.commit.interval.ms", "100");
    map.put("security.users-file", DemoUsers.write(dir.resolve("users.json"), List.of(SUPERVISOR, AGENT, QA_MANAGER)).toString());
    map.put("security.service-secret", "the-workspace-it-shared-service-secret");
    broker.clientProperties().forEach((k, v) -> {
      if (!k.equals("bootstrap.servers")) {
        map.put("kafka." + k, v.toString());
      }
    });
    return Settings.of(map);
  }

  @Override
  public void close() {
    workspace.close();
    streams.close();
  }
}
