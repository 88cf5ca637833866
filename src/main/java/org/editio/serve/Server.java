package org.editio.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.editio.EditioException;
import org.editio.Problem;
import org.editio.build.Builder;
import org.editio.output.OutputLayout;

/**
 * {@code editio serve}: builds the HTML edition, serves it on localhost, watches the edition's
 * files, builds again (incrementally) on every change and reloads the open pages. While the
 * edition has errors, every page shows them instead of the stale page, and the terminal prints them.
 *
 * <p>Served pages get one extra script, {@value #RELOAD_SCRIPT}, which listens for builds on
 * {@value #EVENTS} (server-sent events). The files on disk are exactly what {@code editio html}
 * writes; only the served copies carry the script.
 */
public final class Server implements AutoCloseable {

  static final String EVENTS = "/_editio/events";
  static final String RELOAD_SCRIPT = "/_editio/reload.js";
  static final String ERROR_CSS = "/_editio/error.css";

  /** Longest request path served; editio's own paths are far shorter. */
  static final int MAX_PATH = 2048;

  /** Threads answering requests; more requests wait in a queue of {@link #QUEUE}. */
  static final int THREADS = 32;

  /** Requests waiting for a thread; beyond, a connection is closed at once. */
  static final int QUEUE = 1024;

  /** Open pages listening for builds (each holds a connection); beyond, 503. */
  public static final int MAX_LISTENERS = 16;

  /**
   * The Content-Security-Policy of served pages: the one every page carries in its {@code <meta>}
   * (see {@code xslt/html/page.xsl}), plus what only a header can say (no framing).
   */
  static final String CSP = org.editio.html.Csp.POLICY + "; frame-ancestors 'none'";

  static {
    // the JDK server's own bounds, read when its first instance is made: headers per request,
    // and the time a request may take to arrive (a client that trickles bytes is cut off)
    System.setProperty("sun.net.httpserver.maxReqHeaders", System.getProperty("sun.net.httpserver.maxReqHeaders", "64"));
    System.setProperty("sun.net.httpserver.maxReqTime", System.getProperty("sun.net.httpserver.maxReqTime", "30"));
    System.setProperty("sun.net.httpserver.maxRspTime", System.getProperty("sun.net.httpserver.maxRspTime", "-1"));
  }

  private static final Map<String, String> TYPES = Map.ofEntries(
      Map.entry("html", "text/html; charset=utf-8"),
      Map.entry("css", "text/css; charset=utf-8"),
      Map.entry("js", "text/javascript; charset=utf-8"),
      Map.entry("json", "application/json"),
      Map.entry("xml", "application/xml"),
      Map.entry("svg", "image/svg+xml"),
      Map.entry("png", "image/png"),
      Map.entry("jpg", "image/jpeg"),
      Map.entry("jpeg", "image/jpeg"),
      Map.entry("gif", "image/gif"),
      Map.entry("pdf", "application/pdf"),
      Map.entry("woff2", "font/woff2"));

  private static final String RELOAD_JS = String.join("\n",
      "/* editio serve: reload this page when the edition has been built again */",
      "(function () {",
      "  var events = new EventSource('" + EVENTS + "?page=' + encodeURIComponent(location.pathname));",
      "  events.onmessage = function (e) { if (e.data === 'reload') { location.reload(); } };",
      "})();",
      "");

  private final Path edition;
  private final Path out;
  private final PrintWriter log;
  private final boolean quiet;
  private final Builder builder = new Builder();
  private final HttpServer http;
  private final ExecutorService threads = new java.util.concurrent.ThreadPoolExecutor(THREADS, THREADS, 30,
      java.util.concurrent.TimeUnit.SECONDS, new java.util.concurrent.ArrayBlockingQueue<>(QUEUE), r -> {
        Thread t = new Thread(r, "editio-serve");
        t.setDaemon(true);
        return t;
      });
  /** The watcher and the heartbeat run apart from the request threads. */
  private final ExecutorService background = Executors.newFixedThreadPool(2, r -> {
    Thread t = new Thread(r, "editio-serve-watch");
    t.setDaemon(true);
    return t;
  });
  private final List<OutputStream> listeners = new CopyOnWriteArrayList<>();
  /** The path of the page each listener is (its address's path), to reload only pages that changed. */
  private final Map<OutputStream, String> pageOf = new java.util.concurrent.ConcurrentHashMap<>();
  /** Open pages listening for builds, each holding a request thread: at most {@link #MAX_LISTENERS}. */
  private final java.util.concurrent.Semaphore openPages = new java.util.concurrent.Semaphore(MAX_LISTENERS);
  private final Watcher watcher;
  private volatile List<Problem> errors = List.of();
  private volatile long builds;

  /**
   * Builds {@code edition} into {@code out}, then starts serving {@code out/html} on
   * {@code localhost:port} (0: any free port) and watching the edition.
   */
  public static Server start(Path edition, Path out, int port, PrintWriter log) throws EditioException {
    return new Server(edition, out, port, log, Options.DEFAULT);
  }

  /**
   * What {@code editio serve} takes besides where to serve from.
   *
   * @param quiet the log gets problems only, not a line per build
   * @param catalogs the user's XML catalogs ({@code --catalog})
   * @param title the title of TEI without edition.xml ({@code --title}), or null (see {@link Builder#title})
   */
  public record Options(boolean quiet, List<Path> catalogs, String title) {
    public static final Options DEFAULT = new Options(false, List.of(), null);

    public Options {
      catalogs = catalogs == null ? List.of() : List.copyOf(catalogs);
    }
  }

  /** As {@link #start(Path, Path, int, PrintWriter)}, with {@code options}. */
  public static Server start(Path edition, Path out, int port, PrintWriter log, Options options) throws EditioException {
    return new Server(edition, out, port, log, options);
  }

  private Server(Path edition, Path out, int port, PrintWriter log, Options options) throws EditioException {
    builder.catalogs(options.catalogs()).title(options.title());
    this.edition = edition.toAbsolutePath().normalize();
    this.out = out.toAbsolutePath().normalize();
    this.log = log;
    this.quiet = options.quiet();
    if (!Files.exists(this.edition)) {
      throw EditioException.io(edition, "no such file or directory");
    }
    build();
    try {
      http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    } catch (IOException e) {
      builder.close();
      throw EditioException.io(null, "cannot listen on port " + port + ": " + e.getMessage()
          + (port != 0 ? " (another server may use it: try -p with another port)" : ""));
    }
    http.setExecutor(threads);
    http.createContext("/", this::handle);
    http.start();
    try {
      watcher = new Watcher(this.edition, this.out, this::rebuild);
    } catch (IOException e) {
      http.stop(0);
      builder.close();
      throw EditioException.io(edition, "cannot watch the edition's files: " + e.getMessage());
    }
    background.execute(watcher);
    background.execute(this::heartbeat);
  }

  /** The address pages are served from, e.g. {@code http://localhost:8000/}. */
  public URI address() {
    return URI.create("http://localhost:" + http.getAddress().getPort() + "/");
  }

  /** The socket address the server is bound to (the loopback interface). */
  public InetSocketAddress boundAddress() {
    return http.getAddress();
  }

  /** How many builds ran (succeeded or not) since the server started; for tests. */
  public long builds() {
    return builds;
  }

  /** True while a build runs: its commit may briefly take html/ away (see {@link #read}). */
  private volatile boolean building;

  private synchronized void build() {
    long start = System.nanoTime();
    building = true;
    try {
      Builder.Result result = builder.build(edition, out, OutputLayout.HTML);
      errors = List.of();
      result.warnings().forEach(log::println);
      if (!quiet) {
        log.printf(Locale.ROOT, "built %d document%s in %.1f s (%d file%s rendered, %d unchanged)%n",
            result.edition().documents().size(), result.edition().documents().size() == 1 ? "" : "s",
            (System.nanoTime() - start) / 1e9, result.rendered(), result.rendered() == 1 ? "" : "s", result.reused());
      }
    } catch (EditioException e) {
      errors = e.problems().isEmpty() ? List.of(Problem.error(edition, "the build failed")) : e.problems();
      errors.forEach(log::println);
      log.println("not published: the pages show these errors until they are fixed");
    } catch (RuntimeException e) {
      errors = List.of(Problem.error(edition, "internal error: " + e));
      errors.forEach(log::println);
    } finally {
      building = false;
      builds++;
      log.flush();
    }
  }

  /**
   * Builds again and reloads the open pages that changed: a page whose file's bytes differ, every
   * page when the site's styles, scripts or images changed or the edition had or has errors (the
   * error page comes or goes). Other pages stay as the reader left them: their place, an open note,
   * a filtered list (every page was reloaded after every save until session 9).
   */
  private void rebuild() {
    boolean hadErrors = !errors.isEmpty();
    Map<String, String> pagesBefore = pageStamps();
    String sharedBefore = sharedStamp();
    build();
    boolean all = hadErrors || !errors.isEmpty() || !sharedBefore.equals(sharedStamp());
    Map<String, String> pagesAfter = pageStamps();
    for (OutputStream listener : listeners) {
      String page = pageOf.get(listener);
      if (all || page == null || !java.util.Objects.equals(pagesBefore.get(page), pagesAfter.get(page))) {
        send(listener, "data: reload\n\n");
      }
    }
  }

  /** The digest of the file of each open page (by its path; "" for one that cannot be read). */
  private Map<String, String> pageStamps() {
    Map<String, String> stamps = new java.util.HashMap<>();
    Path root = out.resolve(OutputLayout.HTML);
    for (String page : pageOf.values()) {
      Path file = fileOf(root, page);
      String stamp = "";
      if (file.startsWith(root)) {
        try {
          stamp = org.editio.Digest.of(java.nio.file.Files.readAllBytes(file));
        } catch (IOException e) {
          stamp = "";
        }
      }
      stamps.put(page, stamp);
    }
    return stamps;
  }

  /**
   * What every page shows besides its own file: the site's styles and scripts (editio's and the
   * edition's, assets/ but its search index) and the images, by path, size and time (a file the
   * build kept is the same file).
   */
  private String sharedStamp() {
    Path root = out.resolve(OutputLayout.HTML);
    StringBuilder stamp = new StringBuilder();
    for (Path folder : List.of(root.resolve("assets"), root.resolve("documents").resolve("images"))) {
      if (!java.nio.file.Files.isDirectory(folder)) {
        continue;
      }
      try (var walk = java.nio.file.Files.walk(folder)) {
        for (Path f : walk.filter(java.nio.file.Files::isRegularFile).sorted().toList()) {
          String relative = root.relativize(f).toString().replace('\\', '/');
          if (relative.startsWith("assets/search/")) {
            continue;
          }
          stamp.append(relative).append(' ').append(java.nio.file.Files.size(f)).append(' ')
              .append(java.nio.file.Files.getLastModifiedTime(f).toMillis()).append('\n');
        }
      } catch (IOException | java.io.UncheckedIOException e) {
        stamp.append("unreadable ").append(folder).append('\n');
      }
    }
    return stamp.toString();
  }

  /** A comment every 15 s: drops listeners whose page was closed. */
  private void heartbeat() {
    while (!Thread.currentThread().isInterrupted()) {
      try {
        Thread.sleep(15_000);
      } catch (InterruptedException e) {
        return;
      }
      listeners.forEach(l -> send(l, ": alive\n\n"));
    }
  }

  private void send(OutputStream listener, String event) {
    try {
      listener.write(event.getBytes(StandardCharsets.UTF_8));
      listener.flush();
    } catch (IOException e) {
      listeners.remove(listener);
      pageOf.remove(listener);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        respond(exchange, 405, "text/plain; charset=utf-8", "only GET and HEAD\n".getBytes(StandardCharsets.UTF_8));
        return;
      }
      String refusal = refusal(exchange);
      if (refusal != null) {
        int status = Integer.parseInt(refusal.substring(0, 3));
        respond(exchange, status, "text/plain; charset=utf-8", (refusal.substring(4) + "\n").getBytes(StandardCharsets.UTF_8));
        return;
      }
      String path = exchange.getRequestURI().getPath();
      if (path.equals(EVENTS)) {
        if (!openPages.tryAcquire()) {
          respond(exchange, 503, "text/plain; charset=utf-8", "too many open pages\n".getBytes(StandardCharsets.UTF_8));
          return;
        }
        try {
          events(exchange);
        } finally {
          openPages.release();
        }
        return;
      }
      if (path.equals(RELOAD_SCRIPT)) {
        respond(exchange, 200, TYPES.get("js"), RELOAD_JS.getBytes(StandardCharsets.UTF_8));
        return;
      }
      if (path.equals(ERROR_CSS)) {
        respond(exchange, 200, TYPES.get("css"), ErrorPage.CSS.getBytes(StandardCharsets.UTF_8));
        return;
      }
      List<Problem> current = errors;
      if (!current.isEmpty() && (path.endsWith("/") || path.endsWith(".html"))) {
        respond(exchange, 500, TYPES.get("html"), ErrorPage.render(current, RELOAD_SCRIPT, ERROR_CSS));
        return;
      }
      file(exchange, path);
    }
  }

  /**
   * Why a request is refused, as "STATUS reason", or null: only loopback Host names (a page of
   * another site that resolves its name to 127.0.0.1 gets nothing), no request body, no absolute
   * URL, and a path that is plainly a path of the site: no {@code ..} or backslash, no
   * percent-sign left after decoding (double encoding), no control character, not too long.
   */
  static String refusal(HttpExchange exchange) {
    URI uri = exchange.getRequestURI();
    String raw = uri.getRawPath();
    if (uri.isAbsolute() || uri.getRawAuthority() != null) {
      return "400 absolute URLs are not served";
    }
    if (raw == null || raw.length() > MAX_PATH || (uri.getRawQuery() != null && uri.getRawQuery().length() > MAX_PATH)) {
      return "414 the request path is too long";
    }
    String host = exchange.getRequestHeaders().getFirst("Host");
    if (host == null || !host.matches("(?i)(localhost|127\\.0\\.0\\.1|\\[::1\\])(:\\d{1,5})?")) {
      return "421 this server answers requests for localhost only";
    }
    String length = exchange.getRequestHeaders().getFirst("Content-Length");
    if ((length != null && !length.trim().equals("0")) || exchange.getRequestHeaders().containsKey("Transfer-Encoding")) {
      return "413 requests with a body are not accepted";
    }
    String path = uri.getPath();
    if (path == null || !path.startsWith("/") || path.contains("..") || path.contains("\\") || path.contains("%")
        || path.contains("//") || path.chars().anyMatch(c -> c < 0x20 || c == 0x7f)
        || raw.toLowerCase(Locale.ROOT).matches(".*%(2e|2f|5c|25|00).*")) {
      return "400 not a path of this site";
    }
    return null;
  }

  /** The file of the site at an address's path ("/" and a folder: its index.html); outside {@code root} if the path climbs. */
  private static Path fileOf(Path root, String path) {
    return root.resolve(path.replaceFirst("^/+", "") + (path.endsWith("/") ? "index.html" : "")).normalize();
  }

  private void file(HttpExchange exchange, String path) throws IOException {
    Path root = out.resolve(OutputLayout.HTML);
    Path file = fileOf(root, path);
    if (!file.startsWith(root)) {
      respond(exchange, 404, "text/plain; charset=utf-8", "not found\n".getBytes(StandardCharsets.UTF_8));
      return;
    }
    byte[] body;
    try {
      body = read(root, file);
    } catch (SecurityException e) {
      respond(exchange, 403, "text/plain; charset=utf-8", "not served: a link leading out of the site\n"
          .getBytes(StandardCharsets.UTF_8));
      return;
    } catch (IOException e) {
      // missing, a directory, or a file being replaced by a build (the reader can reload)
      if (e instanceof NoSuchFileException && path.equals("/favicon.ico")) {
        // browsers ask for it on every page; an edition without one is not an error
        exchange.sendResponseHeaders(204, -1);
        return;
      }
      respond(exchange, 404, "text/plain; charset=utf-8", ("not found: " + path + "\n").getBytes(StandardCharsets.UTF_8));
      return;
    }
    String name = file.getFileName().toString();
    String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
    if (extension.equals("html")) {
      body = withReloadScript(body);
    }
    respond(exchange, 200, TYPES.getOrDefault(extension, "application/octet-stream"), body);
  }

  /**
   * A file of the site, read only when its real path (links followed) is inside the site's real
   * folder. A build moves a new folder into place with two renames; a request that falls between
   * them tries again (a few milliseconds later the new folder is there).
   */
  private byte[] read(Path root, Path file) throws IOException {
    for (int attempt = 0; ; attempt++) {
      try {
        Path real = file.toRealPath();
        if (!real.startsWith(root.toRealPath())) {
          throw new SecurityException("outside the site");
        }
        if (!Files.isRegularFile(real)) {
          throw new NoSuchFileException(file.toString());
        }
        return Files.readAllBytes(real);
      } catch (NoSuchFileException e) {
        // A build moves the new html/ into place by two renames: a read between them finds no
        // file, and the root may be back before we look again, so retry while a build runs.
        if (attempt >= 5 || (!building && Files.exists(root))) {
          throw e;
        }
        try {
          Thread.sleep(20);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  /** The served copy of a page loads the reload script; the file itself is left as published. */
  static byte[] withReloadScript(byte[] page) {
    String html = new String(page, StandardCharsets.UTF_8);
    String script = "<script src=\"" + RELOAD_SCRIPT + "\"></script>";
    int end = html.lastIndexOf("</body>");
    html = end < 0 ? html + script : html.substring(0, end) + script + html.substring(end);
    return html.getBytes(StandardCharsets.UTF_8);
  }

  private void events(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(200, 0);
    OutputStream body = exchange.getResponseBody();
    String query = exchange.getRequestURI().getQuery();
    if (query != null && query.startsWith("page=") && query.length() > 5) {
      pageOf.put(body, query.substring(5));
    }
    listeners.add(body); // counted before the page hears anything (the bound of open pages)
    body.write(": connected\n\n".getBytes(StandardCharsets.UTF_8));
    body.flush();
    // the exchange stays open until the page goes away (a write fails) or the server stops
    synchronized (body) {
      while (listeners.contains(body)) {
        try {
          body.wait(1000);
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }

  private static void respond(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.getResponseHeaders().set("Content-Security-Policy", CSP);
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
    exchange.getResponseHeaders().set("Cross-Origin-Resource-Policy", "same-origin");
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head ? -1 : body.length);
    if (!head) {
      exchange.getResponseBody().write(body);
    }
  }

  /** Stops serving and watching. */
  @Override
  public void close() {
    watcher.close();
    listeners.clear();
    pageOf.clear();
    http.stop(0);
    threads.shutdownNow();
    background.shutdownNow();
    builder.close();
  }
}
