package com.coachstream.streams.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrashedLocalStateTest {

  @TempDir
  Path app;

  private Path taskWithStore(String name) throws IOException {
    Path task = Files.createDirectories(app.resolve(name));
    Path store = Files.createDirectories(task.resolve("rocksdb").resolve("agent-state-store"));
    Files.writeString(store.resolve("000012.sst"), "data");
    return task;
  }

  @Test
  void afterACleanStopTheStoresAreKept() throws IOException {
    Path task = taskWithStore("0_3");
    assertThat(CrashedLocalState.beforeStart(app)).isEmpty(); // first start
    CrashedLocalState.stoppedCleanly(app);

    assertThat(CrashedLocalState.beforeStart(app)).isEmpty();
    assertThat(task.resolve("rocksdb").resolve("agent-state-store").resolve("000012.sst")).exists();
    assertThat(app.resolve(CrashedLocalState.RUNNING_MARKER)).exists();
  }

  @Test
  void afterARunThatDidNotStopCleanlyEveryTaskWithStoresIsDeletedAndNothingElse() throws IOException {
    assertThat(CrashedLocalState.beforeStart(app)).isEmpty();
    Path crashed = taskWithStore("0_3");
    Path crashedToo = taskWithStore("2_11");
    Path inMemoryOnly = Files.createDirectories(app.resolve("3_1"));
    Path global = Files.createDirectories(app.resolve("global").resolve("rocksdb").resolve("rules"));
    Files.writeString(global.resolve("000001.sst"), "data");
    Path notATask = Files.createDirectories(app.resolve("backup").resolve("rocksdb"));
    Path processFile = Files.writeString(app.resolve("kafka-streams-process-metadata"), "{}");
    // killed: no stoppedCleanly

    assertThat(CrashedLocalState.beforeStart(app)).containsExactly("0_3", "2_11");

    assertThat(crashed).doesNotExist();
    assertThat(crashedToo).doesNotExist();
    assertThat(inMemoryOnly).exists();
    assertThat(global.resolve("000001.sst")).exists();
    assertThat(notATask).exists();
    assertThat(processFile).exists();
    assertThat(app.resolve(CrashedLocalState.RUNNING_MARKER)).exists();
  }

  @Test
  void deletesNothingWhileAnotherInstanceHoldsTheStateDirectory() throws IOException {
    CrashedLocalState.beforeStart(app);
    Path crashed = taskWithStore("0_3");
    try (FileChannel channel = FileChannel.open(app.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock held = channel.lock()) {
      assertThat(CrashedLocalState.beforeStart(app)).isEmpty();
    }
    assertThat(crashed).exists();
    assertThat(CrashedLocalState.beforeStart(app)).containsExactly("0_3");
  }

  @Test
  void aFirstStartCreatesTheDirectoryAndDeletesNothing() {
    Path fresh = app.resolve("never-started");
    assertThat(CrashedLocalState.beforeStart(fresh)).isEmpty();
    assertThat(fresh.resolve(CrashedLocalState.RUNNING_MARKER)).exists();
  }
}
