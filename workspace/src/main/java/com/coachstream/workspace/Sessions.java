package com.coachstream.workspace;

import com.coachstream.common.security.Principal;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signed-in browser sessions, held in memory: a random id (the cookie's value) maps to the caller, a CSRF token
 * for every state-changing form, and the time of the last request (sessions idle longer than the timeout end).
 */
final class Sessions {

  /** One session: who, and the token its forms must carry. */
  record Session(String id, Principal principal, String csrf, Instant lastSeen) {
    boolean csrfMatches(String token) {
      return token != null && MessageDigest.isEqual(csrf.getBytes(StandardCharsets.UTF_8),
          token.getBytes(StandardCharsets.UTF_8));
    }
  }

  private static final SecureRandom RANDOM = new SecureRandom();

  private final ConcurrentHashMap<String, Session> sessions = new ConcurrentHashMap<>();
  private final Duration idleTimeout;
  private final Clock clock;

  Sessions(Duration idleTimeout, Clock clock) {
    this.idleTimeout = idleTimeout;
    this.clock = clock;
  }

  Session open(Principal principal) {
    Session session = new Session(randomToken(), principal, randomToken(), clock.instant());
    sessions.put(session.id(), session);
    return session;
  }

  /** The live session of this id, touched; empty for an unknown or idle-expired one. */
  Optional<Session> find(String id) {
    if (id == null) {
      return Optional.empty();
    }
    Session session = sessions.get(id);
    if (session == null) {
      return Optional.empty();
    }
    if (session.lastSeen().plus(idleTimeout).isBefore(clock.instant())) {
      sessions.remove(id);
      return Optional.empty();
    }
    Session touched = new Session(session.id(), session.principal(), session.csrf(), clock.instant());
    sessions.put(id, touched);
    return Optional.of(touched);
  }

  void close(String id) {
    if (id != null) {
      sessions.remove(id);
    }
  }

  static String randomToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
