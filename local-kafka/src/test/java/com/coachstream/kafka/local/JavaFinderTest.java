package com.coachstream.kafka.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaFinderTest {

  @TempDir
  Path jdks;

  @Test
  void readsTheFeatureVersionOfAJdkFromItsReleaseFile() throws Exception {
    assertThat(JavaFinder.feature(jdk("temurin-25", "JAVA_VERSION=\"25.0.1\""))).isEqualTo(25);
    assertThat(JavaFinder.feature(jdk("openjdk-17", "JAVA_VERSION=\"17.0.13\""))).isEqualTo(17);
    assertThat(JavaFinder.feature(jdk("old", "JAVA_VERSION=\"1.8.0_392\""))).isEqualTo(8);
    assertThat(JavaFinder.feature(jdk("ea", "JAVA_VERSION=\"26-ea\""))).isEqualTo(26);
  }

  @Test
  void aHomeWithoutAReadableVersionCountsAsNone() throws Exception {
    assertThat(JavaFinder.feature(jdks.resolve("missing"))).isZero();
    assertThat(JavaFinder.feature(jdk("garbled", "JAVA_VERSION=\"banana\""))).isZero();
  }

  @Test
  void thisJvmIsChosenWhenItIsNewEnough() {
    assertThat(JavaFinder.atLeast(Runtime.version().feature()))
        .contains(Path.of(System.getProperty("java.home"), "bin", "java"));
  }

  private Path jdk(String name, String releaseLine) throws Exception {
    Path home = Files.createDirectories(jdks.resolve(name));
    Files.writeString(home.resolve("release"), releaseLine + "\n");
    return home;
  }
}
