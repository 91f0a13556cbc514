package com.coachstream.systemtests.support;

import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.common.Node;

/** Bytes the broker stores for some topics (all replicas, all log directories): a figure for the reports. */
public final class TopicSizes {

  private TopicSizes() { }

  /** Bytes of every partition of every topic whose name starts with {@code prefix}. */
  public static long bytesOfTopicsStartingWith(Properties client, String prefix) throws Exception {
    try (Admin admin = Admin.create(client)) {
      var brokers = admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).stream().map(Node::id).toList();
      long bytes = 0;
      for (var perBroker : admin.describeLogDirs(brokers).allDescriptions().get(30, TimeUnit.SECONDS).values()) {
        for (LogDirDescription dir : perBroker.values()) {
          bytes += dir.replicaInfos().entrySet().stream().filter(e -> e.getKey().topic().startsWith(prefix))
              .mapToLong(e -> e.getValue().size()).sum();
        }
      }
      return bytes;
    }
  }
}
