package org.editio;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's Chromium driven headless by its chromedriver, as every browser test uses it. One place
 * for the flags: a sandbox-less, GPU-less browser that never talks to the network on its own
 * (component updates, sync, first-run pages), with a fresh profile, and the console kept so that
 * tests can assert that a page logged no error.
 */
public final class Chromium {
  private Chromium() {}

  public static final Path BINARY = Path.of("/usr/bin/chromium");
  public static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  /** Skips the calling test (as JUnit's assumptions do) where Chromium or its driver is absent. */
  public static void assumeInstalled() {
    assumeTrue(Files.isExecutable(BINARY) && Files.isExecutable(DRIVER), "Chromium and chromedriver are not installed");
  }

  /** A new browser whose window is {@code width} × {@code height} CSS pixels, its console logged. */
  public static ChromeDriver start(int width, int height) throws IOException {
    assumeInstalled();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BINARY.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-dev-shm-usage", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--window-size=" + width + "," + height, "--user-data-dir=" + Files.createTempDirectory("chromium"));
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    return new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build(), options);
  }
}
