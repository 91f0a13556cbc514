package com.coachstream.common.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Waits until every partition of some topics accepts writes: a leader is known and that leader answers a
 * {@code ListOffsets} for the partition, which it does only once it holds the partition itself.
 *
 * <p>Why: a topic exists in the cluster's metadata a moment before its partitions exist on their leaders.
 * Brokers before Apache Kafka 4.5 (KAFKA-15591) can then refuse an idempotent producer's first batch with
 * {@code NOT_LEADER_OR_FOLLOWER}, accept a later batch of the same producer, and refuse every retry of the
 * first with {@code OUT_OF_ORDER_SEQUENCE_NUMBER} until it expires: a write right after topic creation can
 * stall and lose records despite {@code acks=all}. So a topic counts as ready only when it is writable.
 */
public final class TopicReadiness {

  /** Long enough for a busy cluster to create a few hundred partitions; short enough to fail clearly. */
  public static final Duration DEFAULT_WAIT = Duration.ofSeconds(60);
  private static final long MAX_BACKOFF_MS = 1_000;

  private TopicReadiness() { }

  /** Opens an admin client from client properties and waits (see {@link #awaitWritable(Admin, Collection, Duration)}). */
  public static void awaitWritable(Properties clientProps, Collection<String> topics, Duration wait) {
    Properties props = new Properties();
    props.putAll(clientProps);
    // the admin client refuses an API timeout shorter than its request timeout: bound both by the wait
    long waitMs = Math.max(1_000, wait.toMillis());
    props.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(Math.min(30_000, waitMs)));
    props.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(
        Math.max(waitMs, Long.parseLong(String.valueOf(props.get(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG))))));
    try (Admin admin = Admin.create(props)) {
      awaitWritable(admin, topics, wait);
    }
  }

  /**
   * Returns once every partition of every topic has a leader that answers for it.
   *
   * @throws IllegalStateException after {@code wait}, naming the partitions that are still not writable and why
   */
  public static void awaitWritable(Admin admin, Collection<String> topics, Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    long backoffMs = 50;
    Pending pending = new Pending(new TreeSet<>(topics));
    while (true) {
      try {
        pending.probe(admin, remainingMs(deadline));
        if (pending.isDone()) {
          return;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for topics to accept writes", e);
      }
      if (System.nanoTime() >= deadline) {
        throw new IllegalStateException("Topics not writable after " + wait.toSeconds() + " s: " + pending.describe()
            + ". Is every broker up, and can this client reach each partition's leader?");
      }
      sleepQuietly(Math.min(backoffMs, remainingMs(deadline)));
      backoffMs = Math.min(MAX_BACKOFF_MS, backoffMs * 2);
    }
  }

  private static long remainingMs(long deadline) {
    return Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
  }

  private static void sleepQuietly(long ms) {
    try {
      Thread.sleep(ms); // between probes of a remote cluster there is no state to wait on
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for topics to accept writes", e);
    }
  }

  /** What is still to be confirmed, and the last reason each piece was not ready. */
  private static final class Pending {
    private final Set<String> undescribed;
    private final Set<TopicPartition> unconfirmed = new TreeSet<>(
        (a, b) -> a.topic().equals(b.topic()) ? Integer.compare(a.partition(), b.partition()) : a.topic().compareTo(b.topic()));
    private final Map<Object, String> reasons = new HashMap<>();

    Pending(Set<String> topics) {
      this.undescribed = topics;
    }

    boolean isDone() {
      return undescribed.isEmpty() && unconfirmed.isEmpty();
    }

    void probe(Admin admin, long timeoutMs) throws InterruptedException {
      describe(admin, timeoutMs);
      if (!unconfirmed.isEmpty()) {
        listOffsets(admin, timeoutMs);
      }
    }

    private void describe(Admin admin, long timeoutMs) throws InterruptedException {
      if (undescribed.isEmpty()) {
        return;
      }
      Map<String, KafkaFuture<TopicDescription>> futures = admin.describeTopics(undescribed).topicNameValues();
      for (var entry : futures.entrySet()) {
        String topic = entry.getKey();
        TopicDescription description = await(entry.getValue(), timeoutMs, topic);
        if (description == null) {
          continue;
        }
        List<TopicPartition> partitions = new ArrayList<>();
        boolean leaderless = false;
        for (var partition : description.partitions()) {
          leaderless |= partition.leader() == null || partition.leader().isEmpty();
          partitions.add(new TopicPartition(topic, partition.partition()));
        }
        if (leaderless) {
          reasons.put(topic, "a partition has no leader yet");
        } else {
          undescribed.remove(topic);
          reasons.remove(topic);
          unconfirmed.addAll(partitions);
        }
      }
    }

    private void listOffsets(Admin admin, long timeoutMs) throws InterruptedException {
      Map<TopicPartition, OffsetSpec> request = new HashMap<>();
      unconfirmed.forEach(tp -> request.put(tp, OffsetSpec.latest()));
      // one request per leader; each partition's answer (or error) comes back on its own
      Map<TopicPartition, KafkaFuture<ListOffsetsResultInfo>> futures = new HashMap<>();
      var result = admin.listOffsets(request);
      request.keySet().forEach(tp -> futures.put(tp, result.partitionResult(tp)));
      for (var entry : futures.entrySet()) {
        if (await(entry.getValue(), timeoutMs, entry.getKey()) != null) {
          unconfirmed.remove(entry.getKey());
          reasons.remove(entry.getKey());
        }
      }
    }

    /** The value, or null when the piece is not ready yet (the reason is kept); a permanent error is thrown. */
    private <T> T await(KafkaFuture<T> future, long timeoutMs, Object piece) throws InterruptedException {
      try {
        return future.get(timeoutMs, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        reasons.put(piece, "no answer in time");
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (!(cause instanceof RetriableException) && !(cause instanceof UnknownTopicOrPartitionException)) {
          throw new IllegalStateException("Cannot check that " + piece + " accepts writes: " + cause.getMessage(), cause);
        }
        reasons.put(piece, cause.getClass().getSimpleName().replace("Exception", ""));
      }
      return null;
    }

    String describe() {
      List<String> lines = new ArrayList<>();
      undescribed.forEach(t -> lines.add(t + " (" + reasons.getOrDefault(t, "not described") + ")"));
      unconfirmed.stream().limit(10).forEach(tp -> lines.add(tp + " (" + reasons.getOrDefault(tp, "leader did not confirm") + ")"));
      if (unconfirmed.size() > 10) {
        lines.add("and " + (unconfirmed.size() - 10) + " more partitions");
      }
      return String.join(", ", lines);
    }
  }
}
