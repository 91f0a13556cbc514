package com.coachstream.producer.simulate;

import com.coachstream.avro.CoachingAction;
import com.coachstream.producer.CoachStreamProducer;
import com.coachstream.producer.SendFailedException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends simulated events through the producer library (validated like any other sender's). The first failed
 * send stops the simulation with a {@link SendFailedException} that says how many of the events sent Kafka
 * did not acknowledge: an event counts as written only once Kafka acknowledged it, never when it was handed over.
 * Closing flushes but leaves the producer open for its owner.
 */
public final class ProducerSink implements EventSink {

  private final CoachStreamProducer producer;
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong acknowledged = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  /** Set once the failure was thrown: close() after a failed accept() must not throw the same exception again. */
  private final AtomicBoolean failureReported = new AtomicBoolean();

  public ProducerSink(CoachStreamProducer producer) {
    this.producer = producer;
  }

  @Override
  public void accept(SimulatedEvent event) {
    rethrowFailure();
    // an invalid event throws here: it was never sent
    var ack = event.event() instanceof CoachingAction action ? producer.sendAction(action) : producer.send(event.event());
    sent.incrementAndGet();
    ack.whenComplete((metadata, error) -> {
      if (error == null) {
        acknowledged.incrementAndGet();
      } else {
        failed.incrementAndGet();
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
    if (failure.get() != null && failureReported.compareAndSet(false, true)) {
      producer.flush(); // every event still in flight is settled, so the counts below are final
      throw SendFailedException.notWritten(failure.get(), String.format(
          "Kafka did not acknowledge %d of the %d simulated events sent (%d acknowledged), so they may not be stored; the simulation stopped (re-sending is safe: the pipeline drops repeated event ids)",
          failed.get(), sent.get(), acknowledged.get()));
    }
  }
}
