package com.coachstream.producer.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachstream.schemas.validation.ReasonCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RejectsFileTest {

  @Test
  void aMessageQuotingHalfASurrogatePairIsWrittenEscaped(@TempDir Path dir) throws Exception {
    Path path = dir.resolve("rejects.jsonl");
    try (RejectsFile rejects = new RejectsFile(path)) {
      rejects.write(new Rejection("events.jsonl", 3, ReasonCode.INVALID_ID, "agentId: must be 1-64 characters, was '\uD800'"));
      rejects.write(new Rejection("events.jsonl", 7, ReasonCode.OUT_OF_RANGE, "csat: csat must be between 1 and 5, was 9"));
    }
    List<String> lines = Files.readAllLines(path);
    assertThat(lines).hasSize(2);
    JsonNode first = new ObjectMapper().readTree(lines.get(0));
    assertThat(first.get("line").asLong()).isEqualTo(3);
    assertThat(first.get("reason").asText()).isEqualTo("INVALID_ID");
    assertThat(first.get("message").asText()).endsWith("was '\uD800'");
  }
}
