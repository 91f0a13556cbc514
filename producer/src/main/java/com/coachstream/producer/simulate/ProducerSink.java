package com.coachstream.producer.simulate;

import com.coachstream.producer.CoachStreamProducer;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends simulated events through the producer library (validated like any other sender's). The first
 * failed send stops the simulation; closing flushes but leaves the producer open for its owner.
 */
public final class ProducerSink implements EventSink {

  private final CoachStreamProducer producer;
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  /** Set once the failure was thrown: close() after a failed accept() must not throw the same exception again. */
  private final AtomicBoolean failureReported = new AtomicBoolean();

  public ProducerSink(CoachStreamProducer producer) {
    this.producer = producer;
  }

  @Override
  public void accept(SimulatedEvent event) {
    rethrowFailure();
    producer.send(event.event()).whenComplete((metadata, error) -> {
      if (error != null) {
        failure.compareAndSet(null, error);
      }
    });
  }

  @Override
  public void close() {
    producer.flush();
    rethrowFailure();
  }

  private void rethrowFailure() {
    Throwable error = failure.get();
    if (error != null && failureReported.compareAndSet(false, true)) {
      throw error instanceof RuntimeException runtime ? runtime : new IllegalStateException(error);
    }
  }
}
