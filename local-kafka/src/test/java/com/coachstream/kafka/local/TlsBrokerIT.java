package com.coachstream.kafka.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Tag("integration")
@Timeout(120)
class TlsBrokerIT {

  @Test
  void aClientThatTrustsTheGeneratedCertificateTalksTlsToTheBroker(@TempDir Path dir) throws Exception {
    TlsMaterial tls = TlsMaterial.generate(dir);
    try (LocalKafkaBroker broker = LocalKafkaBroker.startWithTls(tls)) {
      Properties props = new Properties();
      props.put("bootstrap.servers", broker.bootstrapServers());
      props.putAll(tls.clientProperties());
      try (Admin admin = Admin.create(props)) {
        admin.createTopics(List.of(new NewTopic("tls-check", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains("tls-check");
      }
      // The listener really is TLS: a plaintext client gets nowhere.
      Properties plaintext = new Properties();
      plaintext.put("bootstrap.servers", broker.bootstrapServers());
      plaintext.put("default.api.timeout.ms", "3000");
      plaintext.put("request.timeout.ms", "2000");
      try (Admin admin = Admin.create(plaintext)) {
        assertThatThrownBy(() -> admin.listTopics().names().get(10, TimeUnit.SECONDS))
            .isInstanceOf(java.util.concurrent.ExecutionException.class);
      }
    }
  }
}
