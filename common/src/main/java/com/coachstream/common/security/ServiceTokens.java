package com.coachstream.common.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Service identity between CoachStream instances: a query forwarded to the instance holding an agent carries a
 * short-lived token (HS256 over a shared secret, sent in a header, never in a URL) naming this service and the
 * caller it acts for, so the receiving instance applies the caller's scope. Instances share the secret by
 * configuration; without one each process makes its own, which is enough for a single instance.
 */
public final class ServiceTokens {

  public static final String HEADER = "X-CoachStream-Service-Token";
  private static final String AUDIENCE = "coachstream-service";
  private static final Duration LIFETIME = Duration.ofSeconds(60);

  private final byte[] secret;
  private final Clock clock;

  public ServiceTokens(String secret, Clock clock) {
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
    if (this.secret.length < 32) {
      throw new IllegalArgumentException("the service secret must be at least 32 bytes long");
    }
    this.clock = clock;
  }

  /** A process-local secret, for a single instance with no configured secret. */
  public static ServiceTokens random(Clock clock) {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return new ServiceTokens(java.util.HexFormat.of().formatHex(bytes), clock);
  }

  /** A token saying "this service, acting for {@code caller}". */
  public String issue(Principal caller) {
    JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(caller.userId()).audience(AUDIENCE)
        .expirationTime(Date.from(clock.instant().plus(LIFETIME)))
        .claim("roles", caller.roles().stream().map(Role::label).toList())
        .claim("teams", List.copyOf(caller.teams())).claim("agentId", caller.agentId()).build();
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
      jwt.sign(new MACSigner(secret));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign a service token", e);
    }
  }

  /** The caller a valid, unexpired token acts for; empty otherwise. */
  public Optional<Principal> verify(String token) {
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(new MACVerifier(secret))) {
        return Optional.empty();
      }
      JWTClaimsSet claims = jwt.getJWTClaimsSet();
      if (claims.getExpirationTime() == null || !claims.getExpirationTime().toInstant().isAfter(clock.instant())
          || !claims.getAudience().contains(AUDIENCE)) {
        return Optional.empty();
      }
      Set<Role> roles = EnumSet.noneOf(Role.class);
      claims.getStringListClaim("roles").forEach(r -> Role.of(r).ifPresent(roles::add));
      return Optional.of(new Principal(claims.getSubject(), roles, Set.copyOf(claims.getStringListClaim("teams")),
          claims.getStringClaim("agentId")));
    } catch (Exception e) {
      return Optional.empty();
    }
  }
}
