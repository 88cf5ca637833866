package org.editio.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.editio.TestFiles;
import org.editio.build.Generator;
import org.editio.serve.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code editio serve} under attack, over raw sockets so that every request line is sent exactly
 * as written: it listens on loopback only, serves nothing outside the site in any encoding of a
 * traversal, refuses foreign Host names, request bodies and overlong paths, bounds its threads,
 * and answers 200 concurrent requests while it rebuilds.
 */
class ServeAttacksTest {

  @TempDir static Path dir;
  static Server server;
  static Path edition;
  static int port;

  @BeforeAll
  static void start() throws Exception {
    edition = Generator.generate(TestFiles.EDITION, 5, dir.resolve("edition"));
    Attack.plantSecrets(dir);
    server = Server.start(edition, dir.resolve("out"), 0, new PrintWriter(new StringWriter(), true));
    port = server.address().getPort();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  /** Sends {@code request} as it is and returns the status line and the body. */
  static String raw(String request) throws IOException {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
      s.setSoTimeout(20_000);
      OutputStream out = s.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = s.getInputStream();
      ByteArrayOutputStream response = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      int n;
      try {
        while ((n = in.read(buffer)) > 0) {
          response.write(buffer, 0, n);
          if (response.size() > 4_000_000) {
            break;
          }
        }
      } catch (java.net.SocketException e) {
        // the server closed the connection: what it sent so far is the answer
      }
      return response.toString(StandardCharsets.UTF_8);
    }
  }

  /** Sends {@code request} and returns the status of the answer, without waiting for its end. */
  static int statusOnly(String request) throws IOException {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
      s.setSoTimeout(20_000);
      s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      s.getOutputStream().flush();
      StringBuilder line = new StringBuilder();
      int c;
      while ((c = s.getInputStream().read()) > 0 && c != '\n') {
        line.append((char) c);
      }
      return status(line.toString());
    }
  }

  static String get(String target) throws IOException {
    return raw("GET " + target + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nConnection: close\r\n\r\n");
  }

  static int status(String response) {
    return response.startsWith("HTTP/1.1 ") ? Integer.parseInt(response.substring(9, 12)) : -1;
  }

  @Test
  void listensOnLoopbackOnly() throws Exception {
    assertTrue(InetAddress.getByName(server.address().getHost()).isLoopbackAddress());
    assertTrue(server.boundAddress().getAddress().isLoopbackAddress(), server.boundAddress().toString());
  }

  @Test
  void servesTheSite() throws Exception {
    String home = get("/");
    assertEquals(200, status(home), home);
    assertTrue(home.toLowerCase(java.util.Locale.ROOT).contains("content-security-policy: default-src 'none'"), home);
  }

  @Test
  void refusesTraversalInEveryEncoding() throws Exception {
    List<String> attacks = List.of(
        "/../secret/secret.txt", "/../../secret/secret.txt", "/documents/../../secret/secret.txt",
        "/%2e%2e/secret/secret.txt", "/%2E%2E/%2E%2E/secret/secret.txt", "/..%2fsecret%2fsecret.txt",
        "/%2e%2e%2f%2e%2e%2fsecret%2fsecret.txt", "/..%5c..%5csecret%5csecret.txt", "/..\\..\\secret\\secret.txt",
        "/%252e%252e/%252e%252e/secret/secret.txt", "/%c0%ae%c0%ae/secret/secret.txt", "//secret/secret.txt",
        "/./../secret/secret.txt", "/documents/%2e%2e/%2e%2e/edition/edition.xml", "/..;/secret/secret.txt",
        "/%00../secret/secret.txt", dir.resolve("secret/secret.txt").toString(), "/" + dir.resolve("secret/secret.txt"),
        "http://localhost:" + port + "/../secret/secret.txt", "http://evil.example/../../secret/secret.txt",
        "file:///etc/passwd");
    Map<String, Integer> statuses = new TreeMap<>();
    for (String target : attacks) {
      String response = get(target);
      assertFalse(response.contains(Attack.FILE_SECRET), target + " served the secret");
      assertFalse(response.contains("root:x:0"), target + " served /etc/passwd");
      statuses.put(target, status(response));
    }
    statuses.forEach((target, status) -> assertTrue(status == 400 || status == 404, target + ": " + status));
    assertEquals(400, status(get("/%2e%2e/secret/secret.txt")));
    assertEquals(400, status(get("http://evil.example/index.html")));
  }

  @Test
  void refusesALinkLeadingOutOfTheSite() throws Exception {
    Path link = dir.resolve("out/html/leak.txt");
    Files.createSymbolicLink(link, dir.resolve("secret/secret.txt"));
    try {
      String response = get("/leak.txt");
      assertEquals(403, status(response), response);
      assertFalse(response.contains(Attack.FILE_SECRET));
    } finally {
      Files.deleteIfExists(link);
    }
  }

  @Test
  void refusesForeignHostNames() throws Exception {
    // a page of another site whose name resolves to 127.0.0.1 (DNS rebinding) gets nothing
    String response = raw("GET / HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
    assertEquals(421, status(response), response);
    assertEquals(421, status(raw("GET / HTTP/1.1\r\nConnection: close\r\n\r\n")));
    assertEquals(200, status(raw("GET / HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n")));
  }

  @Test
  void boundsRequestSize() throws Exception {
    assertEquals(414, status(get("/" + "a".repeat(5000))));
    String body = "x".repeat(10_000);
    assertEquals(413, status(raw("GET / HTTP/1.1\r\nHost: localhost\r\nContent-Length: " + body.length()
        + "\r\nConnection: close\r\n\r\n" + body)));
    assertEquals(405, status(raw("POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1\r\nConnection: close\r\n\r\nx")));
    StringBuilder headers = new StringBuilder("GET / HTTP/1.1\r\nHost: localhost\r\n");
    for (int i = 0; i < 500; i++) {
      headers.append("X-Filler-").append(i).append(": y\r\n");
    }
    String many = raw(headers.append("Connection: close\r\n\r\n").toString());
    assertTrue(status(many) != 200, "500 headers are not served: " + many.lines().findFirst().orElse(""));
  }

  @Test
  void boundsOpenPagesListeningForBuilds() throws Exception {
    List<Socket> held = new ArrayList<>();
    try {
      for (int i = 0; i < Server.MAX_LISTENERS; i++) {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
        s.getOutputStream().write(("GET /_editio/events HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        s.getOutputStream().flush();
        s.setSoTimeout(10_000);
        s.getInputStream().read();
        held.add(s);
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      int status = 0;
      while (System.nanoTime() < deadline && status != 503) {
        status = statusOnly("GET /_editio/events HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
      }
      assertEquals(503, status);
      assertEquals(200, status(get("/")), "pages are still served");
    } finally {
      for (Socket s : held) {
        s.close();
      }
    }
  }

  @Test
  void answers200ConcurrentRequestsDuringARebuild() throws Exception {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();
    List<String> pages = new ArrayList<>(List.of("", "documents.html", "about.html", "search.html", "assets/editio.css"));
    try (var docs = Files.list(dir.resolve("out/html/documents"))) {
      docs.filter(p -> p.toString().endsWith(".html")).forEach(p -> pages.add("documents/" + p.getFileName()));
    }
    long builds = server.builds();
    Path document;
    try (var files = Files.list(edition.resolve("documents"))) {
      document = files.sorted().findFirst().orElseThrow();
    }
    String text = Files.readString(document);
    Files.writeString(document, text.replaceFirst("<p>", "<p>Rebuilt under load. "));
    List<CompletableFuture<HttpResponse<String>>> requests = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      URI uri = server.address().resolve(pages.get(i % pages.size()));
      requests.add(client.sendAsync(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).build(),
          HttpResponse.BodyHandlers.ofString()));
      if (i % 20 == 0) {
        Thread.sleep(40); // spread over the rebuild
      }
    }
    Map<Integer, Integer> statuses = new TreeMap<>();
    for (CompletableFuture<HttpResponse<String>> r : requests) {
      statuses.merge(r.get(90, TimeUnit.SECONDS).statusCode(), 1, Integer::sum);
    }
    assertEquals(Map.of(200, 200), statuses, "every request answered with its page");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (server.builds() <= builds && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertTrue(server.builds() > builds, "the rebuild ran");
    assertEquals(200, status(get("/")), "and the server still serves");
  }
}
