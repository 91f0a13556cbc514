package com.coachstream.launcher;

import com.coachstream.launcher.demo.SummaryPrinter;
import com.coachstream.launcher.demo.TopicMonitor;
import com.coachstream.producer.CoachStreamProducer;
import com.coachstream.producer.simulate.GroundTruth;
import com.coachstream.producer.simulate.Simulation;
import com.coachstream.producer.simulate.SimulationConfig;
import com.coachstream.producer.simulate.SimulationResult;
import java.io.PrintStream;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The demo's story, played: the simulated history sent on a thread of its own while a status line prints every
 * ten seconds, both stopped with the demo's other resources.
 */
final class DemoPlayback {

  private DemoPlayback() { }

  /** Starts the simulation and the status lines; returns the printer, for the last line when the demo stops. */
  static SummaryPrinter start(SimulationConfig config, GroundTruth truth, CoachStreamProducer producer,
      TopicMonitor monitor, Instant began, PrintStream out, DemoResources resources) {
    AtomicReference<SimulationResult> result = new AtomicReference<>();
    AtomicReference<Instant> simulatedUpTo = new AtomicReference<>(config.start());
    Thread simulation = new Thread(() -> {
      try {
        result.set(Simulation.run(config, producer, (emitted, eventTime, fraction) -> simulatedUpTo.set(eventTime)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (Exception e) {
        out.println("Simulation stopped: " + e.getMessage());
      }
    }, "demo-simulation");
    simulation.setDaemon(true);
    simulation.start();
    resources.add(simulation::interrupt);

    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "demo-summary");
      t.setDaemon(true);
      return t;
    });
    resources.add(ticker::shutdownNow);
    SummaryPrinter summary = new SummaryPrinter(out, began, monitor, truth, result, simulatedUpTo);
    ticker.scheduleAtFixedRate(summary::print, 10, 10, TimeUnit.SECONDS);
    return summary;
  }
}
