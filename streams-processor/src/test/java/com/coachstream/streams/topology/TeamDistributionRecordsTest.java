package com.coachstream.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.coachstream.avro.SkillCategory;
import com.coachstream.streams.team.MemberScores;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The team-relative rule's records: the repartition serde and the store keys' order. */
class TeamDistributionRecordsTest {

  @Test
  void memberScoresRoundTrip() {
    MemberScores scores = MemberScores.of("a1", "team-ä", -86_400_000L, Map.of(SkillCategory.SOFT, 71.25, SkillCategory.HARD, 90.0));
    assertThat(MemberScoresSerde.decode(MemberScoresSerde.encode(scores))).isEqualTo(scores);
    MemberScores left = MemberScores.left("a1", "team-b");
    assertThat(MemberScoresSerde.decode(MemberScoresSerde.encode(left))).isEqualTo(left);
    assertThatThrownBy(() -> MemberScoresSerde.decode(new byte[] {9})).hasMessageContaining("Unknown member scores version 9");
  }

  @Test
  void aTeamsHistogramsSortByWindowAndStayApartFromOtherTeamsAndFromItsNewestWindow() {
    assertThat(DistributionKeys.histogram("t", -5, SkillCategory.HARD))
        .isLessThan(DistributionKeys.histogram("t", 3, SkillCategory.SOFT))
        .isLessThan(DistributionKeys.histogramsEnd("t"));
    assertThat(DistributionKeys.histogramsFrom("t", 3)).isLessThan(DistributionKeys.histogram("t", 3, SkillCategory.SOFT));
    assertThat(DistributionKeys.windowOfHistogram(DistributionKeys.histogram("t", -5, SkillCategory.HARD))).isEqualTo(-5);
    // team "t" and team "t2" never interleave: the zero byte after the id sorts first
    assertThat(DistributionKeys.histogramsEnd("t")).isLessThan(DistributionKeys.histogram("t2", Long.MIN_VALUE, SkillCategory.SOFT));
    assertThat(DistributionKeys.newest("t")).isGreaterThan(DistributionKeys.histogramsEnd("t"));
    assertThat(DistributionKeys.member("t", 2, SkillCategory.SOFT, "zz"))
        .isLessThan(DistributionKeys.membersFrom("t", 3));
  }
}
