package com.coachstream.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/** Data teams rely on it: a new schema version must read everything the released versions wrote. */
class SchemaCompatibilityTest {

  @Test
  void everyRecordTypeHasAReleasedVersion() {
    for (Class<? extends SpecificRecord> type : SchemaCatalog.RECORD_TYPES) {
      assertThat(SchemaCatalog.get().released(schema(type).getFullName()))
          .as("released versions of %s", type.getSimpleName()).isNotEmpty();
    }
  }

  @Test
  void currentSchemasAreBackwardCompatibleWithTheLastReleasedVersion() {
    for (Class<? extends SpecificRecord> type : SchemaCatalog.RECORD_TYPES) {
      Schema current = schema(type);
      List<Schema> released = SchemaCatalog.get().released(current.getFullName());
      Schema lastReleased = released.get(released.size() - 1);
      var result = SchemaCompatibility.checkReaderWriterCompatibility(current, lastReleased);
      assertThat(result.getType())
          .as("%s must read data written with the last released version: %s", type.getSimpleName(),
              result.getResult().getIncompatibilities())
          .isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
    }
  }

  @Test
  void theCompatibilityCheckCatchesABreakingChange() {
    // A new required field without a default cannot read old data: the guard must say so.
    Schema old = new Schema.Parser().parse(
        "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"}]}");
    Schema breaking = new Schema.Parser().parse(
        "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"},{\"name\":\"b\",\"type\":\"int\"}]}");
    assertThat(SchemaCompatibility.checkReaderWriterCompatibility(breaking, old).getType())
        .isEqualTo(SchemaCompatibility.SchemaCompatibilityType.INCOMPATIBLE);
  }

  @Test
  void everyFieldIsDocumentedForDataTeams() {
    for (Class<? extends SpecificRecord> type : SchemaCatalog.RECORD_TYPES) {
      assertDocumented(schema(type), type.getSimpleName());
    }
  }

  private static void assertDocumented(Schema schema, String path) {
    switch (schema.getType()) {
      case RECORD -> {
        assertThat(schema.getDoc()).as("doc of record %s", path).isNotBlank();
        for (Schema.Field field : schema.getFields()) {
          assertThat(field.doc()).as("doc of field %s.%s", path, field.name()).isNotBlank();
          assertDocumented(field.schema(), path + "." + field.name());
        }
      }
      case UNION -> schema.getTypes().forEach(s -> assertDocumented(s, path));
      case ARRAY -> assertDocumented(schema.getElementType(), path + "[]");
      case MAP -> assertDocumented(schema.getValueType(), path + "{}");
      default -> { }
    }
  }

  private static Schema schema(Class<? extends SpecificRecord> type) {
    return SpecificData.get().getSchema(type);
  }
}
