package com.coachstream.launcher.demo;

import com.coachstream.avro.AlertType;
import com.coachstream.producer.simulate.GroundTruth;
import com.coachstream.producer.simulate.SimulationResult;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/** The periodic line: how far the story got and what the pipeline made of it. */
public final class SummaryPrinter {
  private final PrintStream out;
  private final Instant began;
  private final TopicMonitor monitor;
  private final GroundTruth truth;
  private final AtomicReference<SimulationResult> result;
  private final AtomicReference<Instant> simulatedUpTo;
  private boolean finalScorePrinted;

  public SummaryPrinter(PrintStream out, Instant began, TopicMonitor monitor, GroundTruth truth,
      AtomicReference<SimulationResult> result, AtomicReference<Instant> simulatedUpTo) {
    this.out = out;
    this.began = began;
    this.monitor = monitor;
    this.truth = truth;
    this.result = result;
    this.simulatedUpTo = simulatedUpTo;
  }

  public synchronized void print() {
    long seconds = Duration.between(began, Instant.now()).toSeconds();
    LocalDate day = LocalDate.ofInstant(simulatedUpTo.get(), ZoneOffset.UTC);
    String firstAlert = monitor.firstAlertSeen()
        .map(at -> String.format(Locale.ROOT, " · first alert %d s after start", Duration.between(began, at).toSeconds()))
        .orElse(" · no alert yet");
    out.printf(Locale.ROOT, "--- %3d s · simulated up to %s · %,d window updates · %d slips · %d recoveries · %d dead letters%s%n",
        seconds, day, monitor.windowUpdates(), monitor.count(AlertType.SLIP), monitor.count(AlertType.RECOVERY),
        monitor.deadLetters(), firstAlert);
    SimulationResult done = result.get();
    if (done != null && !finalScorePrinted) {
      finalScorePrinted = true;
      out.printf(Locale.ROOT, "--- simulation finished: %,d events in %.0f s. Against the ground truth so far: %s%n",
          done.events(), done.wallTime().toMillis() / 1000.0,
          DetectionScore.of(truth.agents(), monitor.alerts()).summary());
      out.println("--- the pipeline keeps running: try the HTTP API; Ctrl-C stops everything.");
    }
  }
}
