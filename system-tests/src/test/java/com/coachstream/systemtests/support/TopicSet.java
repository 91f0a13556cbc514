package com.coachstream.systemtests.support;

import com.coachstream.common.kafka.TopicCreator;
import com.coachstream.schemas.topics.TopicNames;
import com.coachstream.schemas.topics.Topics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * One test's own topics: every name carries the test's unique prefix (no test shares a topic), created with
 * their partitions and cleanup policy by the same {@link TopicCreator} as {@code coachstream topics create}.
 */
public record TopicSet(TopicNames names, Topics topics) {

  /** Creates the catalogue's topics under {@code prefix} with {@code partitions} each. */
  public static TopicSet create(Properties client, String prefix, int partitions) {
    TopicNames names = TopicNames.DEFAULTS.withPrefix(prefix.endsWith(".") ? prefix : prefix + ".");
    return create(client, names, partitions);
  }

  public static TopicSet create(Properties client, TopicNames names, int partitions) {
    Topics topics = new Topics(names);
    TopicCreator.createAll(client, topics, partitions, 1);
    return new TopicSet(names, topics);
  }

  /**
   * The same input topics with outputs of their own under {@code prefix}: a second application (a reference
   * run) reads exactly this test's input and writes where it cannot mix with the first one's results.
   */
  public TopicSet withOwnOutputs(Properties client, String prefix, int partitions) {
    TopicNames own = TopicNames.DEFAULTS.withPrefix(prefix.endsWith(".") ? prefix : prefix + ".");
    return create(client, own.withInputsOf(names), partitions);
  }

  public List<String> inputs() {
    return List.of(names.interactions(), names.qaEvaluations(), names.agents());
  }

  /** The {@code topic.*} settings naming these topics, for any service. */
  public Map<String, String> settings() {
    return new HashMap<>(names.asMap());
  }
}
