package com.coachstream.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** OIDC tokens: a valid one names its caller; every kind of bad token is refused. */
class OidcTokensTest {

  private static final String ISSUER = "https://idp.example.com/realms/cc";
  private static final String AUDIENCE = "coachstream";

  private final RSAKey key = generate("k1");
  private final RSAKey attackerKey = generate("k1");
  private final OidcTokens tokens = new OidcTokens(ISSUER, AUDIENCE, new ImmutableJWKSet<>(new JWKSet(key.toPublicJWK())),
      OidcTokens.algorithms("RS256"), new OidcTokens.Claims("roles", "teams", "agent_id"));

  @Test
  void aValidTokenNamesItsCallerRolesTeamsAndAgent() throws Exception {
    String token = sign(key, claims(ISSUER, AUDIENCE, Instant.now().plusSeconds(300))
        .claim("roles", List.of("supervisor", "unknown-role")).claim("teams", List.of("team-a")).build());
    assertThat(tokens.verify(token)).get()
        .isEqualTo(new Principal("user-1", Set.of(Role.SUPERVISOR), Set.of("team-a"), null));
    String agent = sign(key, claims(ISSUER, AUDIENCE, Instant.now().plusSeconds(300))
        .claim("roles", "agent").claim("agent_id", "agent-7").build());
    assertThat(tokens.verify(agent)).get().extracting(Principal::agentId).isEqualTo("agent-7");
  }

  @Test
  void refusesForgedExpiredWrongAudienceWrongIssuerUnsignedAndHmacTokens() throws Exception {
    Instant later = Instant.now().plusSeconds(300);
    assertThat(tokens.verify(sign(attackerKey, claims(ISSUER, AUDIENCE, later).build()))).as("forged").isEmpty();
    assertThat(tokens.verify(sign(key, claims(ISSUER, AUDIENCE, Instant.now().minus(10, ChronoUnit.MINUTES)).build())))
        .as("expired").isEmpty();
    assertThat(tokens.verify(sign(key, claims(ISSUER, "other-app", later).build()))).as("audience").isEmpty();
    assertThat(tokens.verify(sign(key, claims("https://evil.example", AUDIENCE, later).build()))).as("issuer").isEmpty();
    assertThat(tokens.verify(new PlainJWT(claims(ISSUER, AUDIENCE, later).build()).serialize())).as("alg none").isEmpty();
    SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("k1").build(),
        claims(ISSUER, AUDIENCE, later).build());
    hmac.sign(new MACSigner(key.toPublicJWK().toRSAPublicKey().getEncoded()));
    assertThat(tokens.verify(hmac.serialize())).as("HS256 keyed with the public key").isEmpty();
    assertThat(tokens.verify("not.a.jwt")).isEmpty();
    assertThat(tokens.verify(sign(key, new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE)
        .expirationTime(Date.from(later)).build()))).as("no subject").isEmpty();
  }

  @Test
  void theAllowListTakesOnlyAsymmetricSignatures() {
    assertThat(OidcTokens.algorithms("RS256, ES256")).containsExactlyInAnyOrder(JWSAlgorithm.RS256, JWSAlgorithm.ES256);
    assertThatThrownBy(() -> OidcTokens.algorithms("HS256")).hasMessageContaining("HS256");
    assertThatThrownBy(() -> OidcTokens.algorithms("none")).hasMessageContaining("none");
  }

  private static JWTClaimsSet.Builder claims(String issuer, String audience, Instant expiry) {
    return new JWTClaimsSet.Builder().subject("user-1").issuer(issuer).audience(audience).expirationTime(Date.from(expiry));
  }

  private static String sign(RSAKey key, JWTClaimsSet claims) throws Exception {
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  private static RSAKey generate(String keyId) {
    try {
      return new RSAKeyGenerator(2048).keyID(keyId).generate();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
