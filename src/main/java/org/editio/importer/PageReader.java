package org.editio.importer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * Reads archive pages into {@link Page}s: HTML (parsed with Jsoup) or a plain-text rendering, from
 * a file or an http(s) URL. The character set is the declared one, else the one Mozilla's
 * detector finds; it is never guessed silently: an undeclared set is reported.
 */
final class PageReader {

  /** A page that cannot be read: the reason is for the user. */
  static final class Unreadable extends Exception {
    private static final long serialVersionUID = 1L;

    Unreadable(String message) {
      super(message);
    }
  }

  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]");
  private static final Pattern META_CHARSET = Pattern.compile("(?i)<meta[^>]+charset\\s*=\\s*[\"']?([\\w.:-]+)");
  private static final Pattern SAVED_FROM = Pattern.compile("(?i)saved from url=\\(\\d+\\)(\\S+)");
  /** Word's "save as" keeps the address in a comment: {@code <!-- source: https://... -->}. */
  private static final Pattern SOURCE_COMMENT = Pattern.compile("(?i)\\bsource\\s*:\\s*(https?://\\S+)");
  private static final java.util.Set<String> BLOCKS = java.util.Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6",
      "li", "tr", "table", "blockquote", "pre", "section", "article", "header", "footer", "ul", "ol", "dl", "dt", "dd",
      "center", "address", "hr", "body");

  private PageReader() {}

  static boolean isHtmlName(String name) {
    String n = name.toLowerCase(Locale.ROOT).strip();
    return n.endsWith(".htm") || n.endsWith(".html");
  }

  static Page readFile(Path file, String url) throws Unreadable {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new Unreadable("cannot read: " + e.getMessage());
    }
    return read(file.toString(), bytes, isHtmlName(file.getFileName().toString()), url);
  }

  static Page fetch(String url) throws Unreadable {
    HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL).build();
    try {
      HttpResponse<byte[]> response = client.send(
          HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new Unreadable("the server answered HTTP " + response.statusCode());
      }
      String type = response.headers().firstValue("Content-Type").orElse("");
      boolean html = type.contains("html") || isHtmlName(URI.create(url).getPath());
      Matcher m = Pattern.compile("(?i)charset=([\\w.:-]+)").matcher(type);
      return read(url, response.body(), html, url, m.find() ? m.group(1) : null);
    } catch (IOException e) {
      throw new Unreadable("cannot fetch the page: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
          + " (is the network reachable?)");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Unreadable("interrupted while fetching the page");
    } catch (IllegalArgumentException e) {
      throw new Unreadable("not a valid URL: " + e.getMessage());
    }
  }

  static Page read(String name, byte[] bytes, boolean html, String url) throws Unreadable {
    return read(name, bytes, html, url, null);
  }

  private static Page read(String name, byte[] bytes, boolean html, String url, String httpCharset) throws Unreadable {
    if (bytes.length == 0 || new String(bytes, StandardCharsets.ISO_8859_1).isBlank()) {
      throw new Unreadable("the page is empty");
    }
    if (isBinary(bytes)) {
      throw new Unreadable("not a web page: the file is binary");
    }
    String ascii = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
    if (!html && ascii.stripLeading().startsWith("<") && Pattern.compile("(?i)<(html|body|p)\\b").matcher(ascii).find()) {
      html = true;
    }
    String declared = httpCharset;
    if (declared == null && html) {
      Matcher m = META_CHARSET.matcher(ascii);
      declared = m.find() ? m.group(1) : null;
    }
    String[] decision = decide(bytes, declared);
    String text = decode(bytes, decision[0]);
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    // control characters (a word processor's stray U+000C, U+0001 ...) cannot stand in XML: they
    // are read as spaces, and said so
    Matcher control = CONTROL.matcher(text);
    if (control.find()) {
      int line = 1 + (int) text.substring(0, control.start()).chars().filter(c -> c == '\n').count();
      String note = "the page holds control characters (the first, U+" + String.format("%04X", (int) control.group().charAt(0))
          + ", on line " + line + ") that XML cannot hold: read as spaces";
      decision = new String[] {decision[0], decision[1] == null ? note : decision[1] + "; " + note};
      text = control.replaceAll(" ");
    }
    if (!html) {
      List<Page.Line> lines = new ArrayList<>();
      String[] raw = text.replace('\u00A0', ' ').split("\\r?\\n|\\r", -1);
      for (int i = 0; i < raw.length; i++) {
        lines.add(new Page.Line(raw[i], i + 1, 1 + raw[i].length() - raw[i].stripLeading().length()));
      }
      return new Page(name, url, lines, Map.of(), decision[0], decision[1], false);
    }
    return fromHtml(name, text, url, decision);
  }

  private static boolean isBinary(byte[] bytes) {
    int n = Math.min(bytes.length, 8192);
    int control = 0;
    for (int i = 0; i < n; i++) {
      int b = bytes[i] & 0xff;
      if (b == 0) {
        return !(n > 1 && (bytes[0] == (byte) 0xff || bytes[0] == (byte) 0xfe)); // UTF-16 has NULs
      }
      if (b < 0x09 || (b > 0x0d && b < 0x20 && b != 0x1b)) {
        control++;
      }
    }
    return control > n / 20;
  }

  /** [charset, note]: the declared set when it fits the bytes, else the detected one, reported. */
  private static String[] decide(byte[] bytes, String declared) {
    String bom = bom(bytes);
    if (bom != null) {
      return new String[] {bom, null};
    }
    if (declared != null) {
      String canonical = canonical(declared);
      boolean utf8 = validUtf8(bytes);
      if (canonical != null && canonical.equals("UTF-8") && utf8) {
        return new String[] {canonical, null};
      }
      if (canonical != null && !canonical.equals("UTF-8") && !(utf8 && hasMultibyte(bytes))) {
        return new String[] {canonical, null};
      }
    }
    if (validUtf8(bytes)) {
      return new String[] {"UTF-8", declared == null ? null : "declared " + declared + " but the bytes are UTF-8: read as UTF-8"};
    }
    UniversalDetector detector = new UniversalDetector();
    detector.handleData(bytes, 0, bytes.length);
    detector.dataEnd();
    String detected = detector.getDetectedCharset();
    String cs = detected == null ? "windows-1252" : canonical(detected);
    if (cs == null) {
      cs = "windows-1252";
    }
    String why = declared == null ? "no character set declared" : "declared " + declared + " does not fit the bytes";
    return new String[] {cs, why + "; read as " + cs + (detected == null ? " (the detector was not sure)" : " (detected)")};
  }

  /** Whether the bytes hold non-ASCII characters (then valid UTF-8 is UTF-8, whatever is declared). */
  private static boolean hasMultibyte(byte[] bytes) {
    for (byte b : bytes) {
      if (b < 0) {
        return true;
      }
    }
    return false;
  }

  private static String bom(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf) {
      return "UTF-8";
    }
    if (b.length >= 2 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe) {
      return "UTF-16LE";
    }
    if (b.length >= 2 && (b[0] & 0xff) == 0xfe && (b[1] & 0xff) == 0xff) {
      return "UTF-16BE";
    }
    return null;
  }

  private static String canonical(String name) {
    try {
      return Charset.forName(name.strip()).name();
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      return null;
    }
  }

  private static boolean validUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static String decode(byte[] bytes, String charset) {
    String s = new String(bytes, Charset.forName(charset));
    return s;
  }

  /**
   * HTML to lines: one line per block (a Word paragraph), footnotes taken apart. Jsoup tracks
   * where each text starts in the file, so that every line keeps its place for messages.
   */
  private static Page fromHtml(String name, String html, String url, String[] decision) {
    Document doc = Jsoup.parse(html, "", Parser.htmlParser().setTrackPosition(true));
    if (url == null) {
      url = savedFrom(doc);
    }
    doc.select("script, style, head title, xml").remove();
    Map<String, Page.Line> footnotes = new LinkedHashMap<>();
    // Word footnotes: the note area holds <a href="#_ftnref1" name="_ftn1">[1]</a> text
    for (Element back : doc.select("a[href^=#_ftnref]")) {
      String n = back.attr("href").replaceAll("\\D", "");
      Element container = back.closest("div[id^=ftn], p, li");
      if (container == null) {
        continue;
      }
      int[] at = position(container);
      back.remove();
      footnotes.put(n, new Page.Line(container.text().replace('\u00A0', ' ').strip(), at[0], at[1]));
      container.remove();
    }
    doc.select("div[id^=ftn], hr").forEach(e -> {
      if (e.text().isBlank()) {
        e.remove();
      }
    });
    // the anchors in the text: <a href="#_ftn1" name="_ftnref1">[1]</a>
    for (Element a : doc.select("a[href^=#_ftn]")) {
      String n = a.attr("href").replaceAll("\\D", "");
      if (footnotes.containsKey(n)) {
        a.replaceWith(new TextNode(Page.anchor(n)));
      }
    }
    List<Page.Line> lines = new ArrayList<>();
    LineBuilder line = new LineBuilder(lines);
    NodeTraversor.traverse(new NodeVisitor() {
      @Override
      public void head(Node node, int depth) {
        if (node instanceof TextNode t) {
          line.append(t.getWholeText().replace('\u00A0', ' ').replaceAll("[\\r\\n\\t ]+", " "), node);
        } else if (node instanceof Element e) {
          if (e.normalName().equals("br")) {
            line.flush(true);
          } else if (BLOCKS.contains(e.normalName())) {
            line.flush(false);
            line.at(e);
          }
        }
      }

      @Override
      public void tail(Node node, int depth) {
        if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
          line.flush(e.normalName().equals("p") || e.normalName().matches("h\\d"));
        }
      }
    }, doc.body());
    line.flush(false);
    return new Page(name, url, lines, footnotes, decision[0], decision[1], true);
  }

  /** The line and column where a node starts in the file, or [0, 0] when unknown. */
  private static int[] position(Node node) {
    org.jsoup.nodes.Range.Position p = node.sourceRange().start();
    return p.isTracked() ? new int[] {p.lineNumber(), p.columnNumber()} : new int[] {0, 0};
  }

  /** Gathers the text of one block, and where its first visible character stands. */
  private static final class LineBuilder {
    private final List<Page.Line> lines;
    private final StringBuilder text = new StringBuilder();
    private int[] start = {0, 0};
    private boolean placed;

    LineBuilder(List<Page.Line> lines) {
      this.lines = lines;
    }

    /** Where the block starts, for a block that turns out to hold no text node of its own. */
    void at(Node block) {
      if (!placed) {
        start = position(block);
      }
    }

    void append(String s, Node from) {
      if (!placed && !s.isBlank()) {
        int[] p = position(from);
        if (p[0] > 0) {
          // the first visible character: past leading spaces written on the same line
          int lead = s.length() - s.stripLeading().length();
          start = new int[] {p[0], p[1] + lead};
        }
        placed = true;
      }
      text.append(s);
    }

    /** Ends a line; an empty paragraph becomes an empty line (the blank of spaced layouts). */
    void flush(boolean keepEmpty) {
      String s = text.toString().strip();
      if (!s.isEmpty() || keepEmpty) {
        lines.add(new Page.Line(s, start[0], start[1]));
      }
      text.setLength(0);
      placed = false;
    }
  }

  /**
   * The page's address as a saved page records it: Internet Explorer's "saved from url" comment,
   * a word processor's {@code <!-- source: ... -->} comment (anywhere in the file), or a
   * canonical link.
   */
  private static String savedFrom(Document doc) {
    List<Comment> comments = new ArrayList<>();
    NodeTraversor.traverse((node, depth) -> {
      if (node instanceof Comment c) {
        comments.add(c);
      }
    }, doc);
    for (Comment c : comments) {
      Matcher m = SAVED_FROM.matcher(c.getData());
      if (m.find()) {
        return m.group(1);
      }
    }
    for (Comment c : comments) {
      Matcher m = SOURCE_COMMENT.matcher(c.getData());
      if (m.find()) {
        return m.group(1);
      }
    }
    Element canonical = doc.selectFirst("link[rel=canonical][href]");
    return canonical == null ? null : canonical.attr("href");
  }
}
