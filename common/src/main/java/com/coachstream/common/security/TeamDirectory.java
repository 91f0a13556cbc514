package com.coachstream.common.security;

import java.util.Set;

/** Where a supervisor's teams are found besides a team claim: the roster's supervisorId. */
@FunctionalInterface
public interface TeamDirectory {

  TeamDirectory NONE = userId -> Set.of();

  /** The teams with an agent whose roster entry names {@code userId} as supervisor. */
  Set<String> teamsSupervisedBy(String userId);
}
