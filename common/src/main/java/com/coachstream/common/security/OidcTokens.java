package com.coachstream.common.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.net.URI;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Validates OpenID Connect ID/access tokens (signed JWTs) against the issuer's JWKS: signature with a key of the
 * JWKS and an algorithm of the allow-list (never {@code none}: unsigned tokens are refused by the processor),
 * issuer, audience, expiry and not-before (with the library's 60 s clock skew), and a subject. The caller's
 * roles, teams and agent id come from configurable claims.
 */
public final class OidcTokens {

  /** Where the caller's roles, teams and agent id are in a token. */
  public record Claims(String roles, String teams, String agentId) { }

  private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
  private final Claims claims;

  public OidcTokens(String issuer, String audience, JWKSource<SecurityContext> keys, Set<JWSAlgorithm> algorithms,
      Claims claims) {
    if (algorithms.isEmpty()) {
      throw new IllegalArgumentException("OIDC needs at least one signature algorithm");
    }
    this.claims = claims;
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithms, keys));
    processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(Set.of(audience),
        new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("sub", "exp", "iss", "aud"), Set.of()));
  }

  /** Fetches (and caches) the keys from the issuer's JWKS URL. */
  public static OidcTokens fromJwksUrl(String issuer, String audience, String jwksUrl, String algorithms,
      Claims claims) {
    try {
      return new OidcTokens(issuer, audience, JWKSourceBuilder.create(URI.create(jwksUrl).toURL()).build(),
          algorithms(algorithms), claims);
    } catch (MalformedURLException | IllegalArgumentException e) {
      throw new IllegalArgumentException("OIDC JWKS URL is not a URL: " + jwksUrl, e);
    }
  }

  /** Parses a comma-separated allow-list such as {@code RS256,ES256}; {@code none} and HMAC are refused. */
  public static Set<JWSAlgorithm> algorithms(String list) {
    Set<JWSAlgorithm> result = new LinkedHashSet<>();
    for (String name : list.split(",")) {
      JWSAlgorithm alg = JWSAlgorithm.parse(name.trim());
      if (!JWSAlgorithm.Family.SIGNATURE.contains(alg)) {
        throw new IllegalArgumentException("OIDC algorithm " + name.trim() + " is not an asymmetric signature algorithm");
      }
      result.add(alg);
    }
    return Set.copyOf(result);
  }

  /** The caller the token names, or empty when the token is not valid for this service (reason not exposed). */
  public Optional<Principal> verify(String token) {
    try {
      JWTClaimsSet set = processor.process(token, null);
      Set<Role> roles = EnumSet.noneOf(Role.class);
      strings(set, claims.roles()).forEach(r -> Role.of(r).ifPresent(roles::add));
      String agentId = set.getClaim(claims.agentId()) instanceof String s ? s : null;
      return Optional.of(new Principal(set.getSubject(), roles, Set.copyOf(strings(set, claims.teams())), agentId));
    } catch (Exception e) {
      // ParseException, BadJOSEException, JOSEException: all mean "not a token we accept"
      return Optional.empty();
    }
  }

  private static List<String> strings(JWTClaimsSet set, String name) {
    Object value = set.getClaim(name);
    if (value instanceof List<?> list) {
      return list.stream().map(String::valueOf).collect(Collectors.toList());
    }
    return value instanceof String s ? List.of(s.split("[ ,]+")) : List.of();
  }
}
