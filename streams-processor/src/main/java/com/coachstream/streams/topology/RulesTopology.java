package com.coachstream.streams.topology;

import static com.coachstream.streams.topology.CoachingTopology.AGENTS_SOURCE;
import static com.coachstream.streams.topology.CoachingTopology.REFUSED_RULES_SINK;
import static com.coachstream.streams.topology.CoachingTopology.REPORT_REFUSED_RULES;
import static com.coachstream.streams.topology.CoachingTopology.RULES_SOURCE;
import static com.coachstream.streams.topology.CoachingTopology.RULES_STORE;
import static com.coachstream.streams.topology.CoachingTopology.UPDATE_RULES;

import com.coachstream.schemas.topics.Topics;
import com.coachstream.streams.rules.RuleBook;
import com.coachstream.streams.rules.RuleSetCheck;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.Stores;

/** The rules-per-team part of {@link CoachingTopology}, which names its nodes and stores. */
final class RulesTopology {

  private RulesTopology() { }

  /**
   * Rules per team: every instance holds all rule sets in a global store the scorer reads; refused ones are
   * dead-lettered from a task of the scoring sub-topology, as a global processor cannot write to a topic.
   */
  static void addTo(RepartitioningTopology topology, StreamsSettings settings, RuleBook ruleBook) {
    Topics topics = settings.topics();
    RuleSetCheck check = new RuleSetCheck(ruleBook);
    // in memory: the store is small (one entry per team) and rebuilt from the compacted topic at each start;
    // the scorer reads it twice per event, so a rule set is decoded once per update, not once per event
    topology.addGlobalStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(RULES_STORE), Serdes.String(),
        new DecodeOnceSerde<>(new JsonRecordSerde<>(StoredRules.class))).withLoggingDisabled(), RULES_SOURCE,
        topics.rules().keySerde().deserializer(), topics.rules().valueSerde().deserializer(), topics.rules().name(),
        UPDATE_RULES, () -> new RulesStoreProcessor(check, topics.rules()));
    topology.addProcessor(REPORT_REFUSED_RULES, RefusedRulesReporter::new, AGENTS_SOURCE);
    topology.addSink(REFUSED_RULES_SINK, topics.deadLetter().name(), Serdes.ByteArray().serializer(),
        Serdes.ByteArray().serializer(), REPORT_REFUSED_RULES);
  }
}
