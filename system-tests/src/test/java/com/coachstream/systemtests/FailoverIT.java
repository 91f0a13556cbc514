package com.coachstream.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.coachstream.avro.AgentSkillWindow;
import com.coachstream.avro.AgentWindowKey;
import com.coachstream.kafka.local.KafkaBrokerExtension;
import com.coachstream.kafka.local.KafkaTestBroker;
import com.coachstream.producer.simulate.SimulatedAgent;
import com.coachstream.producer.simulate.Simulation;
import com.coachstream.producer.simulate.SimulationConfig;
import com.coachstream.producer.simulate.SimulationResult;
import com.coachstream.schemas.json.AvroJson;
import com.coachstream.systemtests.support.GroupMembers;
import com.coachstream.systemtests.support.GroupProgress;
import com.coachstream.systemtests.support.MapDiff;
import com.coachstream.systemtests.support.OrderedInput;
import com.coachstream.systemtests.support.PipelineOutputs;
import com.coachstream.systemtests.support.Quiescence;
import com.coachstream.systemtests.support.RunOutcome;
import com.coachstream.systemtests.support.ServiceProcess;
import com.coachstream.systemtests.support.ServiceProcess.HttpAnswer;
import com.coachstream.systemtests.support.StreamsRuns;
import com.coachstream.systemtests.support.TopicSet;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/http-api.md, docs/guarantees.md: two streams-processor instances (child JVMs, one application id) share the partitions; one
 * is killed with kill -9 in the middle of the input. The other takes its partitions over (the take-over time
 * is measured), answers scores queries for the agents the dead one held, and the results equal an
 * uninterrupted run's.
 */
@Tag("integration")
@Tag("faults")
@Timeout(420)
@ExtendWith(KafkaBrokerExtension.class)
class FailoverIT {

  private static final int EVENTS = 20_000;
  private static final int PARTITIONS = 4;
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void survivorTakesOverThePartitionsAndQueriesOfAKilledInstance(KafkaTestBroker broker, @TempDir Path stateDir)
      throws Exception {
    String prefix = broker.uniqueName("failover");
    TopicSet topics = TopicSet.create(broker.clientProperties(), prefix + ".shared", PARTITIONS);
    TopicSet reference = topics.withOwnOutputs(broker.clientProperties(), prefix + ".reference", PARTITIONS);
    SimulationConfig config = SimulationConfig.builder().seed(5).agents(60).teams(6).days(14).slipFraction(0.25)
        .end(Instant.now().truncatedTo(ChronoUnit.SECONDS)).maxEvents(EVENTS).build();
    SimulationResult input = Simulation.run(config,
        new OrderedInput(broker.clientProperties(), topics.topics(), Instant.now().minusMillis(EVENTS)), (n, t, f) -> { });
    List<String> agents = input.groundTruth().agents().stream().map(SimulatedAgent::agentId).toList();

    RunOutcome expected = StreamsRuns.uninterrupted(broker.clientProperties(), reference, prefix + "-reference",
        stateDir.resolve("reference"), Duration.ofMinutes(4));

    String app = prefix + "-shared";
    Path logs = Path.of("target", "system-test-logs", prefix);
    try (ServiceProcess alpha = ServiceProcess.streams("streams-alpha", instance(broker, topics, app, stateDir, "alpha"), logs);
        ServiceProcess bravo = ServiceProcess.streams("streams-bravo", instance(broker, topics, app, stateDir, "bravo"), logs);
        GroupMembers members = new GroupMembers(broker.clientProperties(), app);
        GroupProgress progress = new GroupProgress(broker.clientProperties(), app, topics.inputs());
        PipelineOutputs outputs = new PipelineOutputs(broker.clientProperties(), topics.topics())) {
      alpha.start();
      bravo.start();
      String interactions = topics.names().interactions();
      await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
          .until(() -> members.partitionsOf(interactions).keySet().equals(Set.of("alpha", "bravo")));
      Map<String, Set<Integer>> owners = members.partitionsOf(interactions);
      Set<Integer> bravoPartitions = owners.get("bravo");
      List<String> bravoAgents = GroupMembers.keysIn(agents, bravoPartitions, PARTITIONS);
      String alphaAgent = GroupMembers.keysIn(agents, owners.get("alpha"), PARTITIONS).get(0);
      await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100)).until(() -> progress.fraction() >= 0.3);
      // while both run, alpha answers for bravo's agents by asking bravo
      await().atMost(Duration.ofSeconds(30)).until(() -> alpha.get(scores(bravoAgents.get(0))).status() == 200);
      double killedAt = progress.fraction();

      long killed = System.nanoTime();
      bravo.kill();
      Map<Integer, Integer> answersForBravoAgent = new TreeMap<>();
      Map<Integer, Integer> answersForAlphaAgent = new TreeMap<>();
      List<String> ownTimeline = new ArrayList<>();
      await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(() -> {
        answersForBravoAgent.merge(alpha.get(scores(bravoAgents.get(0))).status(), 1, Integer::sum);
        int own = alpha.get(scores(alphaAgent)).status();
        answersForAlphaAgent.merge(own, 1, Integer::sum);
        ownTimeline.add(String.format(Locale.ROOT, "%.1fs:%d", seconds(killed), own));
        return members.partitionsOf(interactions).equals(Map.of("alpha", Set.of(0, 1, 2, 3)));
      });
      double partitionsTakenOver = seconds(killed);
      await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(() -> {
        int own = alpha.get(scores(alphaAgent)).status();
        answersForAlphaAgent.merge(own, 1, Integer::sum);
        ownTimeline.add(String.format(Locale.ROOT, "%.1fs:%d", seconds(killed), own));
        List<Integer> statuses = bravoAgents.stream().map(agent -> alpha.get(scores(agent)).status()).toList();
        answersForBravoAgent.merge(statuses.get(0), 1, Integer::sum);
        return statuses.stream().allMatch(status -> status == 200);
      });
      double queriesTakenOver = seconds(killed);

      Quiescence.awaitSettled(progress, outputs, StreamsRuns.PUBLISH_INTERVAL, Duration.ofMinutes(4));
      RunOutcome actual = RunOutcome.of(outputs);
      System.out.printf(Locale.ROOT, "Fail-over: %,d events, %d agents; bravo held partitions %s (%d agents) and was killed"
              + " at %.0f%% committed; alpha held all partitions %.1f s later and answered scores for all of bravo's agents"
              + " %.1f s later%n", input.events(), agents.size(), bravoPartitions, bravoAgents.size(), 100 * killedAt,
          partitionsTakenOver, queriesTakenOver);
      System.out.printf(Locale.ROOT, "Fail-over: alpha's answers during the take-over, by HTTP status: for one of bravo's"
          + " agents %s, for one of its own %s%n", answersForBravoAgent, answersForAlphaAgent);
      System.out.println("Fail-over: alpha's answers for its own agent " + alphaAgent + " after the kill: " + ownTimeline);

      MapDiff<AgentWindowKey> windows = actual.windowsAgainst(expected);
      assertThat(windows.isEmpty()).as("final windows %s", windows.summary(5, RunOutcome::describe)).isTrue();
      MapDiff<String> alerts = actual.alertsAgainst(expected);
      assertThat(alerts.isEmpty()).as("alerts %s", alerts.summary(5, Function.identity())).isTrue();
      assertThat(actual.alertIds()).as("alert ids committed twice").doesNotHaveDuplicates();
      for (String agent : bravoAgents) {
        assertAnswerMatchesTopic(alpha.get(scores(agent)), agent, actual.windows());
      }
    }
  }

  /** Every window a scores query returns is the latest value of that key on the skill-scores topic. */
  private static void assertAnswerMatchesTopic(HttpAnswer answer, String agent, Map<AgentWindowKey, AgentSkillWindow> windows)
      throws Exception {
    assertThat(answer.status()).as("scores of %s", agent).isEqualTo(200);
    JsonNode returned = JSON.readTree(answer.body()).path("windows");
    assertThat(returned.size()).as("windows of %s", agent).isPositive();
    for (JsonNode window : returned) {
      AgentSkillWindow decoded = AvroJson.fromJson(window, AgentSkillWindow.class);
      AgentWindowKey key = new AgentWindowKey(agent, decoded.getWindowStart());
      assertThat(window).as("window %s", RunOutcome.describe(key)).isEqualTo(AvroJson.toJson(windows.get(key)));
    }
  }

  private static Map<String, String> instance(KafkaTestBroker broker, TopicSet topics, String app, Path stateDir, String name) {
    Map<String, String> settings = StreamsRuns.settings(broker.bootstrapServers(), topics, app, stateDir.resolve(name));
    settings.put("kafka.client.id", name);
    // the survivor notices the dead instance when its session expires: 6 s is the broker's minimum
    settings.put("kafka.session.timeout.ms", "6000");
    settings.put("kafka.heartbeat.interval.ms", "1500");
    return settings;
  }

  private static String scores(String agent) {
    return "/api/agents/" + agent + "/scores";
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
