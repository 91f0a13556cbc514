package com.coachstream.producer.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachstream.common.config.Settings;
import com.coachstream.common.ops.ApiDescription;
import com.coachstream.kafka.local.KafkaBrokerExtension;
import com.coachstream.kafka.local.KafkaTestBroker;
import com.coachstream.schemas.topics.TopicNames;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The ingest service's OpenAPI document describes exactly the routes {@code produce serve} registered: a route
 * added without documenting it, or a documented one that is gone, fails here. The server serves the document.
 */
@Tag("integration")
@Timeout(60)
@ExtendWith(KafkaBrokerExtension.class)
class IngestApiDocumentIT {

  @Test
  void theServedDocumentListsExactlyTheRegisteredRoutes(KafkaTestBroker broker) throws Exception {
    TopicNames names = TopicNames.DEFAULTS.withPrefix(broker.uniqueName("api") + ".");
    Map<String, String> settings = new HashMap<>(names.asMap());
    settings.put("bootstrap.servers", broker.bootstrapServers());
    settings.put(IngestServer.HOST, "127.0.0.1");
    settings.put(IngestServer.PORT, "0");
    ApiDescription description = ApiDescription.load(IngestServer.API_DOCUMENT);

    try (IngestServer server = IngestServer.start(Settings.of(settings))) {
      URI base = URI.create("http://127.0.0.1:" + server.port());
      assertThat(description.mismatchesWithService(server.routes(), base)).isEmpty();
      assertThat(server.routes()).hasSizeGreaterThan(4);
    }
  }
}
