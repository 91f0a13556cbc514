package com.coachstream.benchmarks.micro;

import com.coachstream.benchmarks.harness.HarnessOptions;
import com.coachstream.benchmarks.harness.Report;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Runs the JMH micro-benchmarks of this package and adds their scores to the report. */
public final class MicroBenchmarks {

  private MicroBenchmarks() { }

  public static void run(HarnessOptions options, Report report) throws Exception {
    ChainedOptionsBuilder jmh = new OptionsBuilder()
        .include(MicroBenchmarks.class.getPackageName() + ".*Benchmark")
        .timeUnit(TimeUnit.MICROSECONDS);
    if (options.quick) {
      jmh.forks(0).warmupIterations(0).measurementIterations(1).measurementTime(TimeValue.milliseconds(200));
    } else {
      jmh.forks(1).warmupIterations(3).warmupTime(TimeValue.seconds(2)).measurementIterations(5)
          .measurementTime(TimeValue.seconds(2));
    }
    Report.Section section = report.section("micro-benchmarks (JMH)")
        .setting("mode", "average time per operation, single thread")
        .setting("iterations", options.quick ? "quick check: no fork, 1 x 200 ms" : "1 fork, 3 x 2 s warm-up, 5 x 2 s measured")
        .setting("history", "one agent, 40 days, ~30 interactions per working day, every 25th QA-evaluated");
    Collection<RunResult> results = new Runner(jmh.build()).run();
    for (RunResult result : results) {
      String name = result.getParams().getBenchmark().replace(MicroBenchmarks.class.getPackageName() + ".", "")
          .replace("PublicationBenchmark.windowsHoldingTheNewestSlice", "PublicationBenchmark.newestSliceWindows");
      String params = String.join(",", result.getParams().getParamsKeys().stream()
          .map(k -> result.getParams().getParam(k)).toList());
      section.figure(name + " [" + params + "]", result.getPrimaryResult().getScore(),
          result.getPrimaryResult().getScoreUnit(), "", String.format(java.util.Locale.ROOT, "+- %.3f",
              result.getPrimaryResult().getScoreError()));
    }
    for (String windows : new String[] {"7d/1d", "30d/1d", "30d/1h"}) {
      section.figure("per-event agent state after the history [" + windows + "]", ScorerBenchmark.stateBytes(windows),
          "bytes", "", "read and written on every event");
    }
  }
}
