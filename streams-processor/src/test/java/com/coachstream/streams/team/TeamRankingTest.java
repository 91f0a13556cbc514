package com.coachstream.streams.team;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachstream.avro.SkillCategory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TeamRankingTest {

  private static final long DAY = 86_400_000L;
  private static final long W = 20_000 * DAY;
  private final TeamRanking ranking = new TeamRanking(35 * DAY);
  private final InMemoryTeamScoreBook book = new InMemoryTeamScoreBook();

  private List<TeamRanking.Change> soft(String agent, long window, Double score) {
    return ranking.apply(book, MemberScores.of(agent, "t", window, score == null ? Map.of() : Map.of(SkillCategory.SOFT, score)));
  }

  private TeamHistogram softOf(long window) {
    return book.histogram(SkillCategory.SOFT, window);
  }

  @Test
  void aMembersNewScoreReplacesTheirOldOne() {
    soft("a", W, 60.0);
    soft("b", W, 80.0);
    List<TeamRanking.Change> changes = soft("a", W, 90.0);

    assertThat(softOf(W).members()).isEqualTo(2);
    assertThat(softOf(W).percentile(0)).isEqualTo(80.0);
    assertThat(changes).singleElement().satisfies(c -> {
      assertThat(c.category()).isEqualTo(SkillCategory.SOFT);
      assertThat(c.windowStart()).isEqualTo(W);
      assertThat(c.histogram().percentile(100)).isEqualTo(90.0);
    });
  }

  @Test
  void aScoreInTheSameBucketChangesNothing() {
    soft("a", W, 60.0);
    assertThat(soft("a", W, 60.2)).isEmpty();
    assertThat(softOf(W).members()).isEqualTo(1);
  }

  @Test
  void aMemberWithoutAScoreLeavesThatWindowOnly() {
    soft("a", W, 60.0);
    soft("b", W, 80.0);
    soft("a", W + DAY, 61.0);
    List<TeamRanking.Change> changes = soft("a", W, null); // e.g. their evaluations retracted

    assertThat(softOf(W).members()).isEqualTo(1);
    assertThat(softOf(W).percentile(50)).isEqualTo(80.0);
    assertThat(softOf(W + DAY).members()).isEqualTo(1);
    assertThat(changes).hasSize(1);
    // the last member gone: the distribution is gone, published as empty
    assertThat(soft("b", W, null)).singleElement().satisfies(c -> assertThat(c.histogram().isEmpty()).isTrue());
    assertThat(softOf(W)).isNull();
  }

  @Test
  void categoriesAreKeptApart() {
    ranking.apply(book, MemberScores.of("a", "t", W, Map.of(SkillCategory.SOFT, 60.0, SkillCategory.HARD, 90.0)));
    ranking.apply(book, MemberScores.of("b", "t", W, Map.of(SkillCategory.HARD, 70.0)));

    assertThat(softOf(W).members()).isEqualTo(1);
    assertThat(book.histogram(SkillCategory.HARD, W).members()).isEqualTo(2);
    assertThat(book.histogram(SkillCategory.HARD, W).percentile(0)).isEqualTo(70.0);
  }

  @Test
  void aMemberWhoMovesToAnotherTeamLeavesEveryWindowTheOldTeamKeeps() {
    soft("a", W, 60.0);
    soft("a", W + DAY, 62.0);
    soft("b", W, 80.0);
    soft("b", W + DAY, 82.0);

    List<TeamRanking.Change> changes = ranking.apply(book, MemberScores.left("a", "t"));

    assertThat(softOf(W).members()).isEqualTo(1);
    assertThat(softOf(W + DAY).members()).isEqualTo(1);
    assertThat(book.member(SkillCategory.SOFT, W, "a")).isNull();
    assertThat(changes).extracting(TeamRanking.Change::windowStart).containsExactly(W, W + DAY);
    // leaving again (or a team never joined) changes nothing
    assertThat(ranking.apply(book, MemberScores.left("a", "t"))).isEmpty();
  }

  @Test
  void windowsOlderThanTheRetentionAreDroppedOnceTheNewestMovesOnAndPublishedAsGone() {
    soft("a", W, 60.0);
    soft("a", W + DAY, 61.0);
    List<TeamRanking.Change> changes = soft("b", W + 36 * DAY, 70.0);

    assertThat(book.windows()).containsExactly(W + DAY, W + 36 * DAY);
    assertThat(book.members.containsKey(W)).isFalse();
    assertThat(changes).anySatisfy(c -> {
      assertThat(c.windowStart()).isEqualTo(W);
      assertThat(c.histogram().isEmpty()).isTrue();
    });
    // a late score for a dropped window is ignored
    assertThat(soft("c", W, 50.0)).isEmpty();
    assertThat(book.windows()).doesNotContain(W);
  }

  @Test
  void anOlderWindowWithinTheRetentionStillCounts() {
    soft("a", W + 10 * DAY, 60.0);
    assertThat(soft("b", W, 70.0)).hasSize(1);
    assertThat(book.newestWindow()).isEqualTo(W + 10 * DAY);
    assertThat(book.windows()).containsExactly(W, W + 10 * DAY);
  }
}
