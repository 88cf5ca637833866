package org.editio.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.editio.Chromium;
import org.editio.build.Builder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * A table wider than the text's column (twelve columns of a register, on a phone) scrolls inside
 * the column in a real browser: the page does not grow wider than the window, the caption stays
 * over the table, and a keyboard reaches the table's box and scrolls it. Until session 8 the
 * table ran past the column and the window, its caption off-screen at 390 pixels.
 */
@Tag("slow")
class TableBrowserTest {

  @TempDir static Path dir;
  static WebDriver browser;
  static Path page;

  @BeforeAll
  static void start() throws Exception {
    Chromium.assumeInstalled();
    StringBuilder rows = new StringBuilder();
    for (int r = 0; r < 4; r++) {
      rows.append("<row").append(r == 0 ? " role=\"label\"" : "").append('>');
      for (int c = 1; c <= 12; c++) {
        rows.append("<cell>").append(r == 0 ? "Column heading " + c : "Quarterly figure " + (r * 100 + c)).append("</cell>");
      }
      rows.append("</row>");
    }
    Path edition = Files.createDirectories(dir.resolve("tables"));
    Files.writeString(edition.resolve("tab.xml"), """
        <TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="tab">
          <teiHeader><fileDesc><titleStmt><title>A wide table</title></titleStmt>
            <publicationStmt><p>Test fixture of editio.</p></publicationStmt><sourceDesc><p>Written for the test.</p></sourceDesc></fileDesc></teiHeader>
          <text><body><p>The accounts follow.</p>
            <table><head>Accounts of the legation, 1937</head>%s</table>
            <p>After the table.</p>
            <table><head>A small table</head><row><cell>One</cell><cell>Two</cell></row></table></body></text>
        </TEI>
        """.formatted(rows));
    Builder.Result result = new Builder().build(edition, dir.resolve("out"), "html");
    page = dir.resolve("out").resolve(result.layout().documentPage("tab"));
    browser = Chromium.start(390, 844);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
  }

  static Object js(String script, Object... args) {
    return ((JavascriptExecutor) browser).executeScript(script, args);
  }

  @Test
  void aWideTableScrollsInsideTheColumn() throws Exception {
    browser.get(page.toUri().toString());
    assertEquals(0L, js("return document.documentElement.scrollWidth - document.documentElement.clientWidth;"),
        "the page is no wider than the window");
    WebElement box = browser.findElement(By.cssSelector(".table-scroll"));
    // a table that fits its box is no stop of the keyboard (editio.js keeps the stop only where the box scrolls)
    WebElement small = browser.findElements(By.cssSelector(".table-scroll")).get(1);
    assertEquals("A small table", small.getAttribute("aria-label"));
    assertEquals(null, small.getAttribute("tabindex"));
    assertEquals("0", box.getAttribute("tabindex"));
    assertEquals("Accounts of the legation, 1937", box.getAttribute("aria-label"));
    long inside = (Long) js("const b = arguments[0]; return b.scrollWidth - b.clientWidth;", box);
    assertTrue(inside > 200, "the table is wider than its box, which scrolls: " + inside + "px");
    // the caption's words are on screen (the caption's box is as wide as the table; its text starts the line)
    @SuppressWarnings("unchecked")
    java.util.List<Number> words = (java.util.List<Number>) js("const r = document.createRange();"
        + " r.selectNodeContents(arguments[0].querySelector('caption')); const b = r.getBoundingClientRect();"
        + " return [b.left, b.right];", box);
    assertTrue(words.get(0).doubleValue() >= 0 && words.get(1).doubleValue() <= 390, "the caption's words are on screen: " + words);
    // a keyboard reaches the box (the links of the page come first) and scrolls it
    for (int i = 0; i < 40 && !box.equals(browser.switchTo().activeElement()); i++) {
      browser.switchTo().activeElement().sendKeys(Keys.TAB);
    }
    assertEquals(box, browser.switchTo().activeElement(), "the table's box takes the focus");
    box.sendKeys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);
    // (the browser may scroll smoothly: wait for it)
    new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(5))
        .until(d -> ((Number) js("return arguments[0].scrollLeft;", box)).doubleValue() > 0);
    Files.createDirectories(BrowserTest.SHOTS);
    Files.write(BrowserTest.SHOTS.resolve("wide-table-phone.png"),
        ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
  }
}
