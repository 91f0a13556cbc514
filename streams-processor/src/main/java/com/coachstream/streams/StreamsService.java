package com.coachstream.streams;

import com.coachstream.common.config.Settings;
import com.coachstream.common.ops.ApiDescription;
import com.coachstream.common.ops.OpsServer;
import com.coachstream.common.ops.Route;
import com.coachstream.common.security.AccessPolicy;
import com.coachstream.common.security.Authenticator;
import com.coachstream.common.security.Operation;
import com.coachstream.common.security.SecuritySettings;
import com.coachstream.streams.metrics.InMemoryStoreMeters;
import com.coachstream.streams.metrics.StoreLevelMeters;
import com.coachstream.streams.metrics.StreamsMeters;
import com.coachstream.streams.query.QueryApi;
import com.coachstream.streams.query.RosterTeams;
import com.coachstream.streams.state.CrashedLocalState;
import com.coachstream.streams.topology.CoachingTopology;
import com.coachstream.streams.topology.LeniencyTopic;
import com.coachstream.streams.topology.StreamsSettings;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running streams processor: Kafka Streams with the coaching topology, plus HTTP ({@code /health},
 * {@code /ready} when RUNNING, {@code /metrics} with Kafka Streams' metrics, and the query API). Start with
 * {@link #start(Settings)}; {@link #close()} stops it cleanly.
 */
public final class StreamsService implements AutoCloseable {

  /** The OpenAPI document of the query API and the operations endpoints, served at /openapi.yaml. */
  public static final String API_DOCUMENT = "openapi/streams-processor.yaml";

  private static final Logger log = LoggerFactory.getLogger(StreamsService.class);

  private final KafkaStreams streams;
  private final OpsServer ops;
  private final StreamsMeters metrics;
  private final CloseOptions closing;
  private final Path applicationDir;

  private StreamsService(KafkaStreams streams, OpsServer ops, StreamsMeters metrics, CloseOptions closing,
      Path applicationDir) {
    this.streams = streams;
    this.ops = ops;
    this.metrics = metrics;
    this.closing = closing;
    this.applicationDir = applicationDir;
  }

  /** {@link CrashedLocalState}: the stores a crash left behind would be restored from their changelogs anyway. */
  private static Path prepareStateDirectory(Properties properties) {
    Path applicationDir = Path.of(properties.getProperty(StreamsConfig.STATE_DIR_CONFIG),
        properties.getProperty(StreamsConfig.APPLICATION_ID_CONFIG));
    List<String> deleted = CrashedLocalState.beforeStart(applicationDir);
    if (!deleted.isEmpty()) {
      log.info("The last run did not stop cleanly: deleted the local stores of {} tasks, which are restored from "
          + "their changelogs", deleted.size());
    }
    return applicationDir;
  }

  /**
   * How this instance stops. Kafka Streams stays in its consumer group on close by default, which suits a static
   * member ({@code instance.id}): it comes back under the same id and takes its tasks back without a rebalance.
   * A dynamic member comes back under a new id, so staying would only leave its tasks unowned until its session
   * times out ({@code session.timeout.ms}, 45 s): it leaves the group, and the others (or its next self) take
   * the tasks over at once.
   */
  static CloseOptions.GroupMembershipOperation membershipOnClose(Properties properties) {
    boolean staticMember = properties.containsKey(StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG))
        || properties.containsKey(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
    return staticMember ? CloseOptions.GroupMembershipOperation.REMAIN_IN_GROUP
        : CloseOptions.GroupMembershipOperation.LEAVE_GROUP;
  }

  /** Validates the settings (a {@code ConfigException} names a wrong one), then starts HTTP and Kafka Streams. */
  public static StreamsService start(Settings settings) {
    StreamsSettings config = StreamsSettings.from(settings);
    FormatLocale.useEnUs();
    PrometheusMeterRegistry registry = OpsServer.newRegistry();
    KafkaStreams[] holder = new KafkaStreams[1];
    // healthy unless failed for good: a liveness probe must not kill an instance that is still starting
    OpsServer ops = OpsServer.start(config.httpHost(), config.httpPort(), registry,
        () -> holder[0] == null || holder[0].state() != KafkaStreams.State.ERROR
            && holder[0].state() != KafkaStreams.State.PENDING_ERROR,
        () -> holder[0] != null && holder[0].state() == KafkaStreams.State.RUNNING);
    try {
      // the port is known only once HTTP listens (http.port=0 picks one), and other instances forward there
      HostInfo self = new HostInfo(config.advertisedHost(), ops.port());
      LeniencyTopic.ensureExists(config); // statistical mode's global store needs its topic before start
      Properties properties = config.streamsProperties(self.host() + ":" + self.port());
      Path applicationDir = prepareStateDirectory(properties);
      KafkaStreams streams = new KafkaStreams(CoachingTopology.topology(config), properties);
      holder[0] = streams;
      streams.setUncaughtExceptionHandler(e -> {
        log.error("Stream thread failed; shutting this instance down", e);
        return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
      });
      registry.config().meterFilter(new InMemoryStoreMeters()).meterFilter(new StoreLevelMeters(config.storeLevelMetrics()));
      StreamsMeters metrics = StreamsMeters.bind(streams, registry, config.metricsRefreshInterval());
      AccessPolicy policy = SecuritySettings.policy(settings);
      Authenticator authenticator = SecuritySettings.authenticator(settings, Optional.empty())
          .withDirectory(new RosterTeams(streams));
      ops.secure(authenticator, policy);
      QueryApi api = new QueryApi(streams, config.windows(), self, policy, authenticator);
      ops.route("GET", "/api/agents/{agentId}/scores", Operation.READ_AGENT, api::agents);
      ops.route("GET", "/api/teams/{teamId}/agents", Operation.READ_TEAM, api::teams);
      ops.route("GET", "/api/alerts", Operation.READ_ALERTS, api::alerts);
      ops.route("GET", "/api/rules/precision", Operation.READ_RULES, api::rulePrecision);
      ops.route("GET", "/api/agents/{agentId}/effects", Operation.READ_EFFECTS, api::agentEffects);
      ops.route("GET", "/api/teams/{teamId}/effects", Operation.READ_EFFECTS, api::teamEffects);
      ops.route("GET", "/api/coaches/{coachId}/effects", Operation.READ_EFFECTS, api::coachEffects);
      ops.describedBy(ApiDescription.load(API_DOCUMENT));
      streams.start();
      log.info("Streams processor {} started; HTTP on port {}", config.applicationId(), ops.port());
      return new StreamsService(streams, ops, metrics, CloseOptions.timeout(Duration.ofSeconds(30))
          .withGroupMembershipOperation(membershipOnClose(properties)), applicationDir);
    } catch (RuntimeException e) {
      ops.close();
      if (holder[0] != null) {
        holder[0].close(Duration.ofSeconds(10));
      }
      throw e;
    }
  }

  public int opsPort() {
    return ops.port();
  }

  /** The HTTP routes this instance serves (query API and operations endpoints). */
  public List<Route> routes() {
    return ops.routes();
  }

  public KafkaStreams streams() {
    return streams;
  }

  public KafkaStreams.State state() {
    return streams.state();
  }

  @Override
  public void close() {
    if (streams.close(closing)) {
      CrashedLocalState.stoppedCleanly(applicationDir);
    }
    metrics.close();
    ops.close();
  }
}
