package com.coachstream.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every caller × every operation, and every caller × every agent and team: the whole policy as a table. */
class AccessPolicyTest {

  private static final Principal AGENT = new Principal("ann", EnumSet.of(Role.AGENT), Set.of(), "agent-a1");
  private static final Principal SUP_A = new Principal("sup-a", EnumSet.of(Role.SUPERVISOR), Set.of("team-a"), null);
  private static final Principal SUP_B = new Principal("sup-b", EnumSet.of(Role.SUPERVISOR), Set.of("team-b"), null);
  private static final Principal QA = new Principal("qa", EnumSet.of(Role.QA_MANAGER), Set.of(), null);
  private static final Principal ADMIN = new Principal("root", EnumSet.of(Role.ADMIN), Set.of(), null);
  private static final Principal SENDER = new Principal("crm", EnumSet.of(Role.SENDER), Set.of(), null);
  private static final Principal SERVICE = new Principal("prom", EnumSet.of(Role.SERVICE), Set.of(), null);
  private static final Principal NOBODY = new Principal("ghost", Set.of(), Set.of(), null);

  private final AccessPolicy policy = new AccessPolicy(false);

  @Test
  void operationsByCaller() {
    Map<String, String> expected = new LinkedHashMap<>();
    // caller -> the operations allowed, in Operation order; everything else is refused
    expected.put("anonymous", "PROBE");
    expected.put("ann", "PROBE READ_AGENT READ_ALERTS READ_EFFECTS");
    expected.put("sup-a", "PROBE READ_AGENT READ_TEAM READ_ALERTS READ_EFFECTS ACT_ON_ALERT SEND_ACTIONS");
    expected.put("qa", "PROBE READ_AGENT READ_TEAM READ_ALERTS READ_EFFECTS READ_RULES MANAGE_RULES SEND_ACTIONS");
    expected.put("root", "PROBE READ_METRICS READ_AGENT READ_TEAM READ_ALERTS READ_EFFECTS READ_RULES MANAGE_RULES "
        + "ACT_ON_ALERT SEND_EVENTS SEND_ACTIONS");
    expected.put("crm", "PROBE SEND_EVENTS SEND_ACTIONS");
    expected.put("prom", "PROBE READ_METRICS");
    expected.put("ghost", "PROBE");
    Map<String, String> actual = new LinkedHashMap<>();
    for (Principal caller : new Principal[] {null, AGENT, SUP_A, QA, ADMIN, SENDER, SERVICE, NOBODY}) {
      StringBuilder allowed = new StringBuilder();
      for (Operation operation : Operation.values()) {
        Verdict verdict = policy.admit(Optional.ofNullable(caller), operation);
        if (verdict == Verdict.ALLOW) {
          allowed.append(allowed.length() == 0 ? "" : " ").append(operation);
        } else {
          assertThat(verdict).isEqualTo(caller == null ? Verdict.UNAUTHENTICATED : Verdict.FORBIDDEN);
        }
      }
      actual.put(caller == null ? "anonymous" : caller.userId(), allowed.toString());
    }
    assertThat(actual).containsExactlyEntriesOf(expected);
  }

  @Test
  void aRouteWithoutAnOperationIsRefusedToEveryone() {
    assertThat(policy.admit(Optional.empty(), null)).isEqualTo(Verdict.UNAUTHENTICATED);
    assertThat(policy.admit(Optional.of(ADMIN), null)).isEqualTo(Verdict.FORBIDDEN);
  }

  @Test
  void sendersAndAdminsPostAnyonesActionsPeopleOnlyTheirOwn() {
    assertThat(policy.maySendActionOf(SENDER, "sup-a")).isTrue();
    assertThat(policy.maySendActionOf(ADMIN, "sup-a")).isTrue();
    assertThat(policy.maySendActionOf(SUP_A, "sup-a")).isTrue();
    assertThat(policy.maySendActionOf(SUP_A, "sup-b")).isFalse();
    assertThat(policy.maySendActionOf(QA, "qa")).isTrue();
    assertThat(policy.maySendActionOf(QA, "sup-a")).isFalse();
  }

  @Test
  void metricsCanBeOpen() {
    assertThat(new AccessPolicy(true).admit(Optional.empty(), Operation.READ_METRICS)).isEqualTo(Verdict.ALLOW);
    assertThat(policy.admit(Optional.empty(), Operation.READ_METRICS)).isEqualTo(Verdict.UNAUTHENTICATED);
  }

  @Test
  void agentsByCaller() {
    // agent a1 and a2 in team-a (a2's roster supervisor is sup-b, covering a team move), b1 in team-b, x1 unknown team
    String[][] agents = {{"agent-a1", "team-a", "sup-a"}, {"agent-a2", "team-a", "sup-b"},
        {"agent-b1", "team-b", "sup-b"}, {"agent-x1", null, null}};
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("ann", "agent-a1");
    expected.put("sup-a", "agent-a1 agent-a2");
    expected.put("sup-b", "agent-a2 agent-b1");
    expected.put("qa", "agent-a1 agent-a2 agent-b1 agent-x1");
    expected.put("root", "agent-a1 agent-a2 agent-b1 agent-x1");
    expected.put("crm", "");
    expected.put("prom", "");
    expected.put("ghost", "");
    Map<String, String> actual = new LinkedHashMap<>();
    for (Principal caller : new Principal[] {AGENT, SUP_A, SUP_B, QA, ADMIN, SENDER, SERVICE, NOBODY}) {
      StringBuilder visible = new StringBuilder();
      for (String[] agent : agents) {
        if (policy.maySeeAgent(caller, agent[0], agent[1], agent[2])) {
          visible.append(visible.length() == 0 ? "" : " ").append(agent[0]);
        }
      }
      actual.put(caller.userId(), visible.toString());
    }
    assertThat(actual).containsExactlyEntriesOf(expected);
  }

  @Test
  void teamsByCaller() {
    assertThat(policy.maySeeTeam(SUP_A, "team-a")).isTrue();
    assertThat(policy.maySeeTeam(SUP_A, "team-b")).isFalse();
    assertThat(policy.maySeeTeam(SUP_B, "team-a")).isFalse();
    assertThat(policy.maySeeTeam(QA, "team-b")).isTrue();
    assertThat(policy.maySeeTeam(ADMIN, "team-zzz")).isTrue();
    assertThat(policy.maySeeTeam(AGENT, "team-a")).isFalse();
    assertThat(policy.maySeeTeam(SENDER, "team-a")).isFalse();
    // an agent claiming a team is not a supervisor of it
    Principal agentWithTeam = new Principal("eve", EnumSet.of(Role.AGENT), Set.of("team-a"), "agent-e");
    assertThat(policy.maySeeTeam(agentWithTeam, "team-a")).isFalse();
    assertThat(policy.maySeeAgent(agentWithTeam, "agent-a1", "team-a", "sup-a")).isFalse();
  }
}
