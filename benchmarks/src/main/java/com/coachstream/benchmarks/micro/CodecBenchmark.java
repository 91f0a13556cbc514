package com.coachstream.benchmarks.micro;

import com.coachstream.streams.scoring.AgentState;
import com.coachstream.streams.scoring.AgentStateCodec;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Decoding and encoding the per-agent state the processor reads and writes on every event. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CodecBenchmark {

  @Param({"7d/1d", "30d/1h"})
  public String windows;

  private byte[] bytes;
  private AgentState state;

  @Setup
  public void setUp() {
    state = new AgentFixture(windows).state;
    bytes = AgentStateCodec.encode(state);
  }

  @Benchmark
  public AgentState decode() {
    return AgentStateCodec.decode(bytes);
  }

  @Benchmark
  public byte[] encode() {
    return AgentStateCodec.encode(state);
  }
}
