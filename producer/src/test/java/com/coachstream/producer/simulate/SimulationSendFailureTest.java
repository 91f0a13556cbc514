package com.coachstream.producer.simulate;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.coachstream.common.config.Settings;
import com.coachstream.producer.CoachStreamProducer;
import com.coachstream.producer.SendFailedException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * When Kafka stays away longer than the producer waits, the simulator stops with the producer's clear error
 * ({@link SendFailedException}: "did not answer in time ... is the broker running"). Found by the system
 * tests' broker restart: {@code ProducerSink.close()} used to rethrow the very exception {@code accept()}
 * had thrown, so the try-with-resources in {@code Simulation.run} called {@code e.addSuppressed(e)} and the
 * user got "IllegalArgumentException: Self-suppression not permitted" instead. No broker needed: nothing
 * listens on the port.
 */
@Timeout(60)
class SimulationSendFailureTest {

  @Test
  void aBrokerThatDoesNotAnswerStopsTheSimulationWithTheProducersError() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    SimulationConfig config = SimulationConfig.builder().seed(1).agents(2).teams(1).days(2).end(Instant.now()).build();
    try (CoachStreamProducer producer = CoachStreamProducer.create(Settings.of(Map.of(
        "bootstrap.servers", "127.0.0.1:" + closedPort, "kafka.max.block.ms", "500")))) {
      assertThatThrownBy(() -> Simulation.run(config, producer, (n, t, f) -> { }))
          .isInstanceOf(SendFailedException.class)
          .hasMessageContaining("did not answer in time");
    }
  }
}
