package com.coachstream.notifier.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachstream.common.config.Settings;
import com.coachstream.common.ops.ApiDescription;
import com.coachstream.kafka.local.KafkaBrokerExtension;
import com.coachstream.kafka.local.KafkaTestBroker;
import com.coachstream.notifier.NotifierService;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The notifier's OpenAPI document describes exactly the routes a running notifier registered: a route added
 * without documenting it, or a documented one that is gone, fails here. The notifier serves the document.
 */
@Tag("integration")
@Timeout(90)
@ExtendWith(KafkaBrokerExtension.class)
class NotifierApiDocumentIT {

  @Test
  void theServedDocumentListsExactlyTheRegisteredRoutes(KafkaTestBroker broker) throws Exception {
    ApiDescription description = ApiDescription.load(NotifierService.API_DOCUMENT);
    try (var kit = new NotifierTestKit(broker);
         var notifier = NotifierService.start(Settings.of(kit.settings(Map.of("routes.default", "log"))))) {
      URI base = URI.create("http://127.0.0.1:" + notifier.opsPort());
      assertThat(description.mismatchesWithService(notifier.routes(), base)).isEmpty();
      assertThat(notifier.routes()).hasSizeGreaterThan(3);
    }
  }
}
