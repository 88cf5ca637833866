package org.editio.cli;

import static org.editio.cli.CliTest.editio;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.editio.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code editio import} on the command line: exit codes as the README says (0, 1 input errors, 2
 * usage or I/O), messages as {@code file:line:col: severity: message [rule]}, no stack trace, no
 * half-written output; and {@code editio validate} of what it wrote, three ways.
 */
class ImportCommandTest {

  static final Path PAGES = TestFiles.FIXTURES.resolve("pages");

  static Path edition(Path dir) throws Exception {
    Files.createDirectories(dir.resolve("schema"));
    Files.copy(TestFiles.EDITION.resolve("edition.xml"), dir.resolve("edition.xml"));
    Files.copy(TestFiles.EDITION.resolve("schema/editio.rnc"), dir.resolve("schema/editio.rnc"));
    return dir;
  }

  static List<String> files(Path dir) throws Exception {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void aPageThatCannotBeDatedIsImportedWithExitCode0AndValidates(@TempDir Path dir) throws Exception {
    Path edition = edition(dir);
    CliTest.Run r = editio("import", PAGES.resolve("undatable.txt").toString(), "-o", edition.resolve("documents").toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().matches("(?s).*undatable\\.txt:11:1: warning: document 1 of the page \\(dundated-aralov\\) has no legible year.*\\[import\\].*"),
        r.err());
    assertEquals(List.of("dundated-aralov.xml"), files(edition.resolve("documents")));
    for (Path target : new Path[] {edition, edition.resolve("documents"), edition.resolve("documents/dundated-aralov.xml")}) {
      CliTest.Run v = editio("validate", target.toString());
      assertEquals(0, v.code(), target + ": " + v.err());
      assertTrue(v.err().contains(", 0 errors, 0 warnings"), v.err());
    }
  }

  @Test
  void thePercentEncodedUrlGivesTheYear(@TempDir Path dir) throws Exception {
    Path edition = edition(dir);
    CliTest.Run r = editio("import", PAGES.resolve("bracketed-date.txt").toString(), "-o", edition.resolve("documents").toString(),
        "--url", "https://marxistleninists.org/Soviet%20Archives/Foreign%20Policy/august%2010%201941.htm");
    assertEquals(0, r.code(), r.err());
    assertEquals(List.of("d1941-08-10-other.xml"), files(edition.resolve("documents")));
  }

  @Test
  void badPagesAreExitCode1WithLocatedMessagesAndTheOthersAreImported(@TempDir Path dir) throws Exception {
    Path edition = edition(dir);
    CliTest.Run r = editio("import", PAGES.resolve("bad/no-document.txt").toString(), PAGES.resolve("dot-lines.txt").toString(),
        "-o", edition.resolve("documents").toString());
    assertEquals(1, r.code(), r.err());
    assertTrue(r.err().matches("(?s).*no-document\\.txt:\\d+:\\d+: error: no recognisable document on the page.*"), r.err());
    assertFalse(r.err().contains("\tat "), "no stack trace");
    assertEquals(List.of("d1940-06-24-lavrentyev.xml", "d1940-06-26-molotov.xml"), files(edition.resolve("documents")));
  }

  @Test
  void aDocumentInvalidInItsEditionIsExitCode1AndNothingIsWritten(@TempDir Path dir) throws Exception {
    Path edition = edition(dir);
    Files.writeString(edition.resolve("edition.xml"), Files.readString(edition.resolve("edition.xml"))
        .replace("<category xml:id=\"type-telegram\"><catDesc>telegram</catDesc></category>", ""));
    CliTest.Run r = editio("import", PAGES.resolve("dot-lines.txt").toString(), "-o", edition.resolve("documents").toString());
    assertEquals(1, r.code(), r.err());
    assertTrue(r.err().matches("(?s).*dot-lines\\.txt:11:1: error: the TEI made for d1940-06-24-lavrentyev\\.xml would not be valid"
        + " in the edition .*nothing written for this page \\[import-valid\\].*"), r.err());
    assertEquals(List.of(), files(edition.resolve("documents")));
  }

  @Test
  void anUnwritableOutputIsExitCode2AndLeavesNothingBehind(@TempDir Path dir) throws Exception {
    Path blocked = Files.writeString(dir.resolve("not-a-folder"), "a file where the output folder should be");
    CliTest.Run r = editio("import", PAGES.resolve("dot-lines.txt").toString(), "-o", blocked.resolve("documents").toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("error: cannot write"), r.err());
    assertFalse(r.err().contains("\tat "), "no stack trace");
    assertEquals(List.of("not-a-folder"), files(dir));
    assertEquals("a file where the output folder should be", Files.readString(blocked));
  }
}
