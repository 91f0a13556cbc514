package com.coachstream.producer.http;

import com.sun.net.httpserver.HttpExchange;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The optional shared secret of the ingest endpoint. Compared in constant time over SHA-256 digests, so
 * neither the token's content nor its length leaks through response timing.
 */
final class BearerToken {

  private final byte[] expectedDigest;

  private BearerToken(String token) {
    this.expectedDigest = token == null ? null : sha256(token);
  }

  /** A token check; a null or blank token means the endpoint is open. */
  static BearerToken of(String token) {
    return new BearerToken(token == null || token.isBlank() ? null : token.strip());
  }

  boolean required() {
    return expectedDigest != null;
  }

  boolean admits(HttpExchange exchange) {
    return admits(exchange.getRequestHeaders().getFirst("Authorization"));
  }

  boolean admits(String authorizationHeader) {
    if (expectedDigest == null) {
      return true;
    }
    if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    return MessageDigest.isEqual(expectedDigest, sha256(authorizationHeader.substring(7).strip()));
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
