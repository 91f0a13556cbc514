package com.coachstream.systemtests.support;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.utils.Utils;

/**
 * Which member of a consumer group (a Kafka Streams application) holds which partitions of a topic, as the
 * group coordinator tells it. Members are told apart by their client id, which starts with the
 * {@code client.id} each instance was given.
 */
public final class GroupMembers implements AutoCloseable {

  private final Admin admin;
  private final String group;

  public GroupMembers(Properties client, String group) {
    this.admin = Admin.create(client);
    this.group = group;
  }

  /** Client id prefix (up to the first '-') of each member holding partitions of {@code topic} -> their numbers; empty before any member joined. */
  public Map<String, Set<Integer>> partitionsOf(String topic) {
    try {
      ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all()
          .get(30, TimeUnit.SECONDS).get(group);
      Map<String, Set<Integer>> owners = new TreeMap<>();
      for (MemberDescription member : description.members()) {
        String instance = member.clientId().split("-", 2)[0];
        for (TopicPartition partition : member.assignment().topicPartitions()) {
          if (partition.topic().equals(topic)) {
            owners.computeIfAbsent(instance, k -> new TreeSet<>()).add(partition.partition());
          }
        }
      }
      return owners;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof GroupIdNotFoundException) {
        return Map.of(); // no member has joined yet
      }
      throw new IllegalStateException("Cannot describe group " + group + ": " + e.getMessage(), e);
    } catch (Exception e) {
      throw new IllegalStateException("Cannot describe group " + group + ": " + e.getMessage(), e);
    }
  }

  /** The partition the producers' default partitioner puts {@code key} in. */
  public static int partitionOf(String key, int partitions) {
    return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
  }

  /** The keys among {@code keys} that live in one of {@code partitions}. */
  public static List<String> keysIn(Collection<String> keys, Set<Integer> partitions, int partitionCount) {
    return keys.stream().filter(k -> partitions.contains(partitionOf(k, partitionCount))).sorted().toList();
  }

  @Override
  public void close() {
    admin.close();
  }
}
