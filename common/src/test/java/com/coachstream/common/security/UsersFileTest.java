package com.coachstream.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsersFileTest {

  @TempDir
  Path dir;

  @Test
  void passwordsAndTokensAreStoredOnlyAsHashesAndCheckedAgainstThem() throws Exception {
    Path file = DemoUsers.write(dir.resolve("users.json"), List.of(
        DemoUsers.User.of("sup-a", "s3cret-password-a", Role.SUPERVISOR, Set.of("team-a"), null),
        DemoUsers.User.of("ann", "ann-secret-value-1", Role.AGENT, Set.of(), "agent-a1")));
    String text = Files.readString(file);
    assertThat(text).doesNotContain("s3cret-password-a").doesNotContain("ann-secret-value-1").contains("$2a$10$");

    UsersFile users = UsersFile.load(file);
    assertThat(users.byPassword("sup-a", "s3cret-password-a")).get()
        .isEqualTo(new Principal("sup-a", Set.of(Role.SUPERVISOR), Set.of("team-a"), null));
    assertThat(users.byPassword("sup-a", "wrong")).isEmpty();
    assertThat(users.byPassword("nobody", "s3cret-password-a")).isEmpty();
    assertThat(users.byPassword("sup-a", null)).isEmpty();
    assertThat(users.byToken("ann-secret-value-1")).get().extracting(Principal::agentId).isEqualTo("agent-a1");
    assertThat(users.byToken("ann-secret-value-2")).isEmpty();
  }

  @Test
  void acceptsHtpasswdStyleHashes() {
    String hash = UsersFile.passwordHash("pw-123").replaceFirst("^\\$2a\\$", "\\$2y\\$");
    UsersFile users = UsersFile.parse("{\"users\":[{\"id\":\"u\",\"passwordHash\":\"" + hash + "\",\"roles\":[\"admin\"]}]}");
    assertThat(users.byPassword("u", "pw-123")).isPresent();
  }

  @Test
  void refusesPlainTextUnknownRolesAndDuplicates() {
    assertThatThrownBy(() -> UsersFile.parse("{\"users\":[{\"id\":\"u\",\"passwordHash\":\"hunter2\"}]}"))
        .hasMessageContaining("not a bcrypt hash").hasMessageNotContaining("hunter2");
    assertThatThrownBy(() -> UsersFile.parse("{\"users\":[{\"id\":\"u\",\"tokenHashes\":[\"abc\"]}]}"))
        .hasMessageContaining("sha256:<64 hex>");
    assertThatThrownBy(() -> UsersFile.parse("{\"users\":[{\"id\":\"u\",\"roles\":[\"root\"]}]}"))
        .hasMessageContaining("unknown role 'root'");
    assertThatThrownBy(() -> UsersFile.parse("{\"users\":[{\"id\":\"u\"},{\"id\":\"u\"}]}"))
        .hasMessageContaining("twice");
    assertThatThrownBy(() -> UsersFile.parse("{\"users\":[{\"roles\":[]}]}")).hasMessageContaining("no \"id\"");
  }
}
