package com.coachstream.kafka.local;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away certificate authority's worth of TLS material for a broker on localhost: a PKCS12 keystore
 * holding a self-signed certificate for {@code localhost}/{@code 127.0.0.1}, and a truststore holding that
 * certificate. Made with the JDK's {@code keytool}, so tests need no extra dependency.
 */
public record TlsMaterial(Path keystore, Path truststore, String password) {

  /** Generates fresh material in {@code dir}. */
  public static TlsMaterial generate(Path dir) {
    String password = UUID.randomUUID().toString().replace("-", "");
    Path keystore = dir.resolve("broker.p12");
    Path certificate = dir.resolve("broker.crt");
    Path truststore = dir.resolve("truststore.p12");
    keytool("-genkeypair", "-alias", "broker", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
        "-dname", "CN=localhost", "-ext", "SAN=DNS:localhost,IP:127.0.0.1",
        "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", password, "-keypass", password);
    keytool("-exportcert", "-alias", "broker", "-rfc", "-keystore", keystore.toString(), "-storepass", password,
        "-file", certificate.toString());
    keytool("-importcert", "-noprompt", "-alias", "broker", "-file", certificate.toString(),
        "-storetype", "PKCS12", "-keystore", truststore.toString(), "-storepass", password);
    return new TlsMaterial(keystore, truststore, password);
  }

  /** Kafka client properties for a client that trusts this broker. */
  public Map<String, String> clientProperties() {
    return Map.of(
        "security.protocol", "SSL",
        "ssl.truststore.location", truststore.toString(),
        "ssl.truststore.password", password,
        "ssl.truststore.type", "PKCS12");
  }

  /** Broker properties for an SSL listener with this material. */
  Map<String, String> brokerProperties() {
    return Map.of(
        "ssl.keystore.location", keystore.toString(),
        "ssl.keystore.password", password,
        "ssl.key.password", password,
        "ssl.keystore.type", "PKCS12",
        "ssl.truststore.location", truststore.toString(),
        "ssl.truststore.password", password,
        "ssl.truststore.type", "PKCS12");
  }

  private static void keytool(String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes());
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("keytool " + args[0] + " failed: " + output);
      }
    } catch (IOException e) {
      throw new IllegalStateException("Cannot run keytool: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
