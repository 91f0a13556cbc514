package com.coachstream.benchmarks.dsl;

import com.coachstream.avro.AgentSkillWindow;
import com.coachstream.avro.AgentWindowKey;
import com.coachstream.avro.InteractionEvent;
import com.coachstream.avro.QaEvaluation;
import com.coachstream.schemas.topics.Topics;
import com.coachstream.streams.scoring.ObservationExtractor;
import com.coachstream.streams.scoring.ScorableEvent;
import com.coachstream.streams.topology.StreamsSettings;
import com.coachstream.streams.window.WindowSpec;
import java.time.Instant;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.processor.TimestampExtractor;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The comparison for the window-cost benchmark: the processor's window aggregation written the textbook way,
 * with the DSL's hopping {@link TimeWindows} (size, advance and grace from the same settings), event time
 * from the payload, the same observations, and the same {@code AgentSkillWindow} output. Each record updates
 * every window containing it: {@code window.size / window.advance} state reads and writes per event.
 */
public final class DslWindowsTopology {

  static final String STORE = "dsl-window-store";

  private DslWindowsTopology() { }

  public static Topology topology(StreamsSettings settings) {
    Topics topics = settings.topics();
    WindowSpec spec = settings.windows();
    ObservationExtractor extractor = new ObservationExtractor(settings.taxonomy());
    StreamsBuilder builder = new StreamsBuilder();
    KStream<String, ScorableEvent> interactions = builder.stream(topics.interactions().name(),
            Consumed.with(topics.interactions().keySerde(), topics.interactions().valueSerde())
                .withTimestampExtractor(eventTime()).withName("dsl-interactions-source"))
        .mapValues(extractor::interaction);
    KStream<String, ScorableEvent> evaluations = builder.stream(topics.qaEvaluations().name(),
            Consumed.with(topics.qaEvaluations().keySerde(), topics.qaEvaluations().valueSerde())
                .withTimestampExtractor(eventTime()).withName("dsl-qa-evaluations-source"))
        .mapValues(extractor::evaluation);
    TimeWindows windows = TimeWindows.ofSizeAndGrace(spec.size(), spec.grace()).advanceBy(spec.advance());
    interactions.merge(evaluations)
        .groupByKey(Grouped.keySerde(Serdes.String()))
        .windowedBy(windows)
        .aggregate(WindowTotals::new, (agentId, event, totals) -> totals.add(event),
            Materialized.<String, WindowTotals, WindowStore<Bytes, byte[]>>as(STORE)
                .withKeySerde(Serdes.String()).withValueSerde(new WindowTotalsSerde()))
        .toStream()
        .map((window, totals) -> KeyValue.pair(
            new AgentWindowKey(window.key(), Instant.ofEpochMilli(window.window().start())),
            totals.toRecord(window.key(), window.window().start(), window.window().end())))
        .to(topics.skillScores().name(), Produced.<AgentWindowKey, AgentSkillWindow>with(
            topics.skillScores().keySerde(), topics.skillScores().valueSerde()));
    return builder.build();
  }

  /** Event time from the payload (endedAt, evaluatedAt), as the processor uses it. */
  static TimestampExtractor eventTime() {
    return (record, partitionTime) -> {
      if (record.value() instanceof InteractionEvent e) {
        return e.getEndedAt().toEpochMilli();
      }
      if (record.value() instanceof QaEvaluation e) {
        return e.getEvaluatedAt().toEpochMilli();
      }
      return partitionTime;
    };
  }
}
