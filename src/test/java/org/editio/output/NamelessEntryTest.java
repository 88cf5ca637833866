package org.editio.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.editio.Problem;
import org.editio.TestFiles;
import org.editio.build.Builder;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A register entry without a name ({@code <person xml:id="courier"/>}, valid TEI) that a document
 * points to: the edition is published, every output shows the entry by its id (f:standard-name,
 * one function for all outputs), and validation warns at the entry's line (register-entry-name).
 * The volume's index used to stop the build with an XSLT type error.
 */
class NamelessEntryTest {

  static final String TELEGRAM = "d1937-05-14-litvinov";

  @TempDir static Path dir;
  static Path out;
  static Builder.Result result;
  static int entryLine;

  @BeforeAll
  static void publish() throws Exception {
    Path edition = TestFiles.copyTree(TestFiles.EDITION, dir.resolve("edition"),
        file -> !file.startsWith("documents/") || file.endsWith(TELEGRAM + ".xml"));
    Path persons = edition.resolve("registers/persons.xml");
    String register = Files.readString(persons);
    assertTrue(register.contains("      </listPerson>"));
    register = register.replace("      </listPerson>", "        <person xml:id=\"courier\"/>\n      </listPerson>");
    Files.writeString(persons, register);
    String before = register.substring(0, register.indexOf("xml:id=\"courier\""));
    entryLine = (int) before.chars().filter(c -> c == '\n').count() + 1;
    Path telegram = edition.resolve("documents/" + TELEGRAM + ".xml");
    String xml = Files.readString(telegram);
    String changed = xml.replace("We had two long conversations with him.",
        "We had two long conversations with him, <persName ref=\"../registers/persons.xml#courier\">the courier</persName> waiting.");
    assertTrue(!changed.equals(xml));
    Files.writeString(telegram, changed);
    out = dir.resolve("out");
    try (Builder builder = new Builder()) {
      result = builder.build(edition, out, "html", "pdf", "epub");
    }
  }

  @Test
  void validationWarnsAtTheEntry() {
    List<Problem> found = result.warnings().stream().filter(p -> "register-entry-name".equals(p.rule())).toList();
    assertEquals(1, found.size(), result.warnings().toString());
    Problem p = found.get(0);
    assertTrue(p.file().endsWith("registers/persons.xml"), p.toString());
    assertEquals(entryLine, p.line(), p.toString());
    assertTrue(p.message().contains("'courier' has no name"), p.message());
  }

  @Test
  void theSiteShowsTheEntryByItsId() throws Exception {
    Document register = Jsoup.parse(out.resolve("html/registers/persons.html").toFile(), "UTF-8");
    Element article = register.getElementById("courier");
    assertNotNull(article);
    assertEquals("courier", article.selectFirst("h3").text());
    // filed under its id's letter, not after Z
    assertEquals("C", article.parent().selectFirst("h2").text());
    Document page = Jsoup.parse(out.resolve(result.layout().documentPage(TELEGRAM)).toFile(), "UTF-8");
    Element name = page.select("a.name").stream().filter(a -> a.text().equals("the courier")).findFirst().orElseThrow();
    assertEquals("courier", name.attr("title"));
  }

  @Test
  void theVolumeIndexesIt() throws Exception {
    Path volume = Files.list(out.resolve("pdf")).filter(p -> p.toString().endsWith(".pdf")).findFirst().orElseThrow();
    try (PDDocument pdf = Loader.loadPDF(volume.toFile())) {
      String text = new PDFTextStripper().getText(pdf);
      String index = text.substring(text.lastIndexOf("Index of persons"));
      assertTrue(index.matches("(?s).*\\ncourier\\s+\\d+.*"), index);
    }
  }

  @Test
  void theEBookRegisterHasIt() throws Exception {
    Path epub = Files.list(out.resolve("epub")).filter(p -> p.toString().endsWith(".epub")).findFirst().orElseThrow();
    try (ZipFile zip = new ZipFile(epub.toFile())) {
      String heading = null;
      for (ZipEntry e : zip.stream().filter(e -> e.getName().endsWith(".xhtml")).toList()) {
        try (InputStream in = zip.getInputStream(e)) {
          Element entry = Jsoup.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "", org.jsoup.parser.Parser.xmlParser())
              .getElementById("courier");
          if (entry != null && entry.selectFirst("h3") != null) {
            heading = entry.selectFirst("h3").text();
          }
        }
      }
      assertEquals("courier", heading);
    }
  }
}
