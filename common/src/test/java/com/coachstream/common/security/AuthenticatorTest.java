package com.coachstream.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthenticatorTest {

  @TempDir
  Path dir;

  private Authenticator authenticator(TeamDirectory roster) {
    UsersFile users = UsersFile.load(DemoUsers.write(dir.resolve("users.json"), List.of(
        DemoUsers.User.of("sup-a", "password-of-sup-a", Role.SUPERVISOR, Set.of(), null),
        DemoUsers.User.of("ann", "password-of-ann", Role.AGENT, Set.of(), "agent-a1"))));
    return new Authenticator(users, Optional.empty(), ServiceTokens.random(Clock.systemUTC()),
        new LoginThrottle(3, Duration.ofMinutes(15), Clock.systemUTC()), roster, Optional.of("legacy-ingest-token"));
  }

  @Test
  void readsEachKindOfCredential() {
    Authenticator auth = authenticator(user -> user.equals("sup-a") ? Set.of("team-a") : Set.of());
    assertThat(auth.authenticate(null, null, "1.2.3.4").outcome()).isEqualTo(Authenticator.Outcome.ANONYMOUS);
    Authenticator.Result byToken = auth.authenticate("Bearer password-of-sup-a", null, "1.2.3.4");
    assertThat(byToken.principal()).get().extracting(Principal::teams).isEqualTo(Set.of("team-a"));
    assertThat(auth.authenticate(basic("ann", "password-of-ann"), null, "1.2.3.4").principal()).get()
        .extracting(Principal::agentId).isEqualTo("agent-a1");
    assertThat(auth.authenticate("Bearer legacy-ingest-token", null, "1.2.3.4").principal()).get()
        .extracting(Principal::roles).isEqualTo(Set.of(Role.SENDER));
    assertThat(auth.authenticate("Bearer wrong", null, "1.2.3.4").outcome()).isEqualTo(Authenticator.Outcome.REJECTED);
    assertThat(auth.authenticate("Digest x", null, "1.2.3.4").outcome()).isEqualTo(Authenticator.Outcome.REJECTED);
    assertThat(auth.authenticate("Basic %%%", null, "1.2.3.4").outcome()).isEqualTo(Authenticator.Outcome.REJECTED);
  }

  @Test
  void aSessionSeesTheRosterAsItIsNow() {
    java.util.Map<String, Set<String>> roster = new java.util.HashMap<>(java.util.Map.of("sup-a", Set.of()));
    Authenticator auth = authenticator(user -> roster.getOrDefault(user, Set.of()));
    Principal signedIn = auth.signIn("sup-a", "password-of-sup-a", "1.2.3.4").principal().orElseThrow();
    assertThat(signedIn.teams()).isEmpty();
    roster.put("sup-a", Set.of("team-a"));
    assertThat(auth.withCurrentTeams(signedIn).teams()).containsExactly("team-a");
    Principal agent = new Principal("ann", Set.of(Role.AGENT), Set.of(), "agent-a1");
    assertThat(auth.withCurrentTeams(agent)).isSameAs(agent);
  }

  @Test
  void serviceTokensCarryTheCallerTheyActFor() {
    Authenticator auth = authenticator(TeamDirectory.NONE);
    Principal caller = new Principal("sup-a", Set.of(Role.SUPERVISOR), Set.of("team-a"), null);
    assertThat(auth.authenticate(null, auth.serviceTokenFor(caller), "1.2.3.4").principal()).contains(caller);
    Authenticator other = authenticator(TeamDirectory.NONE);
    assertThat(other.authenticate(null, auth.serviceTokenFor(caller), "1.2.3.4").outcome())
        .as("another secret").isEqualTo(Authenticator.Outcome.REJECTED);
  }

  @Test
  void passwordGuessingIsThrottled() {
    Authenticator auth = authenticator(TeamDirectory.NONE);
    for (int i = 0; i < 3; i++) {
      assertThat(auth.signIn("ann", "guess-" + i, "5.6.7.8").outcome()).isEqualTo(Authenticator.Outcome.REJECTED);
    }
    assertThat(auth.signIn("ann", "password-of-ann", "5.6.7.8").outcome()).isEqualTo(Authenticator.Outcome.THROTTLED);
    assertThat(auth.authenticate(basic("ann", "password-of-ann"), null, "9.9.9.9").outcome())
        .isEqualTo(Authenticator.Outcome.THROTTLED);
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
