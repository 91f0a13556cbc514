package com.coachstream.streams.topology;

import com.coachstream.common.config.KafkaSettings;
import com.coachstream.streams.slip.AlertMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The compacted topic of evaluators' leniency ({@code <application-id>-evaluator-leniency}), read by a
 * global store. Kafka Streams creates repartition and changelog topics itself but not the source of a global
 * store, so the processor creates it at start, in statistical mode, with the broker's default partitions and
 * replication; an existing topic is left as it is.
 */
public final class LeniencyTopic {

  private LeniencyTopic() { }

  /** Creates the topic when statistical mode needs it and it does not exist; returns its name, or empty. */
  public static Optional<String> ensureExists(StreamsSettings settings) {
    if (settings.slipPolicy().mode() != AlertMode.STATISTICAL) {
      return Optional.empty();
    }
    String name = LeniencyTopology.leniencyTopic(settings);
    Properties props = KafkaSettings.clientProperties(settings.source());
    try (Admin admin = Admin.create(props)) {
      if (!admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(name)) {
        NewTopic topic = new NewTopic(name, Optional.empty(), Optional.empty())
            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        admin.createTopics(List.of(topic)).all().get(60, TimeUnit.SECONDS);
      }
      return Optional.of(name);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while creating " + name, e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof TopicExistsException) {
        return Optional.of(name); // another instance created it meanwhile
      }
      throw new IllegalStateException("Cannot create the leniency topic " + name + ": " + e.getCause().getMessage(), e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("Cannot create the leniency topic " + name + ": timed out", e);
    }
  }
}
