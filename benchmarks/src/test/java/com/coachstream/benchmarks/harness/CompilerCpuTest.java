package com.coachstream.benchmarks.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CompilerCpuTest {

  @Test
  void readsTheCompilerThreadsCpuFromProc() {
    assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux's /proc");
    // a JVM that has loaded JUnit and AssertJ has compiled a good deal already: its compilers used CPU
    double before = CompilerCpu.seconds();
    assertThat(before).isPositive();
    assertThat(CompilerCpu.seconds()).isGreaterThanOrEqualTo(before);
  }

  @Test
  void saysWhatTheCompilersTookOfASpan() {
    assertThat(CompilerCpu.share(1.25, 3.5, 9.0)).isEqualTo("JIT compilers 2.3 CPU s of its 9.0");
    assertThat(CompilerCpu.share(-1, -1, 9.0)).isEqualTo("the JIT compilers' CPU is not known here (no /proc)");
  }
}
