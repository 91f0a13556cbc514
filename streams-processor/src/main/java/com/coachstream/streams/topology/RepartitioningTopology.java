package com.coachstream.streams.topology;

import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.internals.InternalTopicProperties;

/**
 * A {@link Topology} that can declare repartition topics, as the DSL's {@code repartition()} does: Kafka
 * Streams creates such a topic itself (named {@code <application-id>-<name>}, with as many partitions as the
 * upstream input topics), and purges what it has consumed. The Processor API has no public call for it yet,
 * so this reaches the builder the DSL uses (the same call {@code KStream#repartition} makes).
 */
final class RepartitioningTopology extends Topology {

  /** Declares {@code name} as a repartition topic; add a sink writing to it and a source reading it. */
  void addRepartitionTopic(String name) {
    internalTopologyBuilder.addInternalTopic(name, InternalTopicProperties.empty());
  }
}
