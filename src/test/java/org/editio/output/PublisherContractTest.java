package org.editio.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.editio.Digest;
import org.editio.EditioException;
import org.editio.TestFiles;
import org.editio.build.Builder;
import org.editio.edition.TeiDocument;
import org.editio.html.HtmlPublisher;
import org.editio.output.Run.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What adding an output takes: one {@link Publisher}, given to the builder (editio's own are
 * listed in {@code build/Outputs}). Here a word count, {@code OUT/words.tsv}: a file of its own as
 * its part, selected by name, reused when nothing it is made from changed, staged and committed
 * as the HTML edition is.
 */
class PublisherContractTest {

  /** An output of one file: each document's id and how many words its text has. */
  static final class Words implements Publisher {
    int made;

    @Override
    public String name() {
      return "words";
    }

    @Override
    public String part() {
      return "words.tsv";
    }

    @Override
    public String stylesheet() {
      return null;
    }

    @Override
    public String entry(OutputLayout layout) {
      return part();
    }

    @Override
    public void publish(Run run) throws EditioException {
      Digest recipe = run.recipe(null);
      run.edition().documents().forEach(d -> recipe.add(d.id(), d.digest()));
      run.render("words", List.of(new Target(part(), recipe.hex(), file -> {
        made++;
        String rows = run.edition().documents().stream().map(d -> d.id() + "\t" + TestFiles.teiWords(d.tree()).size())
            .collect(Collectors.joining("\n", "", "\n"));
        try {
          Files.writeString(file, rows);
        } catch (IOException e) {
          throw EditioException.io(file, e.getMessage());
        }
      })));
    }
  }

  @Test
  void anOutputIsOneClass(@TempDir Path dir) throws Exception {
    Path edition = dir.resolve("edition");
    org.editio.build.Generator.generate(TestFiles.EDITION, 3, edition);
    Path out = dir.resolve("out");
    Words words = new Words();
    try (Builder builder = new Builder(List.of(new HtmlPublisher(), words))) {
      Builder.Result first = builder.build(edition, out, "words");
      assertEquals(List.of("words"), first.outputs().stream().map(Publisher::name).toList());
      List<String> rows = Files.readAllLines(out.resolve("words.tsv"));
      assertEquals(3, rows.size());
      TeiDocument doc = first.edition().documents().get(0);
      assertEquals(doc.id() + "\t" + TestFiles.teiWords(doc.tree()).size(), rows.get(0));
      assertTrue(Files.notExists(out.resolve("html")), "only the output asked for");

      // nothing changed: the file is the previous build's; the HTML edition comes beside it
      builder.build(edition, out, "html", "words");
      assertEquals(1, words.made);
      assertTrue(Files.exists(out.resolve("html/index.html")));
      assertEquals(rows, Files.readAllLines(out.resolve("words.tsv")));

      // an html-only build keeps the file; a changed document makes it again
      builder.build(edition, out, "html");
      assertEquals(rows, Files.readAllLines(out.resolve("words.tsv")));
      Path changed = Files.list(edition.resolve("documents")).sorted().findFirst().orElseThrow();
      Files.writeString(changed, Files.readString(changed).replaceFirst("<p>", "<p>Three more words. "));
      builder.build(edition, out, "words");
      assertEquals(2, words.made);

      EditioException unknown = assertThrows(EditioException.class, () -> builder.build(edition, out, "epub"));
      assertEquals(EditioException.USAGE_OR_IO, unknown.exitCode());
      assertTrue(unknown.getMessage().contains("unknown output 'epub': editio publishes html, words"), unknown.getMessage());
    }
  }
}
