package com.coachstream.streams.topology;

import static com.coachstream.streams.TestEvents.T0;

import com.coachstream.avro.AgentProfile;
import com.coachstream.avro.AgentSkillWindow;
import com.coachstream.avro.AgentWindowKey;
import com.coachstream.avro.CoachingAction;
import com.coachstream.avro.CoachingAlert;
import com.coachstream.avro.InteractionEvent;
import com.coachstream.avro.QaEvaluation;
import com.coachstream.avro.RuleSet;
import com.coachstream.common.config.Settings;
import com.coachstream.schemas.topics.Topic;
import com.coachstream.schemas.topics.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;

/** The production topology in a {@link TopologyTestDriver}, with every input and output topic of the catalogue. */
final class TopologyFixture implements AutoCloseable {

  final TopologyTestDriver driver;
  final Topics topics;
  final TestInputTopic<String, InteractionEvent> interactions;
  final TestInputTopic<String, QaEvaluation> evaluations;
  final TestInputTopic<String, AgentProfile> agents;
  final TestInputTopic<String, CoachingAction> actions;
  final TestInputTopic<String, RuleSet> rules;
  final TestInputTopic<byte[], byte[]> rawInteractions;
  final TestOutputTopic<AgentWindowKey, AgentSkillWindow> scores;
  final TestOutputTopic<String, CoachingAlert> alerts;
  final TestOutputTopic<byte[], byte[]> deadLetters;

  private final Path stateDir;
  private final Duration publishInterval;

  /** A new driver over its own state directory, removed again by {@link #close()}. */
  TopologyFixture() {
    this(Map.of(), topology -> { });
  }

  /** As {@link #TopologyFixture()}, with {@code extension} adding nodes to the production topology (a child of a processor). */
  TopologyFixture(Consumer<Topology> extension) {
    this(Map.of(), extension);
  }

  /** As {@link #TopologyFixture()}, with {@code extra} settings (e.g. {@code alert.mode}). */
  TopologyFixture(Map<String, String> extra) {
    this(extra, topology -> { });
  }

  private TopologyFixture(Map<String, String> extra, Consumer<Topology> extension) {
    try {
      stateDir = Files.createTempDirectory("coachstream-topology-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> all = new java.util.HashMap<>(extra);
    all.putIfAbsent("scores.publish.interval", "1s");
    all.put("state.dir", stateDir.toString());
    StreamsSettings settings = StreamsSettings.from(Settings.of(all));
    publishInterval = settings.publishInterval();
    topics = settings.topics();
    Topology topology = CoachingTopology.topology(settings);
    extension.accept(topology);
    driver = new TopologyTestDriver(topology, settings.streamsProperties(null), T0);
    interactions = input(topics.interactions());
    evaluations = input(topics.qaEvaluations());
    agents = input(topics.agents());
    actions = input(topics.actions());
    rules = input(topics.rules());
    rawInteractions = driver.createInputTopic(topics.interactions().name(), Serdes.ByteArray().serializer(),
        Serdes.ByteArray().serializer());
    scores = driver.createOutputTopic(topics.skillScores().name(), topics.skillScores().keySerde().deserializer(),
        topics.skillScores().valueSerde().deserializer());
    alerts = driver.createOutputTopic(topics.alerts().name(), Serdes.String().deserializer(),
        topics.alerts().valueSerde().deserializer());
    deadLetters = driver.createOutputTopic(topics.deadLetter().name(), Serdes.ByteArray().deserializer(),
        Serdes.ByteArray().deserializer());
  }

  private <V> TestInputTopic<String, V> input(Topic<String, V> topic) {
    return driver.createInputTopic(topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
  }

  /** Lets the wall clock pass one commit interval (200 ms): the current windows events changed are published. */
  void publishCurrentWindows() {
    driver.advanceWallClockTime(Duration.ofMillis(200));
  }

  /**
   * Lets the wall clock pass one {@code scores.publish.interval}, tick by tick: every window an event changed is
   * published, and every day an event changed is sent to the agent's team for the coaching effect.
   */
  void publishChangedWindows() {
    Duration tick = PublicationPacer.tickInterval(publishInterval);
    for (int i = 0; i < PublicationPacer.TICKS_PER_INTERVAL; i++) {
      driver.advanceWallClockTime(tick);
    }
  }

  @Override
  public void close() {
    driver.close();
    try (Stream<Path> files = Files.walk(stateDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
