package com.coachstream.launcher;

import com.coachstream.common.config.KafkaSettings;
import com.coachstream.common.config.Settings;
import com.coachstream.common.kafka.RulesTopic;
import com.coachstream.common.security.Authenticator;
import com.coachstream.common.security.SecuritySettings;
import com.coachstream.schemas.topics.Topics;
import com.coachstream.streams.StreamsService;
import com.coachstream.streams.query.RosterTeams;
import com.coachstream.streams.topology.StreamsSettings;
import com.coachstream.workspace.RulesDesk;
import com.coachstream.workspace.WorkspaceServer;
import java.time.Duration;
import java.util.Optional;

/**
 * Starts the supervisor workspace beside the demo's streams processor: same users, same service secret (so
 * the workspace reads the query API for the signed-in user), supervisors' teams from the roster too.
 */
final class DemoWorkspace {

  private DemoWorkspace() { }

  static WorkspaceServer start(Settings settings, StreamsService streams, Topics topics, int port) {
    Authenticator authenticator = SecuritySettings.authenticator(settings, Optional.empty())
        .withDirectory(new RosterTeams(streams.streams()));
    WorkspaceServer.Config config = new WorkspaceServer.Config(settings.string("workspace.host", "localhost"),
        port, "http://localhost:" + streams.opsPort(), settings.bool("workspace.secure-cookies", true));
    return WorkspaceServer.start(config, authenticator, SecuritySettings.policy(settings),
        KafkaSettings.clientProperties(settings), topics.actions(), new RulesDesk(new RulesTopic(
            KafkaSettings.clientProperties(settings), topics.rules(), Duration.ofSeconds(10)),
            StreamsSettings.from(settings).ruleBook()::problems));
  }
}
