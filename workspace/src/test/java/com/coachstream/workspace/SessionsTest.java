package com.coachstream.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachstream.common.security.Principal;
import com.coachstream.common.security.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionsTest {

  private Instant now = Instant.parse("2026-11-29T10:00:00Z");
  private final Clock clock = new Clock() {
    @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(ZoneId zone) { return this; }
    @Override public Instant instant() { return now; }
  };
  private final Principal sup = new Principal("sup-1", Set.of(Role.SUPERVISOR), Set.of("team-a"), null);

  @Test
  void sessionsHaveRandomIdsAndTokensAndEndWhenIdleOrClosed() {
    Sessions sessions = new Sessions(Duration.ofHours(8), clock);
    Sessions.Session one = sessions.open(sup);
    Sessions.Session two = sessions.open(sup);
    assertThat(one.id()).hasSizeGreaterThanOrEqualTo(43).isNotEqualTo(two.id()).isNotEqualTo(one.csrf());
    assertThat(sessions.find(one.id())).get().extracting(Sessions.Session::principal).isEqualTo(sup);
    assertThat(one.csrfMatches(one.csrf())).isTrue();
    assertThat(one.csrfMatches(two.csrf())).isFalse();
    assertThat(one.csrfMatches(null)).isFalse();
    assertThat(sessions.find("guess")).isEmpty();
    assertThat(sessions.find(null)).isEmpty();

    now = now.plus(Duration.ofHours(7));
    assertThat(sessions.find(one.id())).as("use keeps it alive").isPresent();
    now = now.plus(Duration.ofHours(7));
    assertThat(sessions.find(one.id())).isPresent();
    assertThat(sessions.find(two.id())).as("idle 14 h").isEmpty();
    sessions.close(one.id());
    assertThat(sessions.find(one.id())).isEmpty();
  }
}
