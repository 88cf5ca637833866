package org.editio.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.editio.build.Builder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loose TEI (no edition.xml, so no publication date) is published on the day its files were last
 * changed, not on 1 January 1970: in the PDF's CreationDate, the e-book's dcterms:modified and
 * cmif.xml; and two builds of the same files are still byte-identical.
 */
class PublicationDateTest {

  static final String LETTER = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      + "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" xml:id=\"ID\"><teiHeader><fileDesc><titleStmt><title>Letter ID</title></titleStmt>"
      + "<publicationStmt><p>x</p></publicationStmt><sourceDesc><p>x</p></sourceDesc></fileDesc>\n"
      + "<profileDesc><correspDesc><correspAction type=\"sent\"><persName>Goethe</persName><date when=\"1787-01-13\"/></correspAction>"
      + "<correspAction type=\"received\"><persName>Herder</persName></correspAction></correspDesc></profileDesc></teiHeader>\n"
      + "<text><body><p>A letter.</p></body></text></TEI>\n";

  @Test
  void looseTeiIsPublishedOnTheDayItsFilesWereLastChanged(@TempDir Path dir) throws Exception {
    // SOURCE_DATE_EPOCH comes first (reproducible builds): this test is about the date without it
    org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("SOURCE_DATE_EPOCH") == null, "SOURCE_DATE_EPOCH is set");
    Path letters = Files.createDirectories(dir.resolve("letters"));
    Files.writeString(letters.resolve("a.xml"), LETTER.replace("ID", "a"));
    Files.writeString(letters.resolve("b.xml"), LETTER.replace("ID", "b"));
    Files.setLastModifiedTime(letters.resolve("a.xml"), FileTime.from(Instant.parse("2023-11-02T08:00:00Z")));
    Files.setLastModifiedTime(letters.resolve("b.xml"), FileTime.from(Instant.parse("2024-03-05T15:20:00Z")));
    Builder.Result first;
    try (Builder builder = new Builder()) {
      first = builder.build(letters, dir.resolve("one"), "pdf", "epub", "cmif");
    }
    Path pdf = dir.resolve("one").resolve(first.layout().documentPdf("a"));
    try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
      assertEquals(Instant.parse("2024-03-05T00:00:00Z"), document.getDocumentInformation().getCreationDate().toInstant());
    }
    String cmif = Files.readString(dir.resolve("one").resolve(first.layout().cmif()));
    assertTrue(cmif.contains("<date when=\"2024-03-05T00:00:00Z\"/>"), cmif);
    try (ZipFile epub = new ZipFile(dir.resolve("one").resolve(first.layout().epub()).toFile())) {
      ZipEntry opf = epub.stream().filter(e -> e.getName().endsWith(".opf")).findFirst().orElseThrow();
      try (InputStream in = epub.getInputStream(opf)) {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(text.contains("<meta property=\"dcterms:modified\">2024-03-05T00:00:00Z</meta>"), text);
      }
    }
    // reproducible: the same files, another build, the same bytes
    try (Builder builder = new Builder()) {
      builder.build(letters, dir.resolve("two"), "pdf");
    }
    assertArrayEquals(Files.readAllBytes(pdf), Files.readAllBytes(dir.resolve("two").resolve(first.layout().documentPdf("a"))));
  }
}
