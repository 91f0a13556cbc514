package com.coachstream.kafka.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Which broker the integration tests use. Docker detection pings the engine directly with a one-second
 * budget, so a machine with only the Docker client (or nothing) decides at once and prints nothing.
 */
record BrokerChoice(KafkaTestBroker.Kind kind, String bootstrapServers, String description) {

  static final String BOOTSTRAP_ENV = "KAFKA_BOOTSTRAP_SERVERS";

  static BrokerChoice detect() {
    return detect(System.getenv());
  }

  static BrokerChoice detect(Map<String, String> env) {
    String external = env.get(BOOTSTRAP_ENV);
    if (external != null && !external.isBlank()) {
      return new BrokerChoice(KafkaTestBroker.Kind.EXTERNAL, external.trim(),
          "the external broker at " + external.trim() + " (" + BOOTSTRAP_ENV + ")");
    }
    if (dockerEngineAnswers(env.get("DOCKER_HOST"))) {
      return new BrokerChoice(KafkaTestBroker.Kind.TESTCONTAINERS, null, "a Testcontainers Kafka container (Docker engine found)");
    }
    return new BrokerChoice(KafkaTestBroker.Kind.LOCAL, null,
        "a local in-process KRaft broker (no " + BOOTSTRAP_ENV + ", no Docker engine)");
  }

  static boolean dockerEngineAnswers(String dockerHost) {
    CompletableFuture<Boolean> ping = CompletableFuture.supplyAsync(() -> ping(dockerHost));
    try {
      return ping.get(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (Exception e) {
      ping.cancel(true);
      return false;
    }
  }

  private static boolean ping(String dockerHost) {
    byte[] request = "GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    try {
      if (dockerHost == null || dockerHost.isBlank() || dockerHost.startsWith("unix://")) {
        Path socket = Path.of(dockerHost == null || dockerHost.isBlank() ? "/var/run/docker.sock" : dockerHost.substring(7));
        if (!Files.exists(socket)) {
          return false;
        }
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
          channel.write(ByteBuffer.wrap(request));
          ByteBuffer reply = ByteBuffer.allocate(256);
          channel.read(reply);
          return new String(reply.array(), 0, reply.position(), StandardCharsets.US_ASCII).contains(" 200 ");
        }
      }
      URI uri = URI.create(dockerHost);
      if (!"tcp".equals(uri.getScheme())) {
        return false;
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 1000);
        socket.getOutputStream().write(request);
        byte[] reply = socket.getInputStream().readNBytes(64);
        return new String(reply, StandardCharsets.US_ASCII).contains(" 200 ");
      }
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
