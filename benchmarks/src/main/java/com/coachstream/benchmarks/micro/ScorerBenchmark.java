package com.coachstream.benchmarks.micro;

import com.coachstream.avro.AgentSkillWindow;
import com.coachstream.streams.scoring.AgentState;
import com.coachstream.streams.scoring.AgentStateCodec;
import com.coachstream.streams.scoring.ScoringResult;
import com.coachstream.streams.scoring.WindowRecords;
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
 * The streams processor's work for one in-order event of an agent with 40 days of history, without Kafka:
 * read the agent's state (decode), score the event (its slice and id read and written through their codecs),
 * write the state (encode), build the current window's record. The cost should not depend on the window
 * setting.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ScorerBenchmark {

  @Param({"7d/1d", "30d/1d", "30d/1h"})
  public String windows;

  private AgentFixture agent;
  private WindowRecords records;
  private byte[] stored;

  @Setup
  public void setUp() {
    agent = new AgentFixture(windows);
    records = new WindowRecords(agent.spec);
    stored = AgentStateCodec.encode(agent.state);
  }

  @Benchmark
  public AgentSkillWindow perEvent() {
    AgentState state = AgentStateCodec.decode(stored);
    ScoringResult result = agent.scorer.score(state, agent.history, agent.events.next(), AgentFixture.TEAM);
    state.clearDirty(); // the publication punctuation's work is measured apart (PublicationBenchmark)
    stored = AgentStateCodec.encode(state);
    return records.record(AgentFixture.AGENT, AgentFixture.TEAM, result.windowStart(), result.window());
  }

  /** Size of the agent's per-event state after the history, for the report. */
  public static int stateBytes(String windows) {
    return AgentStateCodec.encode(new AgentFixture(windows).state).length;
  }
}
