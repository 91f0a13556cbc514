package com.coachstream.kafka.local;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each integration-test class a real Kafka broker, as a {@link KafkaTestBroker} parameter.
 *
 * <p>Chooses, in this order: the broker in {@code KAFKA_BOOTSTRAP_SERVERS} if set; a Testcontainers Kafka
 * container if a Docker engine answers; otherwise a {@link LocalKafkaBroker} in this JVM. The broker lives as
 * long as the test class and is stopped after it.
 */
public final class KafkaBrokerExtension implements BeforeAllCallback, ParameterResolver {

  private static final Logger log = LoggerFactory.getLogger(KafkaBrokerExtension.class);
  private static final AtomicBoolean choiceLogged = new AtomicBoolean();
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(KafkaBrokerExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    broker(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == KafkaTestBroker.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return broker(context);
  }

  private static KafkaTestBroker broker(ExtensionContext context) {
    // One broker per test class: resolve from the class's context, also when asked for by a test method.
    return classContext(context).getStore(NAMESPACE)
        .getOrComputeIfAbsent("broker", key -> startBroker(), StartedBroker.class)
        .broker();
  }

  /** The test class's context, also from a test method's: what lives as long as the class is stored there. */
  static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext classContext = context;
    while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
      classContext = classContext.getParent().get();
    }
    return classContext;
  }

  private static StartedBroker startBroker() {
    BrokerChoice choice = BrokerChoice.detect();
    if (choiceLogged.compareAndSet(false, true)) {
      log.info("Integration tests use {}", choice.description());
    }
    return switch (choice.kind()) {
      case EXTERNAL -> new StartedBroker(new FixedBroker(choice.bootstrapServers(), KafkaTestBroker.Kind.EXTERNAL), () -> { });
      case TESTCONTAINERS -> ContainerBroker.start();
      case LOCAL -> {
        LocalKafkaBroker local = LocalKafkaBroker.start();
        log.info("Local broker started in {} ms", local.startTime().toMillis());
        yield new StartedBroker(new FixedBroker(local.bootstrapServers(), KafkaTestBroker.Kind.LOCAL), local::close);
      }
    };
  }

  record FixedBroker(String bootstrapServers, Kind kind) implements KafkaTestBroker { }

  /** A started broker and how to stop it; JUnit closes it when the test class's store is closed. */
  record StartedBroker(KafkaTestBroker broker, Runnable stopper)
      implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    @Override
    public void close() {
      stopper.run();
    }
  }
}
