package org.editio.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.editio.TestFiles;
import org.editio.build.Builder;
import org.editio.epub.EpubCheckRun;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A register entry is mentioned by any element of a text that points to it with {@code @ref}, not
 * only by the five name elements: a referring string ({@code <rs ref="…#saracoglu">the foreign
 * minister</rs>}) is a name, linked to its entry; a role name in a note
 * ({@code <roleName ref="…#eden">the Foreign Secretary</roleName>}) keeps its own look. The registers list both, and every output
 * gives each the anchor their links lead to: the web page, the e-book (checked by epubcheck) and
 * the printed index, which prints their pages.
 */
class MentionsTest {

  static final String TELEGRAM = "d1937-05-14-litvinov";

  @TempDir static Path dir;
  static Path out;
  static Builder.Result result;

  @BeforeAll
  static void publish() throws Exception {
    // the sample edition's registers and two of its documents: the telegram and a calendar entry
    Path edition = TestFiles.copyTree(TestFiles.EDITION, dir.resolve("edition"),
        file -> !file.startsWith("documents/") || file.endsWith(TELEGRAM + ".xml") || file.endsWith("d1920-06-17-chicherin.xml"));
    Path telegram = edition.resolve("documents/" + TELEGRAM + ".xml");
    String xml = Files.readString(telegram);
    String rs = xml.replace("We had two long conversations with him.",
        "We had two long conversations with him, <rs type=\"person\" ref=\"../registers/persons.xml#saracoglu\">the foreign minister</rs> beside him.");
    String role = rs.replace("USSR embassy in Turkey</orgName>.</note>",
        "USSR embassy in Turkey</orgName>, for <roleName ref=\"../registers/persons.xml#eden\">the Foreign Secretary</roleName>.</note>");
    assertTrue(!role.equals(rs) && !rs.equals(xml), "the fixture's text changed as meant");
    Files.writeString(telegram, role);
    out = dir.resolve("out");
    try (Builder builder = new Builder()) {
      result = builder.build(edition, out, "html", "pdf", "epub");
    }
  }

  static Document html(String path) throws Exception {
    return Jsoup.parse(out.resolve(path).toFile(), "UTF-8");
  }

  /** The referring string is a name: linked to its entry, with the entry's standard name on hover. */
  @Test
  void referringStringLinksItsEntry() throws Exception {
    Element rs = html(result.layout().documentPage(TELEGRAM)).selectFirst("a.tei-rs");
    assertNotNull(rs, "the referring string is a link");
    assertEquals("the foreign minister", rs.text());
    assertTrue(rs.attr("href").endsWith("persons.html#saracoglu"), rs.attr("href"));
    assertEquals("Saracoğlu, Şükrü", rs.attr("title"));
  }

  /** The persons register lists both mentions, and each of its links to them lands on its element. */
  @Test
  void registerLinksLandOnTheMentions() throws Exception {
    Path register = out.resolve("html/registers/persons.html");
    assertLandings(register, "saracoglu", "the foreign minister");
    assertLandings(register, "eden", "the Foreign Secretary");
  }

  /** The register entry's passage link leads to the element of the document page that names it. */
  private static void assertLandings(Path register, String entry, String text) throws Exception {
    Element article = Jsoup.parse(register.toFile(), "UTF-8").getElementById(entry);
    assertNotNull(article, entry + " has its article");
    List<String> landed = new ArrayList<>();
    for (Element a : article.select("ul.mentions a[href*=#]")) {
      URI href = URI.create(a.attr("href"));
      Path page = register.resolveSibling(href.getPath()).normalize();
      Element target = Jsoup.parse(page.toFile(), "UTF-8").getElementById(href.getFragment());
      assertNotNull(target, a.attr("href") + " lands on an element of its page");
      landed.add(target.text());
    }
    assertEquals(List.of(text), landed, entry + "'s passages");
  }

  /** The e-book's register links its two entries to elements of the chapter, and epubcheck agrees. */
  @Test
  void eBookLinksLandOnTheMentions() throws Exception {
    Path epub = Files.list(out.resolve("epub")).filter(p -> p.toString().endsWith(".epub")).findFirst().orElseThrow();
    EpubCheckRun check = EpubCheckRun.of(epub);
    assertTrue(check.clean(), check.messages());
    try (ZipFile zip = new ZipFile(epub.toFile())) {
      List<String> landed = new ArrayList<>();
      for (ZipEntry e : zip.stream().filter(e -> e.getName().endsWith(".xhtml")).toList()) {
        Document chapter = read(zip, e);
        for (String entry : List.of("saracoglu", "eden")) {
          Element article = chapter.getElementById(entry);
          if (article == null || article.selectFirst("p.mentions") == null) {
            continue;
          }
          Element a = article.selectFirst("p.mentions a");
          URI href = URI.create(a.attr("href"));
          String name = URI.create(e.getName()).resolve(href.getPath()).getPath();
          Element target = read(zip, zip.getEntry(name)).getElementById(href.getFragment());
          assertNotNull(target, entry + ": " + a.attr("href"));
          landed.add(entry + " " + target.text());
        }
      }
      assertEquals(List.of("saracoglu the foreign minister", "eden the Foreign Secretary"), landed);
    }
  }

  private static Document read(ZipFile zip, ZipEntry entry) throws Exception {
    try (InputStream in = zip.getInputStream(entry)) {
      return Jsoup.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "", org.jsoup.parser.Parser.xmlParser());
    }
  }

  /**
   * The volume's indexes print the page of each mention, as the page's foot numbers it: the
   * referring string's, the role name's (in a footnote, at the foot of its mark's page), and the
   * addressee's, named only in the header, at the page where the telegram begins.
   */
  @Test
  void printedIndexHasTheirPages() throws Exception {
    Path volume = Files.list(out.resolve("pdf")).filter(p -> p.toString().endsWith(".pdf")).findFirst().orElseThrow();
    try (PDDocument pdf = Loader.loadPDF(volume.toFile())) {
      String text = new PDFTextStripper().getText(pdf).replace("ﬀ", "ff");
      Map<String, String> mentionedBy = new java.util.LinkedHashMap<>();
      mentionedBy.put("Saracoğlu, Şükrü", "the foreign minister beside him");
      mentionedBy.put("Eden, Anthony", "for the Foreign Secretary");
      mentionedBy.put("People’s Commissariat for Foreign Affairs of the USSR", "Telegram from M. M. Litvinov");
      for (Map.Entry<String, String> e : mentionedBy.entrySet()) {
        Matcher m = Pattern.compile(Pattern.quote(e.getKey()).replace(" ", "\\E\\s+\\Q") + "\\s+(\\d+)").matcher(text);
        assertTrue(m.find(), e.getKey() + " has a page in the index");
        assertEquals(folio(pdf, e.getValue()), m.group(1), e.getKey() + ": the page where \"" + e.getValue() + "\" stands");
      }
    }
  }

  /** The number printed at the foot of the first page after the front matter that holds {@code words}. */
  private static String folio(PDDocument pdf, String words) throws Exception {
    for (int p = 1; p <= pdf.getNumberOfPages(); p++) {
      PDFTextStripper page = new PDFTextStripper();
      page.setStartPage(p);
      page.setEndPage(p);
      String text = page.getText(pdf);
      if (text.replaceAll("\\s+", " ").contains(words) && !text.contains("Contents")) {
        String[] lines = text.strip().split("\\R");
        return lines[lines.length - 1].strip();
      }
    }
    throw new AssertionError("no page holds \"" + words + "\"");
  }

  /** A volume of documents without registers has no index: no empty index pages, no contents lines or bookmarks for them. */
  @Test
  void noIndexWithoutRegisters(@TempDir Path other) throws Exception {
    Path letters = TestFiles.copyTree(DocumentLinksTest.FIXTURE, other.resolve("letters"));
    Builder.Result plain;
    try (Builder builder = new Builder()) {
      plain = builder.build(letters, other.resolve("out"), "pdf");
    }
    Path volume = Files.list(other.resolve("out/pdf")).filter(p -> p.toString().endsWith(".pdf")).findFirst().orElseThrow();
    try (PDDocument pdf = Loader.loadPDF(volume.toFile())) {
      String text = new PDFTextStripper().getText(pdf);
      assertTrue(text.contains("Contents"), "the volume has its contents");
      assertTrue(!text.contains("Index of"), text);
      List<String> bookmarks = new ArrayList<>();
      for (var b = pdf.getDocumentCatalog().getDocumentOutline().getFirstChild(); b != null; b = b.getNextSibling()) {
        bookmarks.add(b.getTitle());
      }
      assertTrue(bookmarks.stream().noneMatch(t -> t.startsWith("Index")), bookmarks.toString());
      assertTrue(bookmarks.size() >= 3, bookmarks.toString());
    }
    assertNotNull(plain);
  }
}
