package org.editio.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import net.sf.saxon.s9api.XdmValue;
import net.sf.saxon.s9api.Xslt30Transformer;
import org.editio.TestFiles;
import org.editio.edition.Edition;
import org.editio.edition.EditionLoader;
import org.editio.edition.TeiDocument;
import org.editio.xml.Xml;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The search-index workers: a worker kept between builds (as editio serve keeps it) writes the
 * same index for the same documents every time, and a failure is a clear error after which the
 * workers start again.
 */
@Tag("slow")
class SearchIndexTest {

  @Test
  void aWarmWorkerWritesTheSameIndexEveryTime(@TempDir Path dir) throws Exception {
    Xml xml = new Xml();
    Edition edition = new EditionLoader(xml).load(TestFiles.EDITION);
    Path json = dir.resolve("documents.json");
    Xslt30Transformer t = Xml.transformer(xml.stylesheet("html/search-data.xsl"));
    t.setStylesheetParameters(edition.stylesheetParams()
        .put("documents", new XdmValue(edition.documents().stream().map(TeiDocument::tree).toList())).asMap());
    t.callTemplate(null, t.newSerializer(json.toFile()));

    Set<String> indexes = new HashSet<>();
    try (SearchIndex index = new SearchIndex()) {
      for (int i = 0; i < 6; i++) {
        Path script = dir.resolve("index-" + i + ".js");
        index.write(Map.of(json, script));
        indexes.add(Files.readString(script));
      }
    }
    assertEquals(1, indexes.size(), "six builds of the same documents, one index");
    String script = indexes.iterator().next();
    assertTrue(script.startsWith("(window.EDITIO_SEARCH = window.EDITIO_SEARCH || { shards: [] }).shards.push({\"index\":"));
    assertTrue(script.contains("\"breakfast\""), "the seed's words are indexed");
  }

  @Test
  void aFailureIsAClearErrorAndTheWorkersStartAgain(@TempDir Path dir) throws Exception {
    try (SearchIndex index = new SearchIndex()) {
      IOException e = assertThrows(IOException.class,
          () -> index.write(Map.of(dir.resolve("missing.json"), dir.resolve("out.js"))));
      assertTrue(e.getMessage().startsWith("the search index cannot be built: ") && e.getMessage().contains("missing.json"),
          e.getMessage());

      Path json = dir.resolve("one.json");
      Files.writeString(json, "[{\"id\":\"d1\",\"title\":\"A title\",\"date\":\"\",\"text\":\"An unusual zeugma here.\"}]");
      index.write(Map.of(json, dir.resolve("out.js")));
      assertTrue(Files.readString(dir.resolve("out.js")).contains("\"zeugma\""));
    }
  }
}
