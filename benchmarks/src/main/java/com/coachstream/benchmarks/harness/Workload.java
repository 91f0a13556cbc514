package com.coachstream.benchmarks.harness;

import com.coachstream.schemas.topics.TopicNames;
import java.util.List;

/**
 * Input already in Kafka that several measured runs drain, each with its own application id and output
 * topics: {@code <base>.in.*} for the inputs, {@code <base>.<run>.*} for a run's outputs.
 */
public record Workload(String base, TopicNames inputs, long interactions, long evaluations, long roster) {

  public static TopicNames inputNames(String base) {
    return TopicNames.DEFAULTS.withPrefix(base + ".in.");
  }

  /** Input and roster records: what the streams processor consumes. */
  public long allRecords() {
    return interactions + evaluations + roster;
  }

  /** Interactions and evaluations: what the window aggregation consumes. */
  public long scorableRecords() {
    return interactions + evaluations;
  }

  public List<String> allTopics() {
    return List.of(inputs.interactions(), inputs.qaEvaluations(), inputs.agents());
  }

  public List<String> scorableTopics() {
    return List.of(inputs.interactions(), inputs.qaEvaluations());
  }

  /** The run's topic names: shared inputs, outputs of its own. */
  public TopicNames forRun(String run) {
    TopicNames own = TopicNames.DEFAULTS.withPrefix(outputPrefix(run));
    return own.withInputsOf(inputs);
  }

  public String outputPrefix(String run) {
    return base + "." + run + ".";
  }

  public String applicationId(String run) {
    return base + "-" + run;
  }
}
