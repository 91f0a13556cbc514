package com.coachstream.producer.simulate;

import com.coachstream.producer.CoachStreamProducer;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Plays a simulated contact center into a sink, paced by {@link SimulationConfig#pacing()}.
 *
 * <p>For the demo: {@code Simulation.run(config, producer, listener)} with
 * {@code Pacing.compressedTo(Duration.ofSeconds(40))} and {@code days(35)} ending now streams five weeks of
 * history in about 40 seconds, so slips and recoveries appear within the first minute. The call blocks
 * until the history is played (or a limit is reached) and every event is acknowledged; interrupt the
 * thread to stop it early.
 */
public final class Simulation {

  private Simulation() { }

  /** Plays the history to Kafka through the producer (which the caller keeps and closes). */
  public static SimulationResult run(SimulationConfig config, CoachStreamProducer producer, ProgressListener listener)
      throws Exception {
    return run(config, new ProducerSink(producer), listener);
  }

  /** Plays the history into a sink, then closes the sink (which waits until everything is stored). */
  public static SimulationResult run(SimulationConfig config, EventSink sink, ProgressListener listener) throws Exception {
    ContactCenter center = ContactCenter.generate(config);
    EventGenerator generator = new EventGenerator(config, center);
    Instant start = config.start();
    Instant end = config.end();
    long began = System.nanoTime();
    long deadline = config.maxWallTime() == null ? Long.MAX_VALUE : began + config.maxWallTime().toNanos();
    long emitted = 0;
    Instant lastReported = start;
    boolean complete = false;
    try (sink) {
      while (true) {
        if (emitted >= config.maxEvents() || System.nanoTime() >= deadline || Thread.currentThread().isInterrupted()) {
          break;
        }
        SimulatedEvent event = generator.next();
        if (event == null) {
          complete = true;
          break;
        }
        long wait = config.pacing().waitNanos(emitted, event.time(), start, end, System.nanoTime() - began);
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(Math.min(wait, Math.max(0, deadline - System.nanoTime())));
        }
        sink.accept(event);
        emitted++;
        if (Duration.between(lastReported, event.time()).toHours() >= 24) {
          lastReported = event.time();
          listener.progress(emitted, event.time(), fraction(start, end, event.time()));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    listener.progress(emitted, complete ? end : lastReported, complete ? 1.0 : fraction(start, end, lastReported));
    return new SimulationResult(emitted, complete, Duration.ofNanos(System.nanoTime() - began), GroundTruth.of(center));
  }

  private static double fraction(Instant start, Instant end, Instant time) {
    double span = Math.max(1, Duration.between(start, end).toMillis());
    return Math.min(1, Math.max(0, Duration.between(start, time).toMillis() / span));
  }
}
