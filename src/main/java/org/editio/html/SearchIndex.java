package org.editio.html;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XdmNodeKind;

/**
 * The search index of the HTML edition, built in Java when the edition is published and read by
 * {@code assets/search.js} in the reader's browser. It is split so that a query loads only what it
 * needs, as Pagefind does: at 10,000 documents a search for one word reads the root, one chunk of
 * the dictionary and the documents it finds, not the whole index.
 *
 * <p>Files, all in {@code assets/search/}, each a script that hands its data to
 * {@code editioSearch} (scripts, not {@code fetch}, because pages opened from {@code file://} may
 * not fetch):
 *
 * <ul>
 *   <li>{@code index.js}, the root: number of documents, average field lengths, the first stem of
 *       every stem chunk and the first word of every word chunk, the facets' values and labels;
 *   <li>{@code t-N.js}, stem chunks: for each stem in sorted order, its postings: documents (by
 *       number, as deltas), and in each the positions of the stem (as deltas);
 *   <li>{@code w-N.js}, word chunks: the folded words before stemming, each with its stem, for
 *       the reader's unfinished last word (prefix search);
 *   <li>{@code d-N.js}, document chunks of {@value #DOC_CHUNK} documents: where each field ends
 *       (its length) and the facet values of each document, for ranking and counting every match;
 *   <li>{@code doc/N.js}, one per document (by number): its id, its page (the path the
 *       {@link org.editio.output.OutputLayout} gave it, relative to the search page, which a result
 *       links as it is), what a result shows, and the segments of its fields as indexed, from
 *       which the browser finds and marks the words around a hit; loaded only for the results
 *       shown.
 * </ul>
 *
 * <p>Chunks are cut where a stem's hash says so (content-defined, between a minimum and a maximum
 * size), so that a correction changes the chunks holding the changed words, not every chunk after
 * them. Everything is written in sorted order: the same documents give the same bytes.
 *
 * <p>What the index holds of a document (its search record) is {@code html/search-data.xsl}'s;
 * this class analyses records and lays out the files. Which files are written, reused and where
 * is {@link HtmlPublisher}'s, through the build's {@link org.editio.output.Run}.
 */
public final class SearchIndex {

  /** Documents per document chunk. */
  static final int DOC_CHUNK = 256;
  /** Chunk sizes in bytes: cut at a stem whose hash ends in four zero bits, after the minimum. */
  static final int MIN_CHUNK = 12 * 1024;
  static final int MAX_CHUNK = 64 * 1024;
  /** The fields, in position order; search.js weights them. */
  static final List<String> FIELDS = List.of("title", "text", "names");
  static final List<String> FACETS = List.of("year", "country", "type", "person");

  private static final JsonFactory JSON = new JsonFactory();
  private static final Map<String, String> FOLDING = SearchAnalyzer.asciiFoldingTable();

  private SearchIndex() {}

  /** A facet value of a document: facet name, key (as in URLs), label (as shown). */
  public record Facet(String name, String key, String label) {}

  /**
   * One document's part of the index, made from its search record ({@code f:search-record} in
   * {@code search-data.xsl}) and kept between builds by documents' digests: a correction analyses
   * one document again, not all.
   *
   * @param stems the document's stems, sorted, with {@code positions} (ascending) of each
   * @param words the folded words before stemming, sorted, with their stems in {@code wordStems}
   * @param spans where each field ends (exclusive position), in {@link #FIELDS} order
   * @param fields the segments of each field, as indexed (and as the browser finds words in them)
   * @param fragment the data of the document's {@code doc/N.js} (JSON; the file names it by number)
   * @param parts the data of {@code doc/N-K.js}, K from 1: the text's further parts (JSON arrays)
   */
  public record Entry(String id, String[] stems, int[][] positions, String[] words, String[] wordStems,
      int[] spans, List<Facet> facets, List<List<String>> fields, byte[] fragment, List<byte[]> parts) {}

  /**
   * Characters of text in one part of a document's text ({@code doc/N.js} holds the first): a
   * result shows the passage around its first hit, so the page loads the part holding it, not the
   * whole text (a FRUS document's text is 39 KiB on average, up to 280 KiB).
   */
  static final int PART_CHARS = 8 * 1024;

  // ---------------------------------------------------------------- one document

  private static final QName ID = new QName("id");
  private static final QName NAME = new QName("name");
  private static final QName KEY = new QName("key");
  private static final QName LABEL = new QName("label");
  private static final QName READING = new QName("reading");
  private static final QName NAMES = new QName("names");

  private static final QName SEARCH_RECORD = new QName("http://editio.org/ns/function", "search-record");

  /** The stylesheet that makes a document's search record (editio's own: an edition does not replace it). */
  static final String STYLESHEET = "html/search-data.xsl";

  /**
   * A transformer that makes search records: {@code search-data.xsl} with the edition's
   * parameters, the layout's paths ({@code links}: a record names its document's page) and the
   * search page as the place links are relative to. It reads nothing while it runs, as every
   * stylesheet that renders the edition ({@link org.editio.xml.Xml#renderer}); one transformer
   * makes the records of many documents.
   */
  public static net.sf.saxon.s9api.Xslt30Transformer records(net.sf.saxon.s9api.XsltExecutable searchData,
      org.editio.xml.Params params, Map<String, String> links, String searchPage) throws net.sf.saxon.s9api.SaxonApiException {
    net.sf.saxon.s9api.Xslt30Transformer t = org.editio.xml.Xml.renderer(searchData);
    t.setStylesheetParameters(params.putStrings("layout", links).put("here", searchPage).asMap());
    return t;
  }

  /**
   * A document's entry: its search record ({@code f:search-record} of {@code search-data.xsl},
   * with the edition's registers and categories, and the HTML edition's layout), analysed.
   */
  public static Entry entry(org.editio.xml.Xml xml, org.editio.edition.Edition edition, org.editio.edition.TeiDocument doc)
      throws net.sf.saxon.s9api.SaxonApiException {
    org.editio.output.OutputLayout layout = new org.editio.output.OutputLayout(edition, List.of(org.editio.output.OutputLayout.HTML));
    return entry(records(xml.stylesheet(STYLESHEET), edition.stylesheetParams(), layout.siteLinks(), layout.page("search")), doc);
  }

  /** As above, with a transformer of {@link #records}. */
  public static Entry entry(net.sf.saxon.s9api.Xslt30Transformer searchData, org.editio.edition.TeiDocument doc)
      throws net.sf.saxon.s9api.SaxonApiException {
    return entry((XdmNode) searchData.callFunction(SEARCH_RECORD, new net.sf.saxon.s9api.XdmValue[] {doc.tree()}));
  }

  /** Analyses a search record: every segment of every field, alternative readings beside theirs. */
  public static Entry entry(XdmNode record) {
    XdmNode doc = record.getNodeKind() == XdmNodeKind.DOCUMENT ? first(record, "doc") : record;
    TreeMap<String, List<Integer>> stems = new TreeMap<>();
    TreeMap<String, String> words = new TreeMap<>();
    List<Facet> facets = new ArrayList<>();
    List<List<String>> segments = new ArrayList<>();
    List<Integer> textStarts = new ArrayList<>(); // where each text segment starts, and where the text ends
    int[] spans = new int[FIELDS.size()];
    int position = 0;
    for (XdmNode child : elements(doc)) {
      String element = child.getNodeName().getLocalName();
      if (element.equals("facet")) {
        facets.add(new Facet(child.getAttributeValue(NAME), child.getAttributeValue(KEY), child.getAttributeValue(LABEL)));
      } else if (element.equals("field")) {
        int field = FIELDS.indexOf(child.getAttributeValue(NAME));
        if (field < 0) {
          throw new IllegalArgumentException("unknown search field " + child.getAttributeValue(NAME));
        }
        List<String> texts = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        for (XdmNode seg : elements(child)) {
          Segment s = new Segment();
          s.read(seg);
          String text = s.text.toString().strip();
          if (text.isEmpty()) {
            continue;
          }
          texts.add(text);
          starts.add(position);
          position = s.index(position, stems, words) + 1; // one empty position between segments
        }
        segments.add(texts);
        if (field == FIELDS.indexOf("text")) {
          textStarts.addAll(starts);
          textStarts.add(position);
        }
        spans[field] = position;
      }
    }
    String id = doc.getAttributeValue(ID);
    int[][] positions = new int[stems.size()][];
    int i = 0;
    for (List<Integer> p : stems.values()) {
      positions[i++] = p.stream().mapToInt(Integer::intValue).sorted().distinct().toArray();
    }
    List<byte[]> parts = new ArrayList<>();
    byte[] fragment = fragment(doc, id, segments, textStarts, parts);
    return new Entry(id, stems.keySet().toArray(String[]::new), positions, words.keySet().toArray(String[]::new),
        words.values().toArray(String[]::new), spans, List.copyOf(facets), List.copyOf(segments), fragment, List.copyOf(parts));
  }

  /**
   * One segment's text, whitespace collapsed as the page shows it, the readings of the source that
   * stand beside parts of it (sic beside corr), and the register's forms beside the names that
   * point to its entries.
   */
  private static final class Segment {
    final StringBuilder text = new StringBuilder();
    final List<int[]> altSpans = new ArrayList<>();
    final List<String> altReadings = new ArrayList<>();
    final List<int[]> nameSpans = new ArrayList<>();
    final List<String> nameForms = new ArrayList<>();

    void read(XdmNode node) {
      for (XdmNode child : node.children()) {
        if (child.getNodeKind() == XdmNodeKind.TEXT) {
          append(child.getStringValue());
        } else if (child.getNodeKind() == XdmNodeKind.ELEMENT) {
          if (child.getNodeName().getLocalName().equals("alt")) {
            int start = text.length();
            read(child);
            altSpans.add(new int[] {start, text.length()});
            altReadings.add(child.getAttributeValue(READING));
          } else if (child.getNodeName().getLocalName().equals("also")) {
            int start = text.length();
            read(child);
            nameSpans.add(new int[] {start, text.length()});
            nameForms.add(child.getAttributeValue(NAMES));
          } else {
            read(child);
          }
        }
      }
    }

    private void append(String s) {
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        boolean space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
        if (!space) {
          text.append(c);
        } else if (text.length() > 0 && text.charAt(text.length() - 1) != ' ') {
          text.append(' ');
        }
      }
    }

    /** Adds this segment's words from {@code position} on; returns the next free position. */
    int index(int position, Map<String, List<Integer>> stems, Map<String, String> words) {
      // the text never starts with a space (append), so offsets in it are offsets in the segment
      List<SearchAnalyzer.Token> tokens = SearchAnalyzer.tokens(text.toString().strip());
      for (int i = 0; i < tokens.size(); i++) {
        add(tokens.get(i), position + i, stems, words);
      }
      for (int a = 0; a < altSpans.size(); a++) {
        int at = beside(tokens, altSpans.get(a));
        List<SearchAnalyzer.Token> reading = SearchAnalyzer.tokens(altReadings.get(a) == null ? "" : altReadings.get(a));
        for (int r = 0; r < reading.size(); r++) {
          add(reading.get(r), position + at + r, stems, words);
        }
      }
      for (int n = 0; n < nameSpans.size(); n++) {
        // the words of the entry's forms that the name as written lacks ("inonu" beside "Ismet"),
        // all at the name's first word: the name counts as a mention of the entry, and a phrase
        // of the words around it stays as written
        int[] span = nameSpans.get(n);
        int at = beside(tokens, span);
        Set<String> written = new HashSet<>();
        for (int t = at; t < tokens.size() && tokens.get(t).start() < span[1]; t++) {
          if (tokens.get(t).end() > span[0]) {
            written.add(tokens.get(t).stem());
          }
        }
        if (written.isEmpty()) {
          continue; // a name without words (<persName ref="..."/>) is no mention to count
        }
        for (int a = 0; a < altSpans.size(); a++) {
          if (altSpans.get(a)[0] < span[1] && altSpans.get(a)[1] > span[0] && altReadings.get(a) != null) {
            SearchAnalyzer.tokens(altReadings.get(a)).forEach(t -> written.add(t.stem()));
          }
        }
        for (SearchAnalyzer.Token t : SearchAnalyzer.tokens(nameForms.get(n) == null ? "" : nameForms.get(n))) {
          if (written.add(t.stem())) {
            add(t, position + at, stems, words);
          }
        }
      }
      return position + Math.max(tokens.size(), 1);
    }

    /**
     * The word a part of the text ({@code span}: start, end) stands beside: the first word in it,
     * else the word before it.
     */
    private static int beside(List<SearchAnalyzer.Token> tokens, int[] span) {
      int at = 0;
      while (at + 1 < tokens.size() && tokens.get(at).end() <= span[0]) {
        at++;
      }
      if (at > 0 && tokens.get(at).start() >= Math.max(span[1], span[0] + 1)) {
        at--;
      }
      return at;
    }

    private static void add(SearchAnalyzer.Token t, int position, Map<String, List<Integer>> stems, Map<String, String> words) {
      stems.computeIfAbsent(t.stem(), k -> new ArrayList<>()).add(position);
      words.put(t.word(), t.stem());
    }
  }

  /**
   * The data of the document's {@code doc/N.js}: what its result shows, its title's and names'
   * segments as indexed, and its text's first part; the text's further parts go to {@code parts}
   * (each at most {@link #PART_CHARS} characters, unless one segment is longer), and the fragment
   * says where each starts ({@code parts}: their first positions) and which segments repeat the
   * title ({@code repeats}: position ranges; a calendar entry's heading), which a snippet skips.
   */
  private static byte[] fragment(XdmNode doc, String id, List<List<String>> segments, List<Integer> textStarts,
      List<byte[]> parts) {
    int textField = FIELDS.indexOf("text");
    List<String> text = segments.size() > textField ? segments.get(textField) : List.of();
    String title = segments.isEmpty() || segments.get(0).isEmpty() ? "" : segments.get(0).get(0);
    List<Integer> cuts = new ArrayList<>(); // index of the first segment of each further part
    int chars = 0;
    for (int i = 0; i < text.size(); i++) {
      if (chars > 0 && chars + text.get(i).length() > PART_CHARS) {
        cuts.add(i);
        chars = 0;
      }
      chars += text.get(i).length();
    }
    List<int[]> repeats = new ArrayList<>();
    for (int i = 0; i < text.size(); i++) {
      if (!title.isEmpty() && text.get(i).equalsIgnoreCase(title)) {
        repeats.add(new int[] {textStarts.get(i), textStarts.get(i + 1) - 1});
      }
    }
    for (int k = 0; k < cuts.size(); k++) {
      List<String> part = text.subList(cuts.get(k), k + 1 < cuts.size() ? cuts.get(k + 1) : text.size());
      parts.add(json(g -> {
        g.writeStartArray();
        for (String seg : part) {
          g.writeString(seg);
        }
        g.writeEndArray();
      }));
    }
    List<String> first = text.subList(0, cuts.isEmpty() ? text.size() : cuts.get(0));
    return json(g -> {
      g.writeStartObject();
      g.writeStringField("id", id);
      g.writeStringField("page", doc.getAttributeValue(new QName("page")));
      g.writeStringField("title", doc.getAttributeValue(new QName("title")));
      g.writeStringField("date", doc.getAttributeValue(new QName("date")));
      g.writeStringField("sender", doc.getAttributeValue(new QName("sender")));
      g.writeStringField("addressee", doc.getAttributeValue(new QName("addressee")));
      g.writeStringField("type", doc.getAttributeValue(new QName("type")));
      g.writeBooleanField("calendar", "true".equals(doc.getAttributeValue(new QName("calendar"))));
      g.writeArrayFieldStart("fields");
      for (int f = 0; f < segments.size(); f++) {
        g.writeStartArray();
        for (String s : f == textField ? first : segments.get(f)) {
          g.writeString(s);
        }
        g.writeEndArray();
      }
      g.writeEndArray();
      // written only where there are any (most documents have no further part)
      if (!cuts.isEmpty()) {
        g.writeArrayFieldStart("parts");
        for (int cut : cuts) {
          g.writeNumber(textStarts.get(cut));
        }
        g.writeEndArray();
      }
      if (!repeats.isEmpty()) {
        g.writeArrayFieldStart("repeats");
        for (int[] r : repeats) {
          g.writeStartArray();
          g.writeNumber(r[0]);
          g.writeNumber(r[1]);
          g.writeEndArray();
        }
        g.writeEndArray();
      }
      g.writeEndObject();
    });
  }

  private static XdmNode first(XdmNode parent, String name) {
    for (XdmNode e : elements(parent)) {
      if (e.getNodeName().getLocalName().equals(name)) {
        return e;
      }
    }
    throw new IllegalArgumentException("no <" + name + "> in the search record");
  }

  private static List<XdmNode> elements(XdmNode parent) {
    List<XdmNode> list = new ArrayList<>();
    for (XdmNode c : parent.children()) {
      if (c.getNodeKind() == XdmNodeKind.ELEMENT) {
        list.add(c);
      }
    }
    return list;
  }

  // ---------------------------------------------------------------- the whole index

  /** Where the index's files go, and what each is made of (its bytes), in writing order. */
  public static Map<String, byte[]> files(List<Entry> entries) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    // facet values, numbered in the order the root lists them
    Map<String, TreeMap<String, String>> values = new LinkedHashMap<>();
    FACETS.forEach(f -> values.put(f, new TreeMap<>()));
    for (Entry e : entries) {
      for (Facet f : e.facets()) {
        values.get(f.name()).putIfAbsent(f.key(), f.label());
      }
    }
    Map<String, List<String>> order = new LinkedHashMap<>();
    values.forEach((name, keys) -> {
      List<String> sorted = new ArrayList<>(keys.keySet());
      if (name.equals("year")) {
        // years in time, not as strings: 44 BC ("-44") before 12 and 12 before 1937
        sorted.sort(Comparator.comparing((String k) -> k.matches("-?\\d+") ? new java.math.BigInteger(k) : java.math.BigInteger.ZERO)
            .thenComparing(k -> k));
      } else {
        sorted.sort(Comparator.comparing((String k) -> SearchAnalyzer.fold(keys.get(k))).thenComparing(k -> k));
      }
      order.put(name, sorted);
    });
    Map<String, Map<String, Integer>> number = new HashMap<>();
    order.forEach((name, keys) -> {
      Map<String, Integer> n = new HashMap<>();
      for (int i = 0; i < keys.size(); i++) {
        n.put(keys.get(i), i);
      }
      number.put(name, n);
    });

    // postings: stem -> documents and positions; words -> stems
    TreeMap<String, Postings> postings = new TreeMap<>();
    TreeMap<String, String> words = new TreeMap<>();
    long[] lengths = new long[FIELDS.size()];
    for (int d = 0; d < entries.size(); d++) {
      Entry e = entries.get(d);
      for (int s = 0; s < e.stems().length; s++) {
        postings.computeIfAbsent(e.stems()[s], k -> new Postings()).add(d, e.positions()[s]);
      }
      for (int w = 0; w < e.words().length; w++) {
        words.put(e.words()[w], e.wordStems()[w]);
      }
      for (int f = 0; f < FIELDS.size(); f++) {
        lengths[f] += e.spans()[f] - (f == 0 ? 0 : e.spans()[f - 1]);
      }
    }

    List<String> stemStarts = new ArrayList<>();
    List<List<Map.Entry<String, Postings>>> stemChunks =
        chunks(new ArrayList<>(postings.entrySet()), Map.Entry::getKey, p -> p.getKey().length() + 8 + p.getValue().bytes());
    for (int c = 0; c < stemChunks.size(); c++) {
      List<Map.Entry<String, Postings>> chunk = stemChunks.get(c);
      stemStarts.add(chunk.get(0).getKey());
      files.put("t-" + c + ".js", script("terms", c, g -> {
        g.writeStartArray();
        for (Map.Entry<String, Postings> p : chunk) {
          g.writeStartArray();
          g.writeString(p.getKey());
          g.writeStartArray();
          p.getValue().write(g);
          g.writeEndArray();
          g.writeEndArray();
        }
        g.writeEndArray();
      }));
    }

    List<String> wordStarts = new ArrayList<>();
    List<List<Map.Entry<String, String>>> wordChunks =
        chunks(new ArrayList<>(words.entrySet()), Map.Entry::getKey, w -> 2 * w.getKey().length() + 8);
    for (int c = 0; c < wordChunks.size(); c++) {
      List<Map.Entry<String, String>> chunk = wordChunks.get(c);
      wordStarts.add(chunk.get(0).getKey());
      files.put("w-" + c + ".js", script("words", c, g -> {
        g.writeStartArray();
        for (Map.Entry<String, String> w : chunk) {
          if (w.getKey().equals(w.getValue())) {
            g.writeString(w.getKey());
          } else {
            g.writeStartArray();
            g.writeString(w.getKey());
            g.writeString(w.getValue());
            g.writeEndArray();
          }
        }
        g.writeEndArray();
      }));
    }

    for (int c = 0; c * DOC_CHUNK < entries.size(); c++) {
      List<Entry> chunk = entries.subList(c * DOC_CHUNK, Math.min(entries.size(), (c + 1) * DOC_CHUNK));
      files.put("d-" + c + ".js", script("docs", c, g -> {
        g.writeStartArray();
        for (Entry e : chunk) {
          g.writeStartArray();
          for (int end : e.spans()) {
            g.writeNumber(end);
          }
          for (String facet : FACETS) {
            g.writeStartArray();
            for (Facet f : e.facets()) {
              if (f.name().equals(facet)) {
                g.writeNumber(number.get(facet).get(f.key()));
              }
            }
            g.writeEndArray();
          }
          g.writeEndArray();
        }
        g.writeEndArray();
      }));
    }

    // by number, not by id: the document chunks, which every match loads, need not list ids
    for (int d = 0; d < entries.size(); d++) {
      files.put("doc/" + d + ".js", wrap("editioSearch.doc(" + d + ",", entries.get(d).fragment()));
      List<byte[]> parts = entries.get(d).parts();
      for (int k = 0; k < parts.size(); k++) {
        files.put("doc/" + d + "-" + (k + 1) + ".js", wrap("editioSearch.part(\"" + d + "-" + (k + 1) + "\",", parts.get(k)));
      }
    }

    files.put("index.js", script("root", null, g -> {
      g.writeStartObject();
      g.writeNumberField("version", 1);
      g.writeNumberField("documents", entries.size());
      g.writeNumberField("docChunk", DOC_CHUNK);
      g.writeArrayFieldStart("fields");
      for (int f = 0; f < FIELDS.size(); f++) {
        g.writeStartObject();
        g.writeStringField("name", FIELDS.get(f));
        // average length, rounded so that the root does not change with every word
        g.writeNumberField("average", entries.isEmpty() ? 1 : Math.max(1, Math.round((double) lengths[f] / entries.size())));
        g.writeEndObject();
      }
      g.writeEndArray();
      writeStrings(g, "stems", stemStarts);
      writeStrings(g, "words", wordStarts);
      g.writeObjectFieldStart("facets");
      for (String facet : FACETS) {
        g.writeArrayFieldStart(facet);
        for (String key : order.get(facet)) {
          g.writeStartArray();
          g.writeString(key);
          g.writeString(values.get(facet).get(key));
          g.writeEndArray();
        }
        g.writeEndArray();
      }
      g.writeEndObject();
      g.writeEndObject();
    }));

    files.put("fold.js", script("fold", null, g -> {
      g.writeStartObject();
      for (Map.Entry<String, String> f : FOLDING.entrySet()) {
        g.writeStringField(f.getKey(), f.getValue());
      }
      g.writeEndObject();
    }));
    return files;
  }

  /** A script: {@code head}, the JSON {@code data}, then {@code ");"}. */
  private static byte[] wrap(String head, byte[] data) {
    byte[] start = head.getBytes(StandardCharsets.US_ASCII);
    byte[] file = Arrays.copyOf(start, start.length + data.length + 3);
    System.arraycopy(data, 0, file, start.length, data.length);
    System.arraycopy(");\n".getBytes(StandardCharsets.US_ASCII), 0, file, start.length + data.length, 3);
    return file;
  }

  private static void writeStrings(JsonGenerator g, String name, List<String> strings) throws IOException {
    g.writeArrayFieldStart(name);
    for (String s : strings) {
      g.writeString(s);
    }
    g.writeEndArray();
  }

  /** The postings of one stem: documents as deltas, each with its count and positions as deltas. */
  private static final class Postings {
    private int[] data = new int[8];
    private int size;
    private int lastDoc;
    private int bytes;

    void add(int doc, int[] positions) {
      put(doc - lastDoc);
      lastDoc = doc;
      put(positions.length);
      int last = 0;
      for (int p : positions) {
        put(p - last);
        last = p;
      }
    }

    private void put(int value) {
      if (size == data.length) {
        data = Arrays.copyOf(data, size * 2);
      }
      data[size++] = value;
      bytes += value < 10 ? 2 : value < 100 ? 3 : value < 1000 ? 4 : 6;
    }

    int bytes() {
      return bytes;
    }

    void write(JsonGenerator g) throws IOException {
      for (int i = 0; i < size; i++) {
        g.writeNumber(data[i]);
      }
    }
  }

  /**
   * Cuts a sorted list into chunks: after an item whose key's hash has its low four bits zero once
   * the chunk has {@value #MIN_CHUNK} bytes, or at {@value #MAX_CHUNK} bytes.
   */
  static <T> List<List<T>> chunks(List<T> items, Function<T, String> key, java.util.function.ToIntFunction<T> size) {
    List<List<T>> chunks = new ArrayList<>();
    List<T> current = new ArrayList<>();
    int bytes = 0;
    for (T item : items) {
      current.add(item);
      bytes += size.applyAsInt(item);
      if ((bytes >= MIN_CHUNK && (key.apply(item).hashCode() & 15) == 0) || bytes >= MAX_CHUNK) {
        chunks.add(current);
        current = new ArrayList<>();
        bytes = 0;
      }
    }
    if (!current.isEmpty() || chunks.isEmpty()) {
      chunks.add(current);
    }
    return chunks;
  }

  /** The JSON {@code json} writes. */
  static byte[] json(Json json) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      json.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Writes what {@code json} makes as a script handing it to {@code editioSearch.NAME(KEY, ...)}. */
  static byte[] script(String name, Object key, Json json) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      out.write(("editioSearch." + name + "(").getBytes(StandardCharsets.US_ASCII));
      try (JsonGenerator g = JSON.createGenerator(out)) {
        g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
        if (key instanceof Integer n) {
          g.writeNumber(n);
        } else if (key != null) {
          g.writeString(key.toString());
        }
        if (key != null) {
          g.writeRaw(',');
        }
        json.write(g);
      }
      out.write(");\n".getBytes(StandardCharsets.US_ASCII));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Writes one JSON value. */
  @FunctionalInterface
  interface Json {
    void write(JsonGenerator g) throws IOException;
  }
}
