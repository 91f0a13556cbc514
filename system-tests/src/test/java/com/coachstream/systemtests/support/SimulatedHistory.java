package com.coachstream.systemtests.support;

import com.coachstream.avro.QaEvaluation;
import com.coachstream.producer.simulate.EventSink;
import com.coachstream.producer.simulate.Simulation;
import com.coachstream.producer.simulate.SimulatedEvent;
import com.coachstream.producer.simulate.SimulationConfig;
import com.coachstream.schemas.json.EventJson;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A simulated contact center's history held in memory, in the simulator's order (event time, as it would
 * arrive live), and the other orders the same history can arrive in: a QA tool that was down and catches
 * up, or one export file per source system.
 */
public final class SimulatedHistory {

  private SimulatedHistory() { }

  /** Every event of the simulation, in the order the simulator plays it. */
  public static List<SimulatedEvent> of(SimulationConfig config) throws Exception {
    List<SimulatedEvent> events = new ArrayList<>();
    Simulation.run(config, new EventSink() {
      @Override
      public void accept(SimulatedEvent event) {
        events.add(event);
      }

      @Override
      public void close() { }
    }, (n, t, f) -> { });
    return events;
  }

  /**
   * The arrival order when the QA tool's connector is down from {@code from} to {@code until} (event time) and
   * then catches up: the evaluations of the outage arrive, in their own order, when it ends (before the first
   * event at or after {@code until}), after every interaction and roster change of the outage.
   */
  public static List<SimulatedEvent> withQaOutage(List<SimulatedEvent> events, Instant from, Instant until) {
    List<SimulatedEvent> arrival = new ArrayList<>();
    List<SimulatedEvent> held = new ArrayList<>();
    for (SimulatedEvent event : events) {
      boolean qa = event.event() instanceof QaEvaluation;
      boolean down = !event.time().isBefore(from) && event.time().isBefore(until);
      if (qa && down) {
        held.add(event);
        continue;
      }
      if (!event.time().isBefore(until)) {
        arrival.addAll(held);
        held.clear();
      }
      arrival.add(event);
    }
    arrival.addAll(held);
    return arrival;
  }

  /** Evaluations delivered in the outage's catch-up: how many of {@code events} fall in it. */
  public static long qaEvaluationsBetween(List<SimulatedEvent> events, Instant from, Instant until) {
    return events.stream().filter(e -> e.event() instanceof QaEvaluation)
        .filter(e -> !e.time().isBefore(from) && e.time().isBefore(until)).count();
  }

  /**
   * Writes the history as two exports, each in its own system's order: the CCaaS platform's (roster and
   * interactions) and the QA tool's (evaluations), as JSON lines.
   */
  public static void writeSplitExports(List<SimulatedEvent> events, Path ccaas, Path qa) throws IOException {
    try (BufferedWriter ccaasOut = Files.newBufferedWriter(ccaas, StandardCharsets.UTF_8);
        BufferedWriter qaOut = Files.newBufferedWriter(qa, StandardCharsets.UTF_8)) {
      for (SimulatedEvent event : events) {
        BufferedWriter out = event.event() instanceof QaEvaluation ? qaOut : ccaasOut;
        out.write(EventJson.toJson(event.event()).toString());
        out.newLine();
      }
    }
  }

  /** Writes {@code events} in this order with one strictly increasing record timestamp each, then closes the sink. */
  public static void play(List<SimulatedEvent> events, OrderedInput input) {
    try (input) {
      events.forEach(input::accept);
    }
  }
}
