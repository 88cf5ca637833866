package org.editio.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.editio.Chromium;
import org.editio.build.Builder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * What a reader copies from a page is what they read (review 9c): a selection of a paragraph in
 * Chromium holds its words without the page and column numbers in the margin, the note and
 * apparatus marks, or the verse's line numbers, which glued into the words ("Verein13barung",
 * "Column2break", "note1 and"); and, with the reading switch, one reading of a correction, not
 * the editors' other readings beside it ("recieverelieve").
 */
@Tag("slow")
class CopyTextBrowserTest {

  @TempDir static Path dir;
  static WebDriver browser;
  static Path page;

  @BeforeAll
  static void start() throws Exception {
    Chromium.assumeInstalled();
    Path in = dir.resolve("edition");
    Files.createDirectories(in);
    Files.writeString(in.resolve("c.xml"), "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" xml:id=\"c\"><teiHeader><fileDesc>"
        + "<titleStmt><title>Copying</title></titleStmt><publicationStmt><p>Test.</p></publicationStmt><sourceDesc>"
        + "<listWit><witness xml:id=\"A\">A</witness><witness xml:id=\"B\">B</witness></listWit></sourceDesc></fileDesc>"
        + "</teiHeader><text><body>"
        + "<p>P1 Verein<pb n=\"13\" break=\"no\"/>barung, and one between words: end <pb n=\"14\"/> start.</p>"
        + "<p>P2 Column<cb n=\"2\"/>break and a milestone<milestone unit=\"section\" n=\"4\"/> here.</p>"
        + "<p>P3 Text with a note<note>The note.</note> and a reading real<app><lem wit=\"#A\">i</lem><rdg wit=\"#B\">y</rdg></app>ty.</p>"
        + "<p>P4 He <choice><sic>recieve</sic><corr cert=\"high\">receive</corr><corr cert=\"low\">relieve</corr></choice> it.</p>"
        + "<lg><l n=\"1\">First line</l><l n=\"2\">second line</l><l n=\"3\">third line</l><l n=\"4\">fourth line</l><l n=\"5\">fifth line</l></lg>"
        + "</body></text></TEI>", StandardCharsets.UTF_8);
    Builder.Result result = new Builder().build(in, dir.resolve("out"), "html");
    page = result.out().resolve(result.layout().documentPage("c"));
    browser = Chromium.start(1000, 900);
    browser.get(page.toUri().toString());
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
  }

  /** The text of a selection of {@code e} as a whole (what copying it takes). */
  static String selected(WebElement e) {
    return (String) ((JavascriptExecutor) browser).executeScript(
        "const s = window.getSelection(); s.removeAllRanges(); s.selectAllChildren(arguments[0]); const t = s.toString();"
        + " s.removeAllRanges(); return t;", e);
  }

  static List<String> paragraphs() {
    return browser.findElements(By.cssSelector(".tei-text p")).stream().map(CopyTextBrowserTest::selected).toList();
  }

  @Test
  void aSelectionHoldsTheWordsWithoutTheMarksBesideThem() {
    browser.findElement(By.cssSelector("button[value=edited]")).click();
    assertEquals(List.of("P1 Vereinbarung, and one between words: end start.", "P2 Column break and a milestone here.",
        "P3 Text with a note and a reading reality.", "P4 He receive it."), paragraphs());
    assertEquals("First line\nsecond line\nthird line\nfourth line\nfifth line", selected(browser.findElement(By.cssSelector(".tei-lg"))).strip());
  }

  @Test
  void theSourceViewCopiesTheSourcesReadingOnly() {
    browser.findElement(By.cssSelector("button[value=source]")).click();
    try {
      assertEquals("P4 He recieve it.", paragraphs().get(3));
    } finally {
      browser.findElement(By.cssSelector("button[value=edited]")).click();
    }
  }

  /** Two page breaks in one line (a blank verso: 13, 14) stand one under the other in the margin; they printed over each other. */
  @Test
  void twoPageNumbersOfOneLineDoNotOverlap() {
    List<org.openqa.selenium.Rectangle> pages = browser.findElements(By.cssSelector(".tei-pb")).stream().map(WebElement::getRect).toList();
    assertEquals(2, pages.size());
    org.openqa.selenium.Rectangle a = pages.get(0);
    org.openqa.selenium.Rectangle b = pages.get(1);
    boolean overlap = a.getX() < b.getX() + b.getWidth() && b.getX() < a.getX() + a.getWidth()
        && a.getY() < b.getY() + b.getHeight() && b.getY() < a.getY() + a.getHeight();
    assertEquals(false, overlap, a.getX() + "," + a.getY() + " " + b.getX() + "," + b.getY());
  }
}
