package com.coachstream.kafka.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Finds a Java runtime of at least a given feature version for a child program that needs a newer Java than
 * the build's: this JVM if it is new enough, else the newest JDK under {@code /usr/lib/jvm} (or
 * {@code coachstream.jvm.dir}), read from each JDK's {@code release} file.
 */
final class JavaFinder {

  private JavaFinder() { }

  static Optional<Path> atLeast(int feature) {
    if (Runtime.version().feature() >= feature) {
      return Optional.of(Path.of(System.getProperty("java.home"), "bin", "java"));
    }
    Path root = Path.of(System.getProperty("coachstream.jvm.dir", "/usr/lib/jvm"));
    if (!Files.isDirectory(root)) {
      return Optional.empty();
    }
    try (Stream<Path> homes = Files.list(root)) {
      return homes.filter(home -> Files.isExecutable(home.resolve("bin/java")))
          .filter(home -> feature(home) >= feature)
          .max(Comparator.comparingInt(JavaFinder::feature))
          .map(home -> home.resolve("bin/java"));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The feature version in a JDK's {@code release} file ({@code JAVA_VERSION="25.0.1"} is 25), or 0. */
  static int feature(Path home) {
    Path release = home.resolve("release");
    if (!Files.isRegularFile(release)) {
      return 0;
    }
    try (InputStream in = Files.newInputStream(release)) {
      Properties props = new Properties();
      props.load(in);
      String version = props.getProperty("JAVA_VERSION", "").replace("\"", "");
      String major = version.startsWith("1.") ? version.substring(2) : version;
      return Integer.parseInt(major.split("[.+-]")[0]);
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
  }
}
