package com.coachstream.benchmarks.quality;

import com.coachstream.avro.AlertType;
import com.coachstream.avro.CoachingAlert;
import com.coachstream.avro.Criterion;
import com.coachstream.avro.EvaluationPurpose;
import com.coachstream.avro.InteractionEvent;
import com.coachstream.avro.QaEvaluation;
import com.coachstream.benchmarks.harness.Report;
import com.coachstream.common.config.Settings;
import com.coachstream.schemas.topics.Topic;
import com.coachstream.streams.topology.CoachingTopology;
import com.coachstream.streams.topology.StreamsSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * Alert quality: plays each {@link Family} of simulated contact centers through the production topology
 * (in a {@link TopologyTestDriver}: the same processors and state stores, without a broker) once per alert
 * mode, and scores the SLIP alerts against the known truth ({@link QualityScore}).
 */
public final class QualityBenchmark {

  /** 2024-01-01, a Monday. */
  static final long START = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();
  private QualityBenchmark() { }

  public static void run(List<String> modes, int agentsPerFamily, int days, long seed, Map<String, String> extraSettings,
      Report report) throws IOException {
    for (String mode : modes) {
      List<Episode> allEpisodes = new ArrayList<>();
      List<QualityScore.Alert> allAlerts = new ArrayList<>();
      for (Family family : Family.ALL) {
        ContactCenter center = new ContactCenter(family, agentsPerFamily, days, START, seed);
        Map<String, String> settings = new HashMap<>(extraSettings);
        settings.put("alert.mode", mode);
        Report.progress("quality: " + mode + " / " + family.name());
        List<QualityScore.Alert> alerts = play(center, days, settings);
        allEpisodes.addAll(center.episodes());
        allAlerts.addAll(alerts);
        record(report.section("quality " + mode + " " + family.name()), mode, family.name(), settings,
            QualityScore.score(center.episodes(), alerts, START, agentsPerFamily, days, 7));
      }
      record(report.section("quality " + mode + " all-families"), mode, "all", extraSettings,
          QualityScore.score(allEpisodes, allAlerts, START, agentsPerFamily * Family.ALL.size(), days, 7));
    }
  }

  private static void record(Report.Section section, String mode, String family, Map<String, String> settings,
      QualityScore.Figures f) {
    section.setting("mode", mode).setting("family", family).setting("settings", new java.util.TreeMap<>(settings))
        .setting("episodes", f.episodes()).setting("qualifying episodes", f.qualifying())
        .setting("slip alerts", f.alerts()).setting("false alerts", f.falseAlerts());
    section.figure("recall", f.recall(), "");
    section.figure("recall (>= 8 points, >= 7 days)", f.qualifyingRecall(), "", ">= 0.90", "");
    section.figure("precision", f.precision(), "", ">= 0.95", "");
    section.figure("median delay", f.medianDelayDays(), "days", "<= 3", "");
    section.figure("p90 delay", f.p90DelayDays(), "days");
    section.figure("false alerts per 1,000 agent-days", f.falseAlertsPer1000AgentDays(), "", "<= 1", "");
  }

  /** The SLIP alerts the production topology raises for the center's events. */
  static List<QualityScore.Alert> play(ContactCenter center, int days, Map<String, String> extraSettings)
      throws IOException {
    Path stateDir = Files.createTempDirectory("coachstream-quality-");
    Map<String, String> all = new HashMap<>(extraSettings);
    all.put("state.dir", stateDir.toString());
    StreamsSettings settings = StreamsSettings.from(Settings.of(all));
    List<QualityScore.Alert> alerts = new ArrayList<>();
    try (TopologyTestDriver driver = new TopologyTestDriver(CoachingTopology.topology(settings),
        settings.streamsProperties(null), Instant.ofEpochMilli(START))) {
      TestInputTopic<String, InteractionEvent> interactions = input(driver, settings.topics().interactions());
      TestInputTopic<String, QaEvaluation> evaluations = input(driver, settings.topics().qaEvaluations());
      TestOutputTopic<String, CoachingAlert> alertTopic = driver.createOutputTopic(settings.topics().alerts().name(),
          Serdes.String().deserializer(), settings.topics().alerts().valueSerde().deserializer());
      TestOutputTopic<byte[], byte[]> scores = driver.createOutputTopic(settings.topics().skillScores().name(),
          Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer());
      for (int day = 0; day < days; day++) {
        for (SimulatedEvent event : center.day(day)) {
          if (event.evaluation()) {
            evaluations.pipeInput(event.agentId(), evaluation(event), event.time());
          } else {
            interactions.pipeInput(event.agentId(), interaction(event), event.time());
          }
        }
        scores.readRecordsToList(); // the window records are not scored here; dropping them bounds memory
        for (CoachingAlert alert : alertTopic.readValuesToList()) {
          if (alert.getType() == AlertType.SLIP) {
            alerts.add(new QualityScore.Alert(alert.getAgentId(), alert.getEventTime().toEpochMilli()));
          }
        }
      }
    } finally {
      try (Stream<Path> files = Files.walk(stateDir)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
    return alerts;
  }

  private static <V> TestInputTopic<String, V> input(TopologyTestDriver driver, Topic<String, V> topic) {
    return driver.createInputTopic(topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
  }

  static QaEvaluation evaluation(SimulatedEvent e) {
    List<Criterion> criteria = new ArrayList<>();
    e.scores().forEach((skill, score) -> criteria.add(new Criterion(skill, score, 100.0, 1.0, null)));
    return QaEvaluation.newBuilder().setEvaluationId(e.id()).setAgentId(e.agentId()).setEvaluatorId(e.evaluatorId())
        .setInteractionId(e.interactionId()).setEvaluatedAt(Instant.ofEpochMilli(e.time())).setCriteria(criteria)
        .setAutoFail(false).setPurpose(e.calibration() ? EvaluationPurpose.CALIBRATION : EvaluationPurpose.STANDARD)
        .setRetracted(false).build();
  }

  static InteractionEvent interaction(SimulatedEvent e) {
    return InteractionEvent.newBuilder().setInteractionId(e.id()).setAgentId(e.agentId()).setTeamId("team-1")
        .setChannel(com.coachstream.avro.Channel.VOICE).setStartedAt(Instant.ofEpochMilli(e.time() - 300_000))
        .setEndedAt(Instant.ofEpochMilli(e.time())).setSkillSignals(e.scores()).build();
  }
}
