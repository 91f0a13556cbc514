package com.coachstream.benchmarks.harness;

import com.coachstream.producer.simulate.EventSink;
import com.coachstream.producer.simulate.Pacing;
import com.coachstream.producer.simulate.ProgressListener;
import com.coachstream.producer.simulate.SimulatedEvent;
import com.coachstream.producer.simulate.Simulation;
import com.coachstream.producer.simulate.SimulationConfig;
import com.coachstream.schemas.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Simulated events at a steady rate into the input topics, on a thread of its own, until {@link #close()}:
 * the live traffic a restarted processor has to pick up again.
 */
public final class SteadyInput implements AutoCloseable {

  private final Thread thread;
  private final AtomicLong sent = new AtomicLong();
  private final AtomicReference<Exception> failure = new AtomicReference<>();
  private volatile boolean stopped;

  private SteadyInput(Cluster cluster, Topics topics, int eventsPerSecond, Duration longest) {
    int days = 35;
    int agents = (int) Math.max(10, Math.round(eventsPerSecond * longest.toSeconds() / (HarnessOptions.EVENTS_PER_AGENT_DAY * days)));
    SimulationConfig config = SimulationConfig.builder().seed(7).agents(agents).teams(Math.max(1, agents / 30)).days(days)
        .end(Instant.now().truncatedTo(ChronoUnit.SECONDS)).pacing(Pacing.eventsPerSecond(eventsPerSecond))
        .maxWallTime(longest).build();
    thread = new Thread(() -> {
      try (KafkaSink kafka = new KafkaSink(cluster.clientProperties(), topics)) {
        Simulation.run(config, new EventSink() {
          @Override
          public void accept(SimulatedEvent event) throws Exception {
            if (stopped) {
              throw new Stopped();
            }
            kafka.accept(event);
            sent.incrementAndGet();
          }

          @Override
          public void close() { }
        }, ProgressListener.NONE);
      } catch (Stopped e) {
        // the measurement is over
      } catch (Exception e) {
        failure.compareAndSet(null, e);
      }
    }, "steady-input");
    thread.setDaemon(true);
  }

  /** Starts producing {@code eventsPerSecond} for at most {@code longest}. */
  public static SteadyInput start(Cluster cluster, Topics topics, int eventsPerSecond, Duration longest) {
    SteadyInput input = new SteadyInput(cluster, topics, eventsPerSecond, longest);
    input.thread.start();
    return input;
  }

  public long sent() {
    return sent.get();
  }

  @Override
  public void close() throws Exception {
    stopped = true;
    thread.join(Duration.ofSeconds(60).toMillis());
    Exception failed = failure.get();
    if (failed != null) {
      throw failed;
    }
  }

  private static final class Stopped extends Exception {
    Stopped() {
      super("stopped", null, false, false);
    }
  }
}
