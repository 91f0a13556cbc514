package com.coachstream.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class RegistryConnectionTest {

  @Test
  void aTrailingSlashIsDroppedSoPathsJoinCleanly() {
    assertThat(RegistryConnection.of("http://127.0.0.1:8080/apis/ccompat/v7/").baseUrl())
        .isEqualTo(URI.create("http://127.0.0.1:8080/apis/ccompat/v7"));
  }

  @Test
  void basicCredentialsWinOverABearerToken() {
    var both = new RegistryConnection(URI.create("https://r"), "alice:s3cret", "tok", "", "", "");
    assertThat(both.authorization()).contains("Basic YWxpY2U6czNjcmV0");
    var token = new RegistryConnection(URI.create("https://r"), " ", "tok", "", "", "");
    assertThat(token.authorization()).contains("Bearer tok");
    assertThat(RegistryConnection.of("http://r").authorization()).isEmpty();
  }

  @Test
  void credentialsAreNeverPrinted() {
    var conn = new RegistryConnection(URI.create("https://r"), "alice:s3cret", "", "", "", "");
    assertThat(conn.toString()).doesNotContain("s3cret").contains("with credentials");
  }

  @Test
  void onlyHttpUrlsAreAccepted() {
    assertThatThrownBy(() -> RegistryConnection.of("localhost:8080"))
        .hasMessageContaining("schema.registry.url must be an http:// or https:// URL");
  }

  @Test
  void aMissingTrustStoreFailsWithItsPath() {
    var conn = new RegistryConnection(URI.create("https://r"), "", "", "/nonexistent/trust.p12", "pw", "");
    assertThatThrownBy(conn::sslContext).hasMessageContaining("/nonexistent/trust.p12");
    assertThat(RegistryConnection.of("http://r").sslContext()).isEmpty();
  }
}
