package com.coachstream.launcher;

import com.coachstream.common.security.DemoUsers;
import com.coachstream.common.security.Role;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The demo's users: a supervisor per simulated team (ids as in the simulated roster, so the roster's
 * supervisorId scopes them too), a QA manager, an admin and one agent, each with a fresh random secret that is
 * both their password and their API token. Only hashes are written to the users file; the secrets are printed
 * for the demo alone.
 */
final class DemoSignIn {

  private final List<DemoUsers.User> users;
  private final Path file;

  private DemoSignIn(List<DemoUsers.User> users, Path file) {
    this.users = users;
    this.file = file;
  }

  static DemoSignIn create(int teams, Path dir) {
    List<DemoUsers.User> users = new ArrayList<>();
    for (int t = 1; t <= teams; t++) {
      users.add(DemoUsers.User.of(String.format("sup-%02d", t), DemoUsers.randomSecret(), Role.SUPERVISOR,
          Set.of(String.format("team-%02d", t)), null));
    }
    users.add(DemoUsers.User.of("qa", DemoUsers.randomSecret(), Role.QA_MANAGER, Set.of(), null));
    users.add(DemoUsers.User.of("admin", DemoUsers.randomSecret(), Role.ADMIN, Set.of(), null));
    users.add(DemoUsers.User.of("agent-0001", DemoUsers.randomSecret(), Role.AGENT, Set.of(), "agent-0001"));
    return new DemoSignIn(users, DemoUsers.write(dir.resolve("demo-users.json"), users));
  }

  Path file() {
    return file;
  }

  /** Prints the users, and a first request as the supervisor of {@code team} (one that will have alerts). */
  void print(PrintStream out, int streamsPort, String team) {
    out.printf("  Sign in  demo users (users file %s; passwords shown for this demo only):%n", file);
    for (DemoUsers.User user : users) {
      String what = user.roles().contains(Role.SUPERVISOR) ? "supervisor of " + String.join(", ", user.teams())
          : user.roles().contains(Role.AGENT) ? "agent (sees only " + user.agentId() + ")"
          : user.roles().iterator().next().label();
      out.printf("           %-11s %-14s password / API token: %s%n", user.id(), what, user.secret());
    }
    DemoUsers.User supervisor = users.stream().filter(user -> user.teams().contains(team)).findFirst()
        .orElse(users.get(0));
    out.printf("           try: curl -H 'Authorization: Bearer %s' localhost:%d/api/teams/%s/agents%n",
        supervisor.secret(), streamsPort, supervisor.teams().iterator().next());
  }
}
