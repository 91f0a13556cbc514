package com.coachstream.kafka.local;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands each integration-test class one real schema registry ({@link LocalSchemaRegistry}), as a parameter;
 * it is started before the class's tests and stopped after them. Use beside {@link KafkaBrokerExtension}.
 */
public final class SchemaRegistryExtension implements BeforeAllCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SchemaRegistryExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    registry(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == LocalSchemaRegistry.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return registry(context);
  }

  private static LocalSchemaRegistry registry(ExtensionContext context) {
    return KafkaBrokerExtension.classContext(context).getStore(NAMESPACE)
        .getOrComputeIfAbsent("registry", key -> new Started(LocalSchemaRegistry.start(Path.of("target", "registry-logs"))), Started.class)
        .registry();
  }

  record Started(LocalSchemaRegistry registry) implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    @Override
    public void close() {
      registry.close();
    }
  }
}
