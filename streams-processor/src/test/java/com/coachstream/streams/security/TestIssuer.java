package com.coachstream.streams.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** An OpenID Connect issuer for tests: a real RSA key, its JWKS served over HTTP, and tokens good and bad. */
final class TestIssuer implements AutoCloseable {

  static final String ISSUER = "https://idp.test/realms/contact-center";
  static final String AUDIENCE = "coachstream";

  private final RSAKey key = generate();
  private final RSAKey attackerKey = generate();
  private final HttpServer server;

  TestIssuer() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
    byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
    server.createContext("/jwks.json", exchange -> {
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, jwks.length);
      try (var out = exchange.getResponseBody()) {
        out.write(jwks);
      }
    });
    server.start();
  }

  String jwksUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json";
  }

  String token(String subject, List<String> roles, List<String> teams) {
    return sign(key, claims(subject, roles, teams, AUDIENCE, Instant.now().plusSeconds(3600)));
  }

  String forged(String subject, List<String> roles) {
    return sign(attackerKey, claims(subject, roles, List.of(), AUDIENCE, Instant.now().plusSeconds(3600)));
  }

  String expired(String subject, List<String> roles) {
    return sign(key, claims(subject, roles, List.of(), AUDIENCE, Instant.now().minusSeconds(600)));
  }

  String wrongAudience(String subject, List<String> roles) {
    return sign(key, claims(subject, roles, List.of(), "another-app", Instant.now().plusSeconds(3600)));
  }

  String unsigned(String subject, List<String> roles) {
    return new PlainJWT(claims(subject, roles, List.of(), AUDIENCE, Instant.now().plusSeconds(3600))).serialize();
  }

  private static JWTClaimsSet claims(String subject, List<String> roles, List<String> teams, String audience,
      Instant expiry) {
    return new JWTClaimsSet.Builder().issuer(ISSUER).subject(subject).audience(audience)
        .expirationTime(Date.from(expiry)).claim("roles", roles).claim("teams", teams).build();
  }

  private static String sign(RSAKey key, JWTClaimsSet claims) {
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static RSAKey generate() {
    try {
      return new RSAKeyGenerator(2048).keyID("key-1").generate();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
