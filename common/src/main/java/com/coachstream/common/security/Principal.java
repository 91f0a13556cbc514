package com.coachstream.common.security;

import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * A signed-in caller: who it is, its roles, the teams it supervises (from a team claim or the roster) and,
 * for an agent, its own agent id. Immutable.
 *
 * @param userId the user's id (a users-file id or the token's subject)
 * @param roles what the caller is
 * @param teams teams the caller supervises
 * @param agentId the caller's own agent id, or null when the caller is not an agent
 */
public record Principal(String userId, Set<Role> roles, Set<String> teams, String agentId) {

  public Principal {
    if (userId == null || userId.isBlank()) {
      throw new IllegalArgumentException("a principal has a user id");
    }
    roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    teams = Set.copyOf(new TreeSet<>(teams));
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  /** The same caller, also supervising {@code more} teams (found in the roster). */
  public Principal withTeams(Set<String> more) {
    if (more.isEmpty() || teams.containsAll(more)) {
      return this;
    }
    Set<String> all = new TreeSet<>(teams);
    all.addAll(more);
    return new Principal(userId, roles, all, agentId);
  }

  @Override
  public String toString() {
    return userId + roles;
  }
}
