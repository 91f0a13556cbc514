package com.coachstream.producer.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.coachstream.producer.ingest.DuplicateTracker;
import com.coachstream.producer.simulate.EventSink;
import com.coachstream.producer.simulate.ProgressListener;
import com.coachstream.producer.simulate.SimulatedEvent;
import com.coachstream.producer.simulate.Simulation;
import com.coachstream.producer.simulate.SimulationConfig;
import com.coachstream.schemas.json.EventJson;
import com.coachstream.schemas.json.EventType;
import com.coachstream.schemas.topics.Topic;
import com.coachstream.schemas.topics.TopicNames;
import com.coachstream.schemas.topics.Topics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class EventCodecTest {

  static final SpecificRecord INTERACTION = EventJson.parse("{\"type\":\"interaction\",\"interactionId\":\"i-1\",\"agentId\":\"agent-1\","
      + "\"channel\":\"CHAT\",\"startedAt\":\"2026-01-01T09:00:00Z\",\"endedAt\":\"2026-01-01T09:12:30.250Z\",\"customerRef\":\"c-9\","
      + "\"skillSignals\":{\"empathy\":81.5}}");
  static final SpecificRecord EVALUATION = EventJson.parse("{\"type\":\"qa_evaluation\",\"evaluationId\":\"e-1\",\"agentId\":\"agent-1\","
      + "\"evaluatedAt\":\"2026-01-02T10:00:00Z\",\"criteria\":[{\"skill\":\"empathy\",\"score\":7,\"maxScore\":10}]}");
  static final SpecificRecord AGENT = EventJson.parse("{\"type\":\"agent\",\"agentId\":\"agent-1\",\"displayName\":\"Ava\"}");
  static final SpecificRecord ACTION = EventJson.parse("{\"type\":\"action\",\"actionType\":\"ACKNOWLEDGED\",\"actionId\":\"a-1\","
      + "\"agentId\":\"agent-1\",\"alertId\":\"al-1\",\"actorId\":\"sup\",\"at\":\"2026-01-03T08:00:00Z\"}");

  @Test
  void everyKindOfEventRoundTrips() {
    for (SpecificRecord event : new SpecificRecord[] {INTERACTION, EVALUATION, AGENT, ACTION}) {
      assertThat(EventCodec.decode(EventCodec.encode(event))).isEqualTo(event);
    }
  }

  @Test
  void theKindIdKeyAndAvroBytesAreReadWithoutDecodingTheEvent() {
    Topics topics = new Topics(TopicNames.DEFAULTS);
    Map<SpecificRecord, Topic<String, ?>> topicOf = Map.of(INTERACTION, topics.interactions(),
        EVALUATION, topics.qaEvaluations(), AGENT, topics.agents(), ACTION, topics.actions());
    topicOf.forEach((event, topic) -> {
      byte[] bytes = EventCodec.encode(event);
      assertThat(EventCodec.type(bytes)).isEqualTo(EventType.of(event));
      assertThat(EventCodec.idFingerprint(bytes)).isEqualTo(DuplicateTracker.idFingerprint(event));
      assertThat(EventCodec.agentId(bytes)).isEqualTo("agent-1");
      assertThat(EventCodec.singleObject(bytes)).as("the bytes the topic's serde writes for %s", event)
          .isEqualTo(serialize(topic, event));
    });
  }

  /** The sort form carries exactly the bytes the topic's serde writes (its {@code toByteBuffer()}), for every simulated event. */
  @Test
  void theAvroBytesAreTheEventsOwnSingleObjectEncoding() throws Exception {
    List<SpecificRecord> events = new ArrayList<>(List.of(INTERACTION, EVALUATION, AGENT, ACTION));
    SimulationConfig config = SimulationConfig.builder().seed(5).agents(40).teams(2).days(10)
        .end(Instant.parse("2026-11-01T00:00:00Z")).maxEvents(5_000).build();
    Simulation.run(config, new EventSink() {
      @Override
      public void accept(SimulatedEvent event) {
        events.add(event.event());
      }

      @Override
      public void close() { }
    }, ProgressListener.NONE);
    assertThat(events).extracting(EventType::of).contains(EventType.INTERACTION, EventType.QA_EVALUATION, EventType.AGENT);
    for (SpecificRecord event : events) {
      byte[] encoded = EventCodec.encode(event);
      assertThat(EventCodec.singleObject(encoded)).as("%s", event).isEqualTo(serialize(topicOf(event), event));
      assertThat(EventCodec.decode(encoded)).isEqualTo(event);
    }
  }

  private static Topic<String, ?> topicOf(SpecificRecord event) {
    Topics topics = new Topics(TopicNames.DEFAULTS);
    return switch (EventType.of(event)) {
      case INTERACTION -> topics.interactions();
      case QA_EVALUATION -> topics.qaEvaluations();
      case AGENT -> topics.agents();
      case ACTION -> topics.actions();
    };
  }

  @SuppressWarnings("unchecked")
  private static byte[] serialize(Topic<String, ?> topic, SpecificRecord event) {
    return ((Topic<String, SpecificRecord>) topic).valueSerde().serializer().serialize(topic.name(), event);
  }

  @Test
  void aCorruptKindIsRefused() {
    byte[] bytes = EventCodec.encode(AGENT);
    bytes[0] = 9;
    assertThatThrownBy(() -> EventCodec.decode(bytes)).hasMessageContaining("Unknown event kind 9");
  }

  @Test
  void eventTimeIsEndedAtOrEvaluatedAtAndTheRosterComesFirst() {
    assertThat(EventTime.of(INTERACTION)).isEqualTo(Instant.parse("2026-01-01T09:12:30.250Z").toEpochMilli());
    assertThat(EventTime.of(EVALUATION)).isEqualTo(Instant.parse("2026-01-02T10:00:00Z").toEpochMilli());
    assertThat(EventTime.of(ACTION)).isEqualTo(Instant.parse("2026-01-03T08:00:00Z").toEpochMilli());
    assertThat(EventTime.of(AGENT)).isEqualTo(EventTime.ROSTER).isEqualTo(Long.MIN_VALUE);
  }
}
