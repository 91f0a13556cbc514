package com.coachstream.benchmarks.harness;

import com.coachstream.avro.InteractionEvent;
import com.coachstream.avro.QaEvaluation;
import com.coachstream.producer.CoachStreamProducer;
import com.coachstream.producer.simulate.EventSink;
import com.coachstream.producer.simulate.ProducerSink;
import com.coachstream.producer.simulate.SimulatedEvent;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sends simulated events through the producer library and notes when each source event was handed to it
 * ({@code System.nanoTime()}, first send of an id only): the start of an alert's latency.
 */
public final class TimedSink implements EventSink {

  private final ProducerSink producer;
  private final Map<String, Long> sent = new ConcurrentHashMap<>();

  public TimedSink(CoachStreamProducer producer) {
    this.producer = new ProducerSink(producer);
  }

  @Override
  public void accept(SimulatedEvent event) {
    String id = event.event() instanceof InteractionEvent i ? i.getInteractionId()
        : event.event() instanceof QaEvaluation e ? e.getEvaluationId() : null;
    if (id != null) {
      sent.putIfAbsent(id, System.nanoTime());
    }
    producer.accept(event);
  }

  /** Source event id to send time (nanoTime). */
  public Map<String, Long> sent() {
    return sent;
  }

  @Override
  public void close() {
    producer.close();
  }
}
