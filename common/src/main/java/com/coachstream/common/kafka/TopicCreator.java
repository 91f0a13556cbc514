package com.coachstream.common.kafka;

import com.coachstream.schemas.deadletter.DeadLetter;
import com.coachstream.schemas.topics.Topic;
import com.coachstream.schemas.topics.Topics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates CoachStream's topics with their partitions, replication and cleanup policy ({@code topics create},
 * the demo and the tests). Topics that already exist are left as they are. It returns only once every
 * partition of every topic accepts writes ({@link TopicReadiness}), so a writer may start right after it.
 */
public final class TopicCreator {

  private static final Logger log = LoggerFactory.getLogger(TopicCreator.class);
  public static final int DEFAULT_PARTITIONS = 12;

  private TopicCreator() { }

  /**
   * Creates every topic of the catalogue that does not exist yet, then waits until all of them are writable.
   *
   * @param replication replication factor, or a value below 1 for "up to 3, as many as there are brokers"
   * @return the names created (empty when all existed)
   * @throws IllegalStateException when the cluster cannot be reached, refuses a topic, or a partition does not
   *     become writable within {@link TopicReadiness#DEFAULT_WAIT}
   */
  public static List<String> createAll(Properties clientProps, Topics topics, int partitions, int replication) {
    Properties props = new Properties();
    props.putAll(clientProps);
    props.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
    try (Admin admin = Admin.create(props)) {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      short factor = (short) (replication >= 1 ? replication
          : Math.min(3, admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).size()));
      List<NewTopic> missing = new ArrayList<>();
      for (Topic<?, ?> topic : topics.all()) {
        if (!existing.contains(topic.name())) {
          missing.add(new NewTopic(topic.name(), partitions, factor)
              .configs(configs(topic, factor, topic.name().equals(topics.deadLetter().name()))));
        }
      }
      if (!missing.isEmpty()) {
        admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
      }
      TopicReadiness.awaitWritable(admin, topics.all().stream().map(Topic::name).toList(), TopicReadiness.DEFAULT_WAIT);
      List<String> created = missing.stream().map(NewTopic::name).toList();
      log.info("Topics: {} created, {} already existed", created.size(), topics.all().size() - created.size());
      return created;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while creating topics", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Cannot create topics at " + clientProps.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG)
          + ": " + (e.getCause() == null ? e : e.getCause()).getMessage(), e);
    }
  }

  private static Map<String, String> configs(Topic<?, ?> topic, short replication, boolean deadLetter) {
    Map<String, String> configs = new HashMap<>();
    // With replicas, an acknowledged write must reach two of them; a single node can only ask for one.
    configs.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(Math.min(2, (int) replication)));
    if (topic.compacted()) {
      configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
    }
    if (deadLetter) {
      // a dead letter keeps the original bytes plus headers: it must fit where the original did
      configs.put(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(DeadLetter.MAX_RECORD_BYTES));
    }
    return configs;
  }
}
