package org.editio.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import org.editio.Chromium;
import org.editio.TestFiles;
import org.editio.build.Builder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * Issue 16: the reading switch of a document page in a real browser (Chromium): the whole text in
 * the edited reading or in the source's, the choice kept for the next page, the buttons' state
 * told to assistive technology, no console errors (the page's CSP allows no inline script: the
 * switch is editio.js's). At phone width too.
 */
@Tag("slow")
class ReadingSwitchBrowserTest {

  @TempDir static Path out;
  static WebDriver browser;
  static Path site;

  @BeforeAll
  static void start() throws Exception {
    Chromium.assumeInstalled();
    new Builder().build(TestFiles.EDITION, out, "html");
    site = out.resolve("html");
    browser = Chromium.start(390, 844);
    Files.createDirectories(BrowserTest.SHOTS);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
  }

  /**
   * Whether an element takes room on the page, as the page's script sees it (the hidden reading is
   * not displayed; chromedriver's own element rectangle gives a hidden element one).
   */
  static boolean shown(WebElement e) {
    return (Boolean) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
        "const r = arguments[0].getBoundingClientRect(); return r.width > 1 && r.height > 1;", e);
  }

  /** The reading each correction of the page shows (the one that takes room), in the text's order. */
  static List<String> shownReadings() {
    return browser.findElements(By.cssSelector(".tei-choice")).stream()
        .map(c -> c.findElements(By.xpath("./span")).stream().filter(ReadingSwitchBrowserTest::shown)
            .map(e -> e.getAttribute("textContent").strip()).reduce((a, b) -> a + " | " + b).orElse(""))
        .toList();
  }

  static WebElement blum(String which) {
    return browser.findElement(By.xpath("//span[contains(@class, 'tei-choice')][span[@class='tei-corr reading' and .='Blum']]/span[contains(@class, '" + which + "')]"));
  }

  @Test
  void theSwitchShowsTheWholeTextInTheSourcesOrTheEditedReading() throws Exception {
    browser.get(site.resolve("documents/d1937-05-14-litvinov.html").toUri().toString());
    WebElement group = browser.findElement(By.cssSelector(".reading-switch"));
    assertTrue(group.isDisplayed(), "the switch shows when the script runs");
    WebElement edited = group.findElement(By.cssSelector("button[value=edited]"));
    WebElement source = group.findElement(By.cssSelector("button[value=source]"));
    assertEquals("true", edited.getAttribute("aria-pressed"));
    assertTrue(shown(blum("reading")) && !shown(blum("original")), "edited reading first: Blum");

    source.click();
    assertEquals("true", source.getAttribute("aria-pressed"));
    assertEquals("false", edited.getAttribute("aria-pressed"));
    assertTrue(shown(blum("original")) && !shown(blum("reading")), "the source's reading: bloom");
    // every correction of the page switches, not only one
    for (WebElement choice : browser.findElements(By.cssSelector(".tei-choice"))) {
      assertTrue(shown(choice.findElement(By.cssSelector(".original"))), choice.getText());
      assertTrue(!shown(choice.findElement(By.cssSelector(".reading"))), choice.getText());
    }
    assertEquals(List.of("1937 g on May 14.", "nothing refute", "league of nations", "bloom", "ismet"), shownReadings());
    Files.write(BrowserTest.SHOTS.resolve("reading-source-390.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

    // the reader's choice holds for the next page they open in this tab
    browser.navigate().refresh();
    assertEquals("true", browser.findElement(By.cssSelector("button[value=source]")).getAttribute("aria-pressed"));
    assertTrue(shown(blum("original")));

    browser.findElement(By.cssSelector("button[value=edited]")).click();
    assertTrue(shown(blum("reading")) && !shown(blum("original")));
    assertEquals(List.of("14 May 1937.", "nothing to refute", "League of Nations", "Blum", "Ismet"), shownReadings());

    List<String> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
    assertEquals(List.of(), errors);
  }

  /**
   * What a reader copies is what they read: a paragraph selected as a whole holds the shown reading of each correction, not both ("bloomBlum", "nothing refutenothing to
   * refute" until session 8), in either reading of the switch.
   */
  @Test
  void aSelectionHoldsTheReadingShown() throws Exception {
    browser.get(site.resolve("documents/d1937-05-14-litvinov.html").toUri().toString());
    browser.findElement(By.cssSelector("button[value=edited]")).click();
    WebElement paragraph = browser.findElement(By.xpath("//p[contains(@class, 'tei-p')][contains(., 'Delbos')]"));
    String edited = selected(paragraph);
    assertTrue(edited.contains(" with Blum and Delbos,") && !edited.contains("bloom"), edited);
    browser.findElement(By.cssSelector("button[value=source]")).click();
    String source = selected(paragraph);
    assertTrue(source.contains(" with bloom and Delbos,") && !source.contains("Blum"), source);
    browser.findElement(By.cssSelector("button[value=edited]")).click();
  }

  /** The text of a selection of {@code paragraph} as a whole (what copying it takes). */
  private static String selected(WebElement paragraph) {
    return (String) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
        "const s = window.getSelection(); s.removeAllRanges(); s.selectAllChildren(arguments[0]); const t = s.toString();"
        + " s.removeAllRanges(); return t;", paragraph);
  }

  /**
   * What a screen reader is given is what the eye reads: the name of the link around a correction
   * is its shown reading ("Blum"; "bloom Blum" until session 9, when the hidden reading was only
   * clipped), and a paragraph's rendered text holds one reading of each correction.
   */
  @Test
  void assistiveTechnologyMeetsOneReading() throws Exception {
    browser.get(site.resolve("documents/d1937-05-14-litvinov.html").toUri().toString());
    browser.findElement(By.cssSelector("button[value=edited]")).click();
    WebElement link = browser.findElement(By.xpath("//a[.//span[@class='tei-corr reading' and .='Blum']]"));
    assertEquals("Blum", link.getAccessibleName());
    WebElement paragraph = browser.findElement(By.xpath("//p[contains(@class, 'tei-p')][contains(., 'Delbos')]"));
    String read = (String) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("return arguments[0].innerText;", paragraph);
    assertTrue(read.contains(" with Blum and Delbos,") && !read.contains("bloom"), read);
    browser.findElement(By.cssSelector("button[value=source]")).click();
    assertEquals("bloom", link.getAccessibleName());
    browser.findElement(By.cssSelector("button[value=edited]")).click();
  }

  /**
   * Printing the page from the browser gives the corrections as the PDF edition and the
   * editorial principles have them: the correction, then the source's reading in brackets,
   * labelled ("Blum [source: bloom]"; "[bloom] Blum" until session 9).
   */
  @Test
  void printingFromTheBrowserSetsTheSourcesReadingAfterTheCorrection() throws Exception {
    browser.get(site.resolve("documents/d1937-05-14-litvinov.html").toUri().toString());
    @SuppressWarnings("unchecked")
    java.util.Map<String, Object> printed = (java.util.Map<String, Object>) ((ChromeDriver) browser)
        .executeCdpCommand("Page.printToPDF", java.util.Map.of("displayHeaderFooter", false));
    byte[] pdf = java.util.Base64.getDecoder().decode((String) printed.get("data"));
    String text;
    try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
      text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
    }
    for (String correction : List.of("Blum [source: bloom]", "nothing to refute [source: nothing refute]",
        "League of Nations [source: league of nations]", "14 May 1937. [source: 1937 g on May 14.]")) {
      assertTrue(text.contains(correction), correction + " in: " + text);
    }
    assertTrue(!text.contains("[bloom]"), text);
  }

  /**
   * In forced colours (Windows' high contrast) the pressed button of the switch still looks
   * pressed: the system's highlight (review 9a: pressed and unpressed looked the same).
   */
  @Test
  void thePressedButtonShowsInForcedColours() throws Exception {
    browser.get(site.resolve("documents/d1937-05-14-litvinov.html").toUri().toString());
    browser.findElement(By.cssSelector("button[value=edited]")).click();
    ChromeDriver chrome = (ChromeDriver) browser;
    chrome.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("features",
        List.of(java.util.Map.of("name", "forced-colors", "value", "active"))));
    try {
      assertEquals(true, ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
          "return matchMedia('(forced-colors: active)').matches;"));
      String pressed = browser.findElement(By.cssSelector("button[value=edited]")).getCssValue("background-color");
      String unpressed = browser.findElement(By.cssSelector("button[value=source]")).getCssValue("background-color");
      assertTrue(!pressed.equals(unpressed), pressed + " and " + unpressed);
    } finally {
      chrome.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("features", List.of()));
    }
  }
}
