package com.coachstream.schemas.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Base64;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Where the schema registry is and how to reach it: its Confluent-compatible base URL (Apicurio's is
 * {@code http://host:8080/apis/ccompat/v7}), HTTP basic credentials ({@code user:password}) or a bearer
 * token, and a trust store for a registry whose certificate the JVM does not already trust.
 */
public record RegistryConnection(URI baseUrl, String basicUserInfo, String bearerToken,
    String truststoreLocation, String truststorePassword, String truststoreType) {

  public RegistryConnection {
    String url = baseUrl.toString();
    if (!url.startsWith("http://") && !url.startsWith("https://")) {
      throw new IllegalArgumentException("schema.registry.url must be an http:// or https:// URL, not '" + url + "'");
    }
    baseUrl = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    basicUserInfo = blankToEmpty(basicUserInfo);
    bearerToken = blankToEmpty(bearerToken);
    truststoreLocation = blankToEmpty(truststoreLocation);
    truststorePassword = blankToEmpty(truststorePassword);
    truststoreType = blankToEmpty(truststoreType).isEmpty() ? "PKCS12" : truststoreType;
  }

  /** A registry with no credentials and the JVM's own trust. */
  public static RegistryConnection of(String baseUrl) {
    return new RegistryConnection(URI.create(baseUrl), "", "", "", "", "");
  }

  /** The {@code Authorization} header value, if credentials are set (basic wins over a token if both are). */
  public Optional<String> authorization() {
    if (!basicUserInfo.isEmpty()) {
      return Optional.of("Basic " + Base64.getEncoder().encodeToString(basicUserInfo.getBytes(StandardCharsets.UTF_8)));
    }
    return bearerToken.isEmpty() ? Optional.empty() : Optional.of("Bearer " + bearerToken);
  }

  /** An SSL context trusting the configured trust store, if one is set. */
  public Optional<SSLContext> sslContext() {
    if (truststoreLocation.isEmpty()) {
      return Optional.empty();
    }
    try (InputStream in = Files.newInputStream(Path.of(truststoreLocation))) {
      KeyStore store = KeyStore.getInstance(truststoreType);
      store.load(in, truststorePassword.toCharArray());
      TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return Optional.of(context);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read schema.registry.ssl.truststore.location " + truststoreLocation, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("Unusable schema registry trust store " + truststoreLocation + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "RegistryConnection[" + baseUrl + (authorization().isPresent() ? ", with credentials" : "") + "]";
  }

  private static String blankToEmpty(String value) {
    return value == null ? "" : value.trim();
  }
}
