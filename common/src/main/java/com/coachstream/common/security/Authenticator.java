package com.coachstream.common.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a request's credentials into a {@link Principal}: an OIDC bearer JWT, an API token or a password of the
 * users file (HTTP Basic or the workspace's sign-in form, both rate limited), a service token of another
 * instance, or the ingest's legacy bearer token (a sender). Plain class: the HTTP glue passes header values.
 * Nothing here logs or returns a credential.
 */
public final class Authenticator {

  /** How authentication ended. */
  public enum Outcome { ANONYMOUS, SIGNED_IN, REJECTED, THROTTLED }

  /** The outcome and, when signed in, the caller. */
  public record Result(Outcome outcome, Optional<Principal> principal) {
    static final Result ANONYMOUS = new Result(Outcome.ANONYMOUS, Optional.empty());
    static final Result REJECTED = new Result(Outcome.REJECTED, Optional.empty());
    static final Result THROTTLED = new Result(Outcome.THROTTLED, Optional.empty());

    static Result of(Optional<Principal> principal) {
      return principal.map(p -> new Result(Outcome.SIGNED_IN, Optional.of(p))).orElse(REJECTED);
    }
  }

  private static final Principal LEGACY_SENDER = new Principal("ingest-token", EnumSet.of(Role.SENDER), Set.of(), null);

  private final UsersFile users;
  private final Optional<OidcTokens> oidc;
  private final ServiceTokens service;
  private final LoginThrottle throttle;
  private final TeamDirectory directory;
  /** The ingest's legacy shared token; compared as SHA-256 digests so neither content nor length leaks by timing. */
  private final String senderToken;

  public Authenticator(UsersFile users, Optional<OidcTokens> oidc, ServiceTokens service, LoginThrottle throttle,
      TeamDirectory directory, Optional<String> senderToken) {
    this.users = users;
    this.oidc = oidc;
    this.service = service;
    this.throttle = throttle;
    this.directory = directory;
    this.senderToken = senderToken.map(String::strip).filter(t -> !t.isEmpty()).orElse(null);
  }

  /** The same authenticator, finding supervisors' teams in {@code roster} too. */
  public Authenticator withDirectory(TeamDirectory roster) {
    return new Authenticator(users, oidc, service, throttle, roster, Optional.ofNullable(senderToken));
  }

  /**
   * Authenticates a request.
   *
   * @param authorization the Authorization header, or null
   * @param serviceToken the {@link ServiceTokens#HEADER} header, or null
   * @param address the client's address (for rate limiting)
   */
  public Result authenticate(String authorization, String serviceToken, String address) {
    if (serviceToken != null) {
      return Result.of(service.verify(serviceToken)); // the issuing instance already resolved the teams
    }
    if (authorization == null || authorization.isBlank()) {
      return Result.ANONYMOUS;
    }
    int space = authorization.indexOf(' ');
    String scheme = space < 0 ? authorization : authorization.substring(0, space);
    String value = space < 0 ? "" : authorization.substring(space + 1).trim();
    if (scheme.equalsIgnoreCase("Bearer") && !value.isEmpty()) {
      return withTeams(bearer(value));
    }
    if (scheme.equalsIgnoreCase("Basic")) {
      String decoded;
      try {
        decoded = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return Result.REJECTED;
      }
      int colon = decoded.indexOf(':');
      return colon < 0 ? Result.REJECTED : signIn(decoded.substring(0, colon), decoded.substring(colon + 1), address);
    }
    return Result.REJECTED;
  }

  /** A password sign-in (the workspace form or HTTP Basic): rate limited per user name and per address. */
  public Result signIn(String userId, String password, String address) {
    if (!throttle.allowed(userId, address)) {
      return Result.THROTTLED;
    }
    Optional<Principal> principal = users.byPassword(userId, password);
    if (principal.isEmpty()) {
      throttle.failed(userId, address);
    }
    return withTeams(Result.of(principal));
  }

  /** Whether any way to sign in is configured (else every request but the open ones is refused). */
  public boolean acceptsAnyone() {
    return !users.isEmpty() || oidc.isPresent() || senderToken != null;
  }

  /** A service token acting for {@code caller}, for a call to another instance. */
  public String serviceTokenFor(Principal caller) {
    return service.issue(caller);
  }

  private Result bearer(String token) {
    boolean looksLikeJwt = token.chars().filter(c -> c == '.').count() == 2;
    if (looksLikeJwt && oidc.isPresent()) {
      return Result.of(oidc.get().verify(token));
    }
    Optional<Principal> byToken = users.byToken(token);
    if (byToken.isPresent()) {
      return Result.of(byToken);
    }
    if (senderToken != null && MessageDigest.isEqual(
        UsersFile.tokenHash(senderToken).getBytes(StandardCharsets.US_ASCII),
        UsersFile.tokenHash(token).getBytes(StandardCharsets.US_ASCII))) {
      return Result.of(Optional.of(LEGACY_SENDER));
    }
    return Result.REJECTED;
  }

  /** The caller with the teams the roster names them supervisor of now (a long session sees roster changes). */
  public Principal withCurrentTeams(Principal caller) {
    return caller.has(Role.SUPERVISOR) ? caller.withTeams(directory.teamsSupervisedBy(caller.userId())) : caller;
  }

  private Result withTeams(Result result) {
    if (result.principal().isEmpty() || !result.principal().get().has(Role.SUPERVISOR)) {
      return result;
    }
    Principal caller = result.principal().get();
    return Result.of(Optional.of(caller.withTeams(directory.teamsSupervisedBy(caller.userId()))));
  }
}
