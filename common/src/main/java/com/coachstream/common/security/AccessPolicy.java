package com.coachstream.common.security;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The one place that decides who may see and do what. Deny by default: an operation not listed here, a
 * caller without credentials, or a caller without a listed role is refused. Data is scoped per agent:
 * an agent sees itself; a supervisor the agents of the teams they supervise (team claim or the roster's
 * supervisorId); a QA manager and an admin every agent. A caller asking for an agent or team outside its
 * scope must get the same answer as for one that does not exist (the handlers answer 404 with the body
 * they use for an unknown id), so the answer is no oracle of what exists.
 */
public final class AccessPolicy {

  private static final Set<Role> READERS = EnumSet.of(Role.AGENT, Role.SUPERVISOR, Role.QA_MANAGER, Role.ADMIN);
  private static final Set<Role> TEAM_READERS = EnumSet.of(Role.SUPERVISOR, Role.QA_MANAGER, Role.ADMIN);
  private static final Set<Role> RULE_READERS = EnumSet.of(Role.QA_MANAGER, Role.ADMIN);
  private static final Set<Role> ACTORS = EnumSet.of(Role.SUPERVISOR, Role.ADMIN);
  private static final Set<Role> SENDERS = EnumSet.of(Role.SENDER, Role.ADMIN);
  private static final Set<Role> ACTION_SENDERS = EnumSet.of(Role.SENDER, Role.SUPERVISOR, Role.QA_MANAGER, Role.ADMIN);
  private static final Set<Role> MONITORS = EnumSet.of(Role.ADMIN, Role.SERVICE);
  private static final Set<Role> SEE_ALL = EnumSet.of(Role.QA_MANAGER, Role.ADMIN);

  private final boolean metricsOpen;

  /** @param metricsOpen whether {@code /metrics} is served to anyone (a scraper without credentials) */
  public AccessPolicy(boolean metricsOpen) {
    this.metricsOpen = metricsOpen;
  }

  /** Whether {@code caller} (empty: no valid credentials) may perform {@code operation} at all. */
  public Verdict admit(Optional<Principal> caller, Operation operation) {
    if (operation == Operation.PROBE || operation == Operation.READ_METRICS && metricsOpen) {
      return Verdict.ALLOW;
    }
    if (caller.isEmpty()) {
      return Verdict.UNAUTHENTICATED;
    }
    Set<Role> allowed = operation == null ? Set.of() : rolesFor(operation);
    return caller.get().roles().stream().anyMatch(allowed::contains) ? Verdict.ALLOW : Verdict.FORBIDDEN;
  }

  /**
   * Whether {@code caller} may see the data of agent {@code agentId} of team {@code teamId} (null: unknown)
   * whose roster supervisor is {@code supervisorId} (null: none).
   */
  public boolean maySeeAgent(Principal caller, String agentId, String teamId, String supervisorId) {
    if (seesAll(caller)) {
      return true;
    }
    if (caller.has(Role.AGENT) && caller.agentId() != null && caller.agentId().equals(agentId)) {
      return true;
    }
    return caller.has(Role.SUPERVISOR)
        && (teamId != null && caller.teams().contains(teamId) || caller.userId().equals(supervisorId));
  }

  /** Whether {@code caller} may see team {@code teamId} as a whole. */
  public boolean maySeeTeam(Principal caller, String teamId) {
    return seesAll(caller) || caller.has(Role.SUPERVISOR) && caller.teams().contains(teamId);
  }

  /**
   * Whether {@code caller} may post an action recorded as taken by {@code actorId}: a sending system or an admin
   * any action (they relay what people did); a supervisor or QA manager only their own, so no one acts in
   * another's name.
   */
  public boolean maySendActionOf(Principal caller, String actorId) {
    return caller.has(Role.SENDER) || caller.has(Role.ADMIN) || caller.userId().equals(actorId);
  }

  /** Whether {@code caller} sees every team (no filtering needed). */
  public boolean seesAll(Principal caller) {
    return caller.roles().stream().anyMatch(SEE_ALL::contains);
  }

  private Set<Role> rolesFor(Operation operation) {
    return switch (operation) {
      case PROBE -> READERS;
      case READ_METRICS -> MONITORS;
      case READ_AGENT, READ_ALERTS, READ_EFFECTS -> READERS;
      case READ_TEAM -> TEAM_READERS;
      case READ_RULES, MANAGE_RULES -> RULE_READERS;
      case ACT_ON_ALERT -> ACTORS;
      case SEND_EVENTS -> SENDERS;
      case SEND_ACTIONS -> ACTION_SENDERS;
    };
  }
}
