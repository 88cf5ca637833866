package org.editio.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a build recorded with an output is found by the output's path, exactly as written, also after a round trip. */
class ManifestTest {

  private static Manifest.Entry record(String path, String value) {
    return new Manifest.Entry(path, value, Manifest.RECORD);
  }

  @Test
  void recordsAreFoundByTheirOutputOnly(@TempDir Path dir) throws Exception {
    Manifest m = new Manifest(List.of(
        new Manifest.Entry("pdf/a.pdf", "r1", "file"),
        record("pdf/a.pdf#pages", "12"),
        record("pdf/a.pdf#ids", "x y"),
        record("pdf/a.pdf.old#pages", "9"),          // another output whose path starts alike
        new Manifest.Entry("pdf/a.pdf#other", "r2", "file"), // not a record row
        record("odd#name.pdf#pages", "3")));         // an output path with the separator in it
    assertEquals(Map.of("pages", "12", "ids", "x y"), m.record("pdf/a.pdf"));
    assertEquals(List.of("pdf/a.pdf#pages", "pdf/a.pdf#ids"), m.recordRows("pdf/a.pdf").stream().map(Manifest.Entry::path).toList());
    assertEquals(Map.of("pages", "9"), m.record("pdf/a.pdf.old"));
    assertEquals(Map.of(), m.record("pdf/b.pdf"));
    assertEquals(Map.of("pages", "3"), m.record("odd#name.pdf"));
    assertEquals(Map.of("name.pdf#pages", "3"), m.record("odd"));

    Path file = dir.resolve(Manifest.FILE);
    m.write(file);
    Manifest read = Manifest.read(dir);
    assertEquals(m.record("pdf/a.pdf"), read.record("pdf/a.pdf"));
    assertEquals(m.record("odd#name.pdf"), read.record("odd#name.pdf"));
  }
}
