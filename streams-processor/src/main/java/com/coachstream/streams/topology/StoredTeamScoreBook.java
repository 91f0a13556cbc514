package com.coachstream.streams.topology;

import com.coachstream.avro.SkillCategory;
import com.coachstream.streams.team.TeamHistogram;
import com.coachstream.streams.team.TeamScoreBook;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * One team's {@link TeamScoreBook} in the team task's stores: histograms and the newest window in
 * {@code team-distributions-store}, members' buckets in {@code team-member-scores-store} (keys: {@link DistributionKeys}).
 */
final class StoredTeamScoreBook implements TeamScoreBook {

  private final KeyValueStore<Bytes, byte[]> distributions;
  private final KeyValueStore<Bytes, Integer> members;
  private final String teamId;

  StoredTeamScoreBook(KeyValueStore<Bytes, byte[]> distributions, KeyValueStore<Bytes, Integer> members, String teamId) {
    this.distributions = distributions;
    this.members = members;
    this.teamId = teamId;
  }

  @Override
  public Integer member(SkillCategory category, long windowStart, String agentId) {
    return members.get(DistributionKeys.member(teamId, windowStart, category, agentId));
  }

  @Override
  public void member(SkillCategory category, long windowStart, String agentId, Integer bucket) {
    Bytes key = DistributionKeys.member(teamId, windowStart, category, agentId);
    if (bucket == null) {
      members.delete(key);
    } else {
      members.put(key, bucket);
    }
  }

  @Override
  public TeamHistogram histogram(SkillCategory category, long windowStart) {
    byte[] stored = distributions.get(DistributionKeys.histogram(teamId, windowStart, category));
    return stored == null ? null : TeamHistogram.decode(stored);
  }

  @Override
  public void histogram(SkillCategory category, long windowStart, TeamHistogram histogram) {
    Bytes key = DistributionKeys.histogram(teamId, windowStart, category);
    if (histogram.isEmpty()) {
      distributions.delete(key);
    } else {
      distributions.put(key, histogram.encode());
    }
  }

  @Override
  public Long newestWindow() {
    byte[] stored = distributions.get(DistributionKeys.newest(teamId));
    return stored == null ? null : ByteBuffer.wrap(stored).getLong();
  }

  @Override
  public void newestWindow(long windowStart) {
    distributions.put(DistributionKeys.newest(teamId), ByteBuffer.allocate(Long.BYTES).putLong(windowStart).array());
  }

  @Override
  public List<Long> windows() {
    List<Long> windows = new ArrayList<>();
    try (KeyValueIterator<Bytes, byte[]> all = distributions.range(DistributionKeys.histogramsFrom(teamId, Long.MIN_VALUE),
        DistributionKeys.histogramsEnd(teamId))) {
      while (all.hasNext()) {
        long windowStart = DistributionKeys.windowOfHistogram(all.next().key);
        if (windows.isEmpty() || windows.get(windows.size() - 1) != windowStart) {
          windows.add(windowStart);
        }
      }
    }
    return windows;
  }

  @Override
  public void dropBefore(long windowStart) {
    TeamEffectProcessor.deleteRange(distributions, DistributionKeys.histogramsFrom(teamId, Long.MIN_VALUE),
        DistributionKeys.histogramsFrom(teamId, windowStart));
    TeamEffectProcessor.deleteRange(members, DistributionKeys.membersFrom(teamId, Long.MIN_VALUE), DistributionKeys.membersFrom(teamId, windowStart));
  }
}
