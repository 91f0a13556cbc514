package com.coachstream.benchmarks.harness;

import com.coachstream.common.kafka.TopicCreator;
import com.coachstream.kafka.local.LocalKafkaBroker;
import com.coachstream.schemas.topics.TopicNames;
import com.coachstream.schemas.topics.Topics;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;

/**
 * The Kafka cluster the benchmarks run on: the in-process single-node broker by default, or an external one
 * ({@code --bootstrap-servers}). Creates topics and answers the offset questions the measurements ask.
 */
public final class Cluster implements AutoCloseable {

  private final LocalKafkaBroker broker;
  private final String bootstrapServers;
  private final Admin admin;

  private Cluster(LocalKafkaBroker broker, String bootstrapServers) {
    this.broker = broker;
    this.bootstrapServers = bootstrapServers;
    this.admin = Admin.create(clientProperties());
  }

  /** Connects to {@code bootstrapServers}, or starts the local broker when it is null or blank. */
  public static Cluster connect(String bootstrapServers) {
    if (bootstrapServers != null && !bootstrapServers.isBlank()) {
      return new Cluster(null, bootstrapServers);
    }
    LocalKafkaBroker local = LocalKafkaBroker.start();
    return new Cluster(local, local.bootstrapServers());
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  public String kind() {
    return broker == null ? "external" : "local in-process single-node KRaft broker";
  }

  public Properties clientProperties() {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    return props;
  }

  /**
   * Creates the catalogue's topics (the product's partitions, replication 1 on one node) and waits until
   * every partition has a leader, so no measured run starts against a topic that is still being set up.
   */
  public void createTopics(TopicNames names, int partitions) {
    Topics topics = new Topics(names);
    TopicCreator.createAll(clientProperties(), topics, partitions, 1);
    awaitLeaders(topics.all().stream().map(t -> t.name()).toList());
  }

  public void awaitLeaders(Collection<String> topics) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      try {
        Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS);
        boolean ready = described.values().stream().flatMap(d -> d.partitions().stream())
            .map(TopicPartitionInfo::leader).allMatch(leader -> leader != null && !leader.isEmpty());
        if (ready) {
          return;
        }
      } catch (ExecutionException e) {
        // not known yet: metadata propagates within moments
      } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
        throw failure("waiting for partition leaders of " + topics, e);
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Partitions of " + topics + " still have no leader after 60 s");
      }
      pause(Duration.ofMillis(100));
    }
  }

  /** Sum of the end offsets of every partition of the topics: the records written so far. */
  public long endOffsets(Collection<String> topics) {
    return offsets(partitions(topics)).values().stream().mapToLong(Long::longValue).sum();
  }

  public Map<TopicPartition, Long> offsets(Collection<TopicPartition> partitions) {
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    partitions.forEach(p -> request.put(p, OffsetSpec.latest()));
    try {
      Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> result = admin.listOffsets(request).all()
          .get(30, TimeUnit.SECONDS);
      return result.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    } catch (InterruptedException | ExecutionException | java.util.concurrent.TimeoutException e) {
      throw failure("listing offsets", e);
    }
  }

  /** Sum of a consumer group's committed offsets on the topics' partitions (0 where none is committed yet). */
  public long committed(String groupId, Collection<String> topics) {
    Set<String> wanted = Set.copyOf(topics);
    try {
      Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
          .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
      return committed.entrySet().stream().filter(e -> wanted.contains(e.getKey().topic()) && e.getValue() != null)
          .mapToLong(e -> e.getValue().offset()).sum();
    } catch (InterruptedException | ExecutionException | java.util.concurrent.TimeoutException e) {
      throw failure("reading the committed offsets of " + groupId, e);
    }
  }

  public List<TopicPartition> partitions(Collection<String> topics) {
    try {
      return admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).values().stream()
          .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition()))).toList();
    } catch (InterruptedException | ExecutionException | java.util.concurrent.TimeoutException e) {
      throw failure("describing " + topics, e);
    }
  }

  /** Bytes stored for each topic whose name starts with one of the prefixes (all partitions, all log dirs). */
  public long bytesOfTopicsStartingWith(String... prefixes) {
    try {
      Set<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
          .filter(n -> java.util.Arrays.stream(prefixes).anyMatch(n::startsWith)).collect(Collectors.toSet());
      if (names.isEmpty()) {
        return 0;
      }
      Set<Integer> brokers = admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).stream()
          .map(n -> n.id()).collect(Collectors.toSet());
      return admin.describeLogDirs(brokers).allDescriptions().get(30, TimeUnit.SECONDS).values().stream()
          .flatMap(dirs -> dirs.values().stream())
          .flatMap(dir -> dir.replicaInfos().entrySet().stream())
          .filter(e -> names.contains(e.getKey().topic()))
          .mapToLong(e -> e.getValue().size()).sum();
    } catch (InterruptedException | ExecutionException | java.util.concurrent.TimeoutException e) {
      throw failure("measuring topic sizes", e);
    }
  }

  /** The names of the topics that start with {@code prefix}. */
  public List<String> topicsStartingWith(String prefix) {
    try {
      return admin.listTopics().names().get(30, TimeUnit.SECONDS).stream().filter(n -> n.startsWith(prefix)).sorted().toList();
    } catch (InterruptedException | ExecutionException | java.util.concurrent.TimeoutException e) {
      throw failure("listing topics", e);
    }
  }

  /** Deletes the topics whose names start with a prefix: a finished run's outputs and changelogs. */
  public void deleteTopicsStartingWith(String... prefixes) {
    try {
      Set<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
          .filter(n -> java.util.Arrays.stream(prefixes).anyMatch(n::startsWith)).collect(Collectors.toSet());
      if (!names.isEmpty()) {
        admin.deleteTopics(names).all().get(60, TimeUnit.SECONDS);
      }
    } catch (InterruptedException | ExecutionException | java.util.concurrent.TimeoutException e) {
      throw failure("deleting topics " + java.util.Arrays.toString(prefixes), e);
    }
  }

  static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis()); // the harness polls the broker; it is not a test waiting on state
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static IllegalStateException failure(String what, Exception e) {
    if (e instanceof InterruptedException) {
      Thread.currentThread().interrupt();
    }
    return new IllegalStateException("Kafka failed while " + what + ": " + e.getMessage(), e);
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(10));
    if (broker != null) {
      broker.close();
    }
  }
}
