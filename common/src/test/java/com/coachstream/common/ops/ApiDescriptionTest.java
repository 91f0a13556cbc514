package com.coachstream.common.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ApiDescriptionTest {

  private final ApiDescription sample = ApiDescription.load("openapi/sample.yaml");

  @Test
  void listsEveryDocumentedOperation() {
    assertThat(sample.operations()).containsExactly(
        new Route("GET", "/things/{thingId}"), new Route("DELETE", "/things/{thingId}"),
        new Route("POST", "/others/{otherId}"));
  }

  @Test
  void namesRoutesServedButNotDocumentedAndTheOtherWayRound() {
    List<String> differences = sample.differencesFrom(List.of(
        new Route("GET", "/things/{thingId}"), new Route("DELETE", "/things/{thingId}"), new Route("GET", "/health")));
    assertThat(differences).containsExactly(
        "GET /health is served but not documented in openapi/sample.yaml",
        "POST /others/{otherId} is documented in openapi/sample.yaml but not served");
    assertThat(sample.differencesFrom(sample.operations())).isEmpty();
  }

  @Test
  void findsOperationsWithoutResponsesOrUndeclaredPathParameters() {
    assertThat(sample.problems()).containsExactly(
        "POST /others/{otherId} has no responses",
        "POST /others/{otherId} does not declare its path parameter 'otherId'");
  }

  @Test
  void aMissingDocumentIsAPackagingError() {
    assertThatThrownBy(() -> ApiDescription.load("openapi/none.yaml"))
        .hasMessageContaining("openapi/none.yaml is not on the class path");
  }
}
