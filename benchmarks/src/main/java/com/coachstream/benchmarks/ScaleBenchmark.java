package com.coachstream.benchmarks;

import com.coachstream.benchmarks.harness.Cluster;
import com.coachstream.benchmarks.harness.Directories;
import com.coachstream.benchmarks.harness.EncodedEvents;
import com.coachstream.benchmarks.harness.HarnessOptions;
import com.coachstream.benchmarks.harness.OperationsOptions;
import com.coachstream.benchmarks.harness.ProcessorProcess;
import com.coachstream.benchmarks.harness.Report;
import com.coachstream.benchmarks.harness.Workload;
import com.coachstream.producer.simulate.SimulationConfig;
import com.coachstream.schemas.topics.TopicNames;
import com.coachstream.schemas.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Figure 8: the same input drained by one processor instance, then by two (each a JVM of its own, one
 * application id, the partitions shared between them): events/s of the whole and of each instance.
 */
public final class ScaleBenchmark {

  private ScaleBenchmark() { }

  public static void run(Cluster cluster, HarnessOptions options, OperationsOptions operations, Report report) throws Exception {
    String base = "scale-" + System.currentTimeMillis();
    TopicNames inputs = Workload.inputNames(base);
    cluster.createTopics(inputs, ThroughputBenchmark.PARTITIONS);
    SimulationConfig config = SimulationConfig.builder().seed(1).agents(options.agents).teams(Math.max(1, options.agents / 30))
        .days(35).end(Instant.now().truncatedTo(ChronoUnit.SECONDS)).maxEvents(operations.scaleEvents).build();
    EncodedEvents events = EncodedEvents.simulate(config, new Topics(inputs));
    Workload workload = new Workload(base, inputs, events.count(inputs.interactions()), events.count(inputs.qaEvaluations()),
        events.count(inputs.agents()));
    events.produce(cluster.clientProperties());
    Report.Section section = report.section("8 scale: one instance against two")
        .setting("input events", workload.allRecords())
        .setting("agents", options.agents)
        .setting("partitions", ThroughputBenchmark.PARTITIONS)
        .setting("processor", "StreamsMain in its own JVM each: " + operations.processorJvm)
        .setting("streams settings", options.streamsSettings.isEmpty() ? "product defaults" : options.streamsSettings.toString());
    try {
      double one = drain(cluster, workload, "one", 1, options, operations, section);
      double two = drain(cluster, workload, "two", 2, options, operations, section);
      section.figure("two instances / one", two / one, "ratio", "", "the broker and the harness share the machine's cores");
    } finally {
      cluster.deleteTopicsStartingWith(base);
    }
  }

  private static double drain(Cluster cluster, Workload workload, String run, int instances, HarnessOptions options,
      OperationsOptions operations, Report.Section section) {
    TopicNames names = workload.forRun(run);
    cluster.createTopics(names, ThroughputBenchmark.PARTITIONS);
    List<ProcessorProcess> processes = new ArrayList<>();
    List<Path> stateDirs = new ArrayList<>();
    try {
      for (int i = 0; i < instances; i++) {
        Path stateDir = Directories.temporary("coachstream-bench-scale-");
        stateDirs.add(stateDir);
        processes.add(ProcessorProcess.start(cluster, names, workload.applicationId(run), stateDir, operations.processorJvm,
            options.streamsSettings));
      }
      Report.progress("scale: " + instances + " instance(s) draining " + workload.allRecords() + " events");
      long began = processes.get(0).startedNanos();
      long firstCommit = 0;
      long committed = 0;
      long deadline = System.nanoTime() + Duration.ofHours(1).toNanos();
      while (committed < workload.allRecords() && System.nanoTime() < deadline) {
        processes.forEach(ProcessorProcess::requireAlive);
        RestartBenchmark.pause(Duration.ofMillis(250));
        committed = cluster.committed(workload.applicationId(run), workload.allTopics());
        if (firstCommit == 0 && committed > 0) {
          firstCommit = System.nanoTime();
        }
      }
      double seconds = (System.nanoTime() - began) / 1e9;
      double processing = (System.nanoTime() - firstCommit) / 1e9;
      double rate = committed / processing;
      section.figure(instances + " instance(s): events/s in all", rate, "events/s", "", String.format(Locale.ROOT,
          "%,d events in %.1f s from the first commit; %.1f s with start-up", committed, processing, seconds));
      section.figure(instances + " instance(s): events/s per instance", rate / instances, "events/s");
      return rate;
    } finally {
      processes.forEach(ProcessorProcess::close);
      stateDirs.forEach(Directories::delete);
      cluster.deleteTopicsStartingWith(workload.applicationId(run) + "-", workload.outputPrefix(run));
    }
  }
}
