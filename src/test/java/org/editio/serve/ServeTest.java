package org.editio.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.editio.TestFiles;
import org.editio.build.Generator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * editio serve over HTTP: pages as published plus the reload script, a build after every change
 * announced to open pages, errors instead of stale pages, nothing outside the output served.
 */
@Tag("slow")
class ServeTest {

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private HttpResponse<String> get(URI uri) throws Exception {
    return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Waits until the server has run {@code count} builds. */
  static void awaitBuilds(Server server, long count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (server.builds() < count && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertTrue(server.builds() >= count, "build " + count + " ran");
  }

  /** --title names TEI without edition.xml on the served pages, as it does for editio html (CliTest). */
  @Test
  void servesLooseTeiUnderTheTitleGiven(@TempDir Path dir) throws Exception {
    Path letters = TestFiles.copyTree(TestFiles.FIXTURES.resolve("links"), dir.resolve("documents"));
    try (Server server = Server.start(letters, dir.resolve("out"), 0, new PrintWriter(new StringWriter(), true),
        new Server.Options(true, java.util.List.of(), "Three letters"))) {
      String home = get(server.address()).body();
      assertTrue(home.contains("<h1>Three letters</h1>"), home);
      assertTrue(!home.contains(">documents<"), "the folder's name is not the title");
    }
  }

  @Test
  void servesBuildsOnChangeAnnouncesReloadsAndShowsErrors(@TempDir Path dir) throws Exception {
    Path edition = Generator.generate(TestFiles.EDITION, 5, dir.resolve("edition"));
    Path out = dir.resolve("out");
    StringWriter log = new StringWriter();
    try (Server server = Server.start(edition, out, 0, new PrintWriter(log, true))) {
      URI base = server.address();
      Path document;
      try (var files = Files.list(edition.resolve("documents"))) {
        document = files.sorted().findFirst().orElseThrow();
      }
      String id = document.getFileName().toString().replace(".xml", "");
      URI page = base.resolve("documents/" + id + ".html");

      HttpResponse<String> home = get(base);
      assertEquals(200, home.statusCode());
      assertTrue(home.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
      // the served page is the published file plus the reload script, nothing else
      byte[] published = Files.readAllBytes(out.resolve("html/index.html"));
      assertArrayEquals(Server.withReloadScript(published), home.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      assertTrue(home.body().contains("<script src=\"/_editio/reload.js\"></script></body>"));
      assertEquals(200, get(base.resolve(Server.RELOAD_SCRIPT)).statusCode());
      assertEquals("text/css; charset=utf-8",
          get(base.resolve("assets/editio.css")).headers().firstValue("Content-Type").orElseThrow());
      assertEquals(404, get(base.resolve("no-such-page.html")).statusCode());
      assertEquals(400, get(URI.create(base + "documents/../../edition/edition.xml")).statusCode(),
          "nothing outside the HTML edition is served: a path that climbs is refused");
      assertEquals(405, client.send(HttpRequest.newBuilder(base).POST(HttpRequest.BodyPublishers.ofString("x")).build(),
          HttpResponse.BodyHandlers.ofString()).statusCode());

      // an open page listens for builds
      BlockingQueue<String> events = new LinkedBlockingQueue<>();
      client.sendAsync(HttpRequest.newBuilder(base.resolve(Server.EVENTS)).build(),
          HttpResponse.BodyHandlers.ofLines()).thenAcceptAsync(r -> r.body().forEach(events::add), reader -> {
            // the stream never ends: read it on a thread of its own (thenAccept ran it on this
            // thread, and blocked the test, when the response had arrived before it was called)
            Thread t = new Thread(reader, "events");
            t.setDaemon(true);
            t.start();
          });
      assertEquals(": connected", events.poll(10, TimeUnit.SECONDS));

      // a correction: rebuilt, announced, served
      String text = Files.readString(document);
      int body = text.indexOf("<body>");
      Files.writeString(document, text.substring(0, body) + text.substring(body).replaceFirst("<p>", "<p>Served anew. "));
      assertEquals("data: reload", nextEvent(events));
      assertTrue(get(page).body().contains("Served anew."));
      assertTrue(log.toString().contains("unchanged"), log.toString());

      // a file that breaks: every page shows the error, located, and so does the terminal
      Files.writeString(document, text.replaceFirst("<body>", "<body><broken>"));
      assertEquals("data: reload", nextEvent(events));
      HttpResponse<String> error = get(page);
      assertEquals(500, error.statusCode());
      String expected = document.getFileName() + ":";
      assertTrue(error.body().contains(expected) && error.body().contains("error: not well-formed"), error.body());
      assertTrue(error.body().contains("/_editio/reload.js"), "the error page reloads once fixed");
      assertTrue(log.toString().contains("error: not well-formed"));

      // fixed: the page is back
      Files.writeString(document, text);
      assertEquals("data: reload", nextEvent(events));
      HttpResponse<String> back = get(page);
      assertEquals(200, back.statusCode());
      assertTrue(!back.body().contains("Served anew.") && !back.body().contains("error:"));
    }
  }

  /** The events the server sends an open page of {@code path}, as lines, read on a thread of their own. */
  private BlockingQueue<String> listen(URI base, String path) {
    BlockingQueue<String> events = new LinkedBlockingQueue<>();
    URI uri = URI.create(base + Server.EVENTS.substring(1) + "?page=" + java.net.URLEncoder.encode(path, java.nio.charset.StandardCharsets.UTF_8));
    client.sendAsync(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofLines())
        .thenAcceptAsync(r -> r.body().forEach(events::add), reader -> {
          Thread t = new Thread(reader, "events");
          t.setDaemon(true);
          t.start();
        });
    return events;
  }

  /**
   * A save reloads the open pages it changed and leaves the others as the reader left them (their
   * place, an open note): every page was reloaded after every save until session 9 (review 9a).
   * A broken file reloads every page (each shows the errors), and its repair every page again.
   */
  @Test
  void aSaveReloadsOnlyThePagesItChanged(@TempDir Path dir) throws Exception {
    Path edition = Generator.generate(TestFiles.EDITION, 5, dir.resolve("edition"));
    try (Server server = Server.start(edition, dir.resolve("out"), 0, new PrintWriter(new StringWriter(), true))) {
      List<Path> documents;
      try (var files = Files.list(edition.resolve("documents"))) {
        documents = files.sorted().toList();
      }
      Path changed = documents.get(0);
      Path other = documents.get(documents.size() - 1);
      BlockingQueue<String> changedPage = listen(server.address(), "/documents/" + changed.getFileName().toString().replace(".xml", ".html"));
      BlockingQueue<String> otherPage = listen(server.address(), "/documents/" + other.getFileName().toString().replace(".xml", ".html"));
      assertEquals(": connected", changedPage.poll(10, TimeUnit.SECONDS));
      assertEquals(": connected", otherPage.poll(10, TimeUnit.SECONDS));

      String text = Files.readString(changed);
      int body = text.indexOf("<body>");
      Files.writeString(changed, text.substring(0, body) + text.substring(body).replaceFirst("<p>", "<p>Served anew. "));
      assertEquals("data: reload", nextEvent(changedPage));
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
      while (System.nanoTime() < until) {
        String line = otherPage.poll(200, TimeUnit.MILLISECONDS);
        assertTrue(line == null || !line.startsWith("data:"), "the other document's page stays: " + line);
      }

      Files.writeString(changed, text.replaceFirst("<body>", "<body><broken>"));
      assertEquals("data: reload", nextEvent(changedPage));
      assertEquals("data: reload", nextEvent(otherPage), "every page shows the error");
      Files.writeString(changed, text);
      assertEquals("data: reload", nextEvent(changedPage));
      assertEquals("data: reload", nextEvent(otherPage), "every page comes back");
    }
  }

  private static String nextEvent(BlockingQueue<String> events) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      String line = events.poll(1, TimeUnit.SECONDS);
      if (line != null && line.startsWith("data:")) {
        return line;
      }
    }
    return "no event within 60 s";
  }

  @Test
  void aMissingEditionOrABusyPortIsAClearError(@TempDir Path dir) throws Exception {
    org.editio.EditioException missing = org.junit.jupiter.api.Assertions.assertThrows(org.editio.EditioException.class,
        () -> Server.start(dir.resolve("nothing"), dir.resolve("out"), 0, new PrintWriter(new StringWriter())));
    assertTrue(missing.problems().get(0).toString().contains("no such file or directory"));
    try (java.net.ServerSocket busy = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      Path edition = Generator.generate(TestFiles.EDITION, 1, dir.resolve("edition"));
      org.editio.EditioException taken = org.junit.jupiter.api.Assertions.assertThrows(org.editio.EditioException.class,
          () -> Server.start(edition, dir.resolve("out"), busy.getLocalPort(), new PrintWriter(new StringWriter())));
      assertTrue(taken.problems().get(0).toString().contains("cannot listen on port " + busy.getLocalPort()),
          taken.problems().get(0).toString());
    }
  }

  /**
   * The error page counts and lists the edition's errors, not the build's summary after them (a
   * pointer's typo: "The edition has 2 errors", the second "not published: … build again", until
   * review 9a).
   */
  @Test
  void theErrorPageCountsTheEditionsErrorsOnly(@TempDir Path work) throws Exception {
    Path edition = Generator.generate(TestFiles.EDITION, 3, work.resolve("edition"));
    Path document;
    try (var files = Files.list(edition.resolve("documents"))) {
      document = files.sorted().findFirst().orElseThrow();
    }
    String text = Files.readString(document);
    java.util.regex.Matcher ref = java.util.regex.Pattern.compile("persons\\.xml#([a-z-]+)\"").matcher(text);
    assertTrue(ref.find(), "the generated document names a person");
    Files.writeString(document, text.substring(0, ref.start()) + "persons.xml#" + ref.group(1) + "x\"" + text.substring(ref.end()));
    org.editio.EditioException refused = org.junit.jupiter.api.Assertions.assertThrows(org.editio.EditioException.class,
        () -> new org.editio.build.Builder().build(edition, work.resolve("out"), "html"));
    assertEquals(2, refused.problems().stream().filter(org.editio.Problem::isError).count(), "the error and the summary");
    String page = new String(ErrorPage.render(refused.problems(), "/_editio/reload.js"), java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(page.contains("<h1>The edition has 1 error</h1>"), page);
    assertEquals(1, page.split("<li class=\"error\">", -1).length - 1, page);
    assertTrue(page.contains(ref.group(1) + "x"), page);
    assertTrue(!page.contains("not published") && !page.contains("build again"), page);
  }
}
