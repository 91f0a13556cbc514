package com.coachstream.streams.topology;

import static com.coachstream.streams.topology.CoachingTopology.RANK_IN_TEAMS;
import static com.coachstream.streams.topology.CoachingTopology.SCORE_PROCESSOR;
import static com.coachstream.streams.topology.CoachingTopology.TEAM_DISTRIBUTIONS_GLOBAL_STORE;
import static com.coachstream.streams.topology.CoachingTopology.TEAM_DISTRIBUTIONS_SINK;
import static com.coachstream.streams.topology.CoachingTopology.TEAM_DISTRIBUTIONS_SOURCE;
import static com.coachstream.streams.topology.CoachingTopology.TEAM_DISTRIBUTIONS_STORE;
import static com.coachstream.streams.topology.CoachingTopology.TEAM_DISTRIBUTIONS_UPDATE;
import static com.coachstream.streams.topology.CoachingTopology.TEAM_MEMBER_SCORES_STORE;
import static com.coachstream.streams.topology.CoachingTopology.TEAM_SCORES_SINK;
import static com.coachstream.streams.topology.CoachingTopology.TEAM_SCORES_SOURCE;
import static com.coachstream.streams.topology.CoachingTopology.TEAM_SCORES_TOPIC;

import com.coachstream.schemas.topics.Topic;
import com.coachstream.streams.team.TeamRanking;
import com.coachstream.streams.window.WindowSpec;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.Stores;

/** The team-relative rule's part of {@link CoachingTopology}, which names its nodes and stores. */
final class TeamDistributionsTopology {

  private TeamDistributionsTopology() { }

  /**
   * Team-relative rule: agents' window scores go to the team's partition, where each team's distributions are
   * kept and published to a compacted topic that every instance reads back as a global store for the scorer.
   * The topology is the same whether the rule is on or off; off, nothing is sent.
   */
  static void addTo(RepartitioningTopology topology, StreamsSettings settings) {
    Topic<String, byte[]> published = settings.topics().teamDistributions();
    topology.addRepartitionTopic(TEAM_SCORES_TOPIC);
    topology.addSink(TEAM_SCORES_SINK, TEAM_SCORES_TOPIC, Serdes.String().serializer(),
        new MemberScoresSerde().serializer(), SCORE_PROCESSOR);
    topology.addSource(TEAM_SCORES_SOURCE, Serdes.String().deserializer(), new MemberScoresSerde().deserializer(),
        TEAM_SCORES_TOPIC);
    WindowSpec windows = settings.windows();
    TeamRanking ranking = new TeamRanking(windows.sizeMs() + windows.baselineMs());
    topology.addProcessor(RANK_IN_TEAMS, () -> new TeamRankingProcessor(ranking), TEAM_SCORES_SOURCE);
    topology.addStateStore(Stores.keyValueStoreBuilder(CoachingTopology.small(TEAM_DISTRIBUTIONS_STORE),
        Serdes.Bytes(), Serdes.ByteArray()).withCachingEnabled(), RANK_IN_TEAMS);
    topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(TEAM_MEMBER_SCORES_STORE),
        Serdes.Bytes(), Serdes.Integer()).withCachingEnabled(), RANK_IN_TEAMS);
    topology.addSink(TEAM_DISTRIBUTIONS_SINK, published.name(), published.keySerde().serializer(),
        published.valueSerde().serializer(), RANK_IN_TEAMS);
    // a global store keeps no changelog: the topic it follows is its changelog
    topology.addGlobalStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(TEAM_DISTRIBUTIONS_GLOBAL_STORE),
        Serdes.String(), Serdes.ByteArray()).withLoggingDisabled(), TEAM_DISTRIBUTIONS_SOURCE,
        published.keySerde().deserializer(), published.valueSerde().deserializer(), published.name(),
        TEAM_DISTRIBUTIONS_UPDATE, TeamDistributionsUpdater::new);
  }
}
