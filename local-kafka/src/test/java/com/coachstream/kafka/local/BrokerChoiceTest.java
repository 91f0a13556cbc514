package com.coachstream.kafka.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BrokerChoiceTest {

  @Test
  void externalBootstrapServersWinOverEverything() {
    BrokerChoice choice = BrokerChoice.detect(Map.of("KAFKA_BOOTSTRAP_SERVERS", " broker:9092 ", "DOCKER_HOST", "tcp://127.0.0.1:1"));
    assertThat(choice.kind()).isEqualTo(KafkaTestBroker.Kind.EXTERNAL);
    assertThat(choice.bootstrapServers()).isEqualTo("broker:9092");
  }

  @Test
  void withoutADockerEngineTheLocalBrokerIsChosenQuickly() {
    long began = System.nanoTime();
    BrokerChoice choice = BrokerChoice.detect(Map.of("DOCKER_HOST", "unix:///nonexistent/docker.sock"));
    assertThat(choice.kind()).isEqualTo(KafkaTestBroker.Kind.LOCAL);
    // Not a speed assertion: the detection has a hard one-second budget, this only checks it is honoured.
    assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void aDockerHostThatDoesNotAnswerIsNotADockerEngine() {
    assertThat(BrokerChoice.dockerEngineAnswers("tcp://127.0.0.1:1")).isFalse();
    assertThat(BrokerChoice.dockerEngineAnswers("ssh://somewhere")).isFalse();
  }
}
