package com.coachstream.common.security;

import com.coachstream.common.config.ConfigException;
import com.coachstream.common.config.Settings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** Builds the authenticator and the access policy of a service from its {@code security.*} settings. */
public final class SecuritySettings {

  public static final String USERS_FILE = "security.users-file";
  public static final String OIDC_ISSUER = "security.oidc.issuer";
  public static final String OIDC_JWKS_URL = "security.oidc.jwks-url";
  public static final String OIDC_AUDIENCE = "security.oidc.audience";
  public static final String OIDC_ALGORITHMS = "security.oidc.algorithms";
  public static final String OIDC_ROLES_CLAIM = "security.oidc.roles-claim";
  public static final String OIDC_TEAMS_CLAIM = "security.oidc.teams-claim";
  public static final String OIDC_AGENT_CLAIM = "security.oidc.agent-claim";
  public static final String SERVICE_SECRET = "security.service-secret";
  public static final String METRICS_OPEN = "security.metrics-open";
  public static final String LOGIN_MAX_FAILURES = "security.login.max-failures";
  public static final String LOGIN_WINDOW = "security.login.window";

  private SecuritySettings() { }

  public static AccessPolicy policy(Settings settings) {
    return new AccessPolicy(settings.bool(METRICS_OPEN, true));
  }

  /** The authenticator; {@code senderToken} is the ingest's legacy shared bearer token, if any. */
  public static Authenticator authenticator(Settings settings, Optional<String> senderToken) {
    Clock clock = Clock.systemUTC();
    String usersFile = settings.string(USERS_FILE, "");
    UsersFile users;
    try {
      users = usersFile.isBlank() ? UsersFile.empty() : UsersFile.load(Path.of(usersFile));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(USERS_FILE + ": " + e.getMessage());
    }
    String secret = settings.string(SERVICE_SECRET, "");
    ServiceTokens service;
    try {
      service = secret.isEmpty() ? ServiceTokens.random(clock) : new ServiceTokens(secret, clock);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(SERVICE_SECRET + ": " + e.getMessage());
    }
    LoginThrottle throttle = new LoginThrottle(settings.intValue(LOGIN_MAX_FAILURES, 5),
        settings.duration(LOGIN_WINDOW, Duration.ofMinutes(15)), clock);
    return new Authenticator(users, oidc(settings), service, throttle, TeamDirectory.NONE, senderToken);
  }

  private static Optional<OidcTokens> oidc(Settings settings) {
    // every OIDC setting is read, used or not, so a misplaced one is still checked like any other
    String issuer = settings.string(OIDC_ISSUER, "");
    String jwks = settings.string(OIDC_JWKS_URL, "");
    String audience = settings.string(OIDC_AUDIENCE, "");
    String algorithms = settings.string(OIDC_ALGORITHMS, "RS256,ES256");
    OidcTokens.Claims claims = new OidcTokens.Claims(settings.string(OIDC_ROLES_CLAIM, "roles"),
        settings.string(OIDC_TEAMS_CLAIM, "teams"), settings.string(OIDC_AGENT_CLAIM, "agent_id"));
    if (issuer.isBlank()) {
      return Optional.empty();
    }
    if (jwks.isBlank() || audience.isBlank()) {
      throw new ConfigException(OIDC_ISSUER + " needs " + OIDC_JWKS_URL + " and " + OIDC_AUDIENCE + " too");
    }
    try {
      return Optional.of(OidcTokens.fromJwksUrl(issuer, audience, jwks, algorithms, claims));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage());
    }
  }
}
