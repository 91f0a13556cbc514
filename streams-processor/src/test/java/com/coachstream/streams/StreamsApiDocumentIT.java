package com.coachstream.streams;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachstream.common.config.Settings;
import com.coachstream.common.ops.ApiDescription;
import com.coachstream.kafka.local.KafkaBrokerExtension;
import com.coachstream.kafka.local.KafkaTestBroker;
import com.coachstream.schemas.topics.TopicNames;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streams processor's OpenAPI document describes exactly the routes a running instance registered: a route
 * added without documenting it, or a documented one that is gone, fails here. The instance serves the document.
 */
@Tag("integration")
@Timeout(120)
@ExtendWith(KafkaBrokerExtension.class)
class StreamsApiDocumentIT {

  @TempDir
  Path stateDir;

  @Test
  void theServedDocumentListsExactlyTheRegisteredRoutes(KafkaTestBroker broker) throws Exception {
    TopicNames names = StreamsTestInstances.createTopics(broker, "api", 1);
    Map<String, String> settings = StreamsTestInstances.settings(broker, names, broker.uniqueName("api-doc"), stateDir);
    ApiDescription description = ApiDescription.load(StreamsService.API_DOCUMENT);

    try (StreamsService service = StreamsService.start(Settings.of(settings))) {
      URI base = URI.create("http://127.0.0.1:" + service.opsPort());
      assertThat(description.mismatchesWithService(service.routes(), base)).isEmpty();
      assertThat(service.routes()).hasSizeGreaterThan(4);
    }
  }
}
