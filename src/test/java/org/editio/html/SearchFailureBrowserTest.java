package org.editio.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.editio.Chromium;
import org.editio.TestFiles;
import org.editio.build.Builder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A search index the browser cannot load (a file of it lost when the site was copied to its
 * server) is said in the page's words, with the file that failed, and with a way on: the list of
 * documents, which needs no index. Until session 8 the message ended there.
 */
@Tag("slow")
class SearchFailureBrowserTest {

  @TempDir static Path dir;
  static WebDriver browser;
  static Path site;

  @BeforeAll
  static void start() throws Exception {
    Chromium.assumeInstalled();
    Path letters = TestFiles.copyTree(TestFiles.FIXTURES.resolve("links"), dir.resolve("letters"));
    new Builder().build(letters, dir.resolve("out"), "html");
    site = dir.resolve("out/html");
    // every file of the index but its root: what a copy that stopped halfway leaves
    try (Stream<Path> files = Files.list(site.resolve("assets/search"))) {
      for (Path f : files.filter(f -> !f.getFileName().toString().equals("index.js")).toList()) {
        org.editio.Folders.delete(f);
      }
    }
    browser = Chromium.start(1100, 900);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void aBrokenIndexSaysSoAndOffersTheListOfDocuments() {
    browser.get(site.resolve("search.html").toUri() + "?q=letter");
    WebElement status = browser.findElement(By.cssSelector("[data-search-status]"));
    new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> !status.getText().isEmpty());
    assertTrue(status.getText().startsWith("The search could not run (") && status.getText().endsWith(");"), status.getText());
    WebElement sentence = browser.findElement(By.cssSelector("[data-search-way]"));
    assertEquals("the list of documents works without it.", sentence.getText());
    WebElement way = sentence.findElement(By.tagName("a"));
    assertEquals("list of documents", way.getText());
    way.click();
    assertTrue(browser.getCurrentUrl().endsWith("/documents.html"), browser.getCurrentUrl());
    assertTrue(browser.findElement(By.tagName("h1")).getText().length() > 0);
  }
}
