package com.coachstream.benchmarks.micro;

import com.coachstream.avro.AgentSkillWindow;
import com.coachstream.streams.scoring.WindowRecords;
import com.coachstream.streams.scoring.WindowSweep;
import com.coachstream.streams.window.WindowSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The publication punctuation's work for one agent whose newest slice changed: every window holding that
 * slice ({@code size / advance} of them) derived in one sweep and turned into records. This work is per
 * agent and publication interval, and it does grow with {@code size / advance}: it is the output itself.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PublicationBenchmark {

  @Param({"7d/1d", "30d/1d", "30d/1h"})
  public String windows;

  private AgentFixture agent;
  private WindowSweep sweep;
  private WindowRecords records;
  private long first;
  private long last;

  @Setup
  public void setUp() {
    agent = new AgentFixture(windows);
    sweep = new WindowSweep(agent.spec);
    records = new WindowRecords(agent.spec);
    WindowSpec spec = agent.spec;
    long newest = agent.state.newestEventTime();
    first = spec.firstWindowStartContaining(newest);
    last = spec.lastWindowStartContaining(newest);
  }

  @Benchmark
  public List<AgentSkillWindow> windowsHoldingTheNewestSlice() {
    List<AgentSkillWindow> published = new ArrayList<>();
    sweep.sweep(agent.history.slices(first, last + agent.spec.sizeMs()), first, last,
        (start, view) -> published.add(records.record(AgentFixture.AGENT, AgentFixture.TEAM, start, view)));
    return published;
  }
}
