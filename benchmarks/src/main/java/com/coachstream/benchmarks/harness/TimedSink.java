package com.coachstream.benchmarks.harness;

import com.coachstream.avro.InteractionEvent;
import com.coachstream.avro.QaEvaluation;
import com.coachstream.producer.CoachStreamProducer;
import com.coachstream.producer.simulate.EventSink;
import com.coachstream.producer.simulate.ProducerSink;
import com.coachstream.producer.simulate.SimulatedEvent;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Sends simulated events through the producer library and notes when each source event was handed to it
 * ({@code System.nanoTime()}): the start of an alert's latency. Every send of an id is noted: a QA correction
 * re-sends an evaluation's id later, and an alert it triggers starts from that send, not the first.
 */
public final class TimedSink implements EventSink {

  private final ProducerSink producer;
  private final Map<String, List<Long>> sent = new ConcurrentHashMap<>();

  public TimedSink(CoachStreamProducer producer) {
    this.producer = new ProducerSink(producer);
  }

  @Override
  public void accept(SimulatedEvent event) {
    String id = event.event() instanceof InteractionEvent i ? i.getInteractionId()
        : event.event() instanceof QaEvaluation e ? e.getEvaluationId() : null;
    if (id != null) {
      sent.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>()).add(System.nanoTime());
    }
    producer.accept(event);
  }

  /** When the source event {@code id} was last handed to the producer before {@code nanoTime}, or null. */
  public Long sentBefore(String id, long nanoTime) {
    Long latest = null;
    for (long time : sent.getOrDefault(id, List.of())) {
      if (time <= nanoTime && (latest == null || time > latest)) {
        latest = time;
      }
    }
    return latest;
  }

  @Override
  public void close() {
    producer.close();
  }
}
