package org.editio.html;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which files of a published search index the search page loads for a reader's first query, and
 * how many bytes they are: what {@code editio bench} reports at 100, 1,000 and 10,000 documents.
 * It follows search.js's rules (the root and the folding table; the stem chunk of each word; for
 * the last word, typed without a space after it, the word chunks of its prefix and the stem chunks
 * of the words found; the document chunks of every match; the texts of the first 20 results,
 * ranked as search.js ranks them). SearchBrowserTest checks it against what Chromium loads.
 */
public final class SearchLoad {

  private static final JsonFactory JSON = new JsonFactory();
  private static final int PAGE = 20;
  private static final Map<String, Double> WEIGHTS = Map.of("title", 3.0, "text", 1.0, "names", 1.5);
  /** BM25's b per field, as search.js's LENGTH (its comment says why the text's is 0.5). */
  private static final Map<String, Double> LENGTH = Map.of("title", 0.75, "text", 0.5);
  private static final double PREFIX_WEIGHT = 0.7;
  private static final int MAX_EXPANSIONS = 100;

  /** The files a query loads (relative to {@code assets/}), in loading order, and their bytes. */
  public record Load(List<String> files, long bytes, int matches) {}

  private final Path search;
  private final List<String> stemStarts = new ArrayList<>();
  private final List<String> wordStarts = new ArrayList<>();
  private final List<Double> averages = new ArrayList<>();
  private final int documents;
  private final int docChunk;

  /** Reads the root of the index in {@code html/assets/search}. */
  public SearchLoad(Path search) throws IOException {
    this.search = search;
    try (JsonParser p = parser("index.js")) {
      int docs = 0;
      int chunk = 1;
      p.nextToken();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        switch (name) {
          case "documents" -> docs = p.getIntValue();
          case "docChunk" -> chunk = p.getIntValue();
          case "stems" -> strings(p, stemStarts);
          case "words" -> strings(p, wordStarts);
          case "fields" -> {
            while (p.nextToken() == JsonToken.START_OBJECT) {
              while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                p.nextToken();
                if (f.equals("average")) {
                  averages.add(p.getDoubleValue());
                }
              }
            }
          }
          default -> p.skipChildren();
        }
      }
      documents = docs;
      docChunk = chunk;
    }
  }

  private JsonParser parser(String file) throws IOException {
    String s = Files.readString(search.resolve(file), StandardCharsets.UTF_8);
    int open = s.indexOf('(');
    String args = s.substring(open + 1, s.lastIndexOf(')'));
    // skip the key before the data: a number or a string, then a comma
    if (!file.equals("index.js") && !file.equals("fold.js")) {
      args = args.substring(args.indexOf(args.charAt(0) == '"' ? "\"," : ",") + (args.charAt(0) == '"' ? 2 : 1));
    }
    return JSON.createParser(args);
  }

  private static void strings(JsonParser p, List<String> into) throws IOException {
    while (p.nextToken() == JsonToken.VALUE_STRING) {
      into.add(p.getText());
    }
  }

  private static int chunkOf(List<String> starts, String key) {
    int found = -1;
    for (int i = 0; i < starts.size() && starts.get(i).compareTo(key) <= 0; i++) {
      found = i;
    }
    return found;
  }

  /** Postings of a stem: document → positions. */
  private Map<Integer, int[]> postings(String stem, Set<String> loaded) throws IOException {
    int c = chunkOf(stemStarts, stem);
    Map<Integer, int[]> result = new TreeMap<>();
    if (c < 0) {
      return result;
    }
    loaded.add("t-" + c + ".js");
    try (JsonParser p = parser("t-" + c + ".js")) {
      p.nextToken();
      while (p.nextToken() == JsonToken.START_ARRAY) {
        p.nextToken();
        boolean mine = p.getText().equals(stem);
        p.nextToken();
        if (!mine) {
          p.skipChildren();
          p.nextToken();
          continue;
        }
        List<Integer> flat = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          flat.add(p.getIntValue());
        }
        int doc = 0;
        for (int i = 0; i < flat.size();) {
          doc += flat.get(i++);
          int[] positions = new int[flat.get(i++)];
          int last = 0;
          for (int k = 0; k < positions.length; k++) {
            last += flat.get(i++);
            positions[k] = last;
          }
          result.put(doc, positions);
        }
        return result;
      }
    }
    return result;
  }

  private List<String> expansions(String prefix, Set<String> loaded) throws IOException {
    List<String> found = new ArrayList<>();
    for (int c = Math.max(0, chunkOf(wordStarts, prefix)); c < wordStarts.size(); c++) {
      loaded.add("w-" + c + ".js");
      try (JsonParser p = parser("w-" + c + ".js")) {
        p.nextToken();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
          String word;
          String stem;
          if (t == JsonToken.START_ARRAY) {
            p.nextToken();
            word = p.getText();
            p.nextToken();
            stem = p.getText();
            p.nextToken();
          } else {
            word = p.getText();
            stem = word;
          }
          if (word.compareTo(prefix) < 0) {
            continue;
          }
          if (!word.startsWith(prefix) || found.size() >= MAX_EXPANSIONS) {
            return found;
          }
          if (!found.contains(stem)) {
            found.add(stem);
          }
        }
      }
    }
    return found;
  }

  /** Rows of the document chunks: [title end, text end, names end]. */
  private int[] row(int doc, Map<Integer, List<int[]>> rows, Set<String> loaded) throws IOException {
    int c = doc / docChunk;
    if (!rows.containsKey(c)) {
      loaded.add("d-" + c + ".js");
      List<int[]> list = new ArrayList<>();
      try (JsonParser p = parser("d-" + c + ".js")) {
        p.nextToken();
        while (p.nextToken() == JsonToken.START_ARRAY) {
          int[] spans = new int[3];
          for (int i = 0; i < 3; i++) {
            p.nextToken();
            spans[i] = p.getIntValue();
          }
          list.add(spans);
          while (p.nextToken() != JsonToken.END_ARRAY) {
            p.skipChildren();
          }
        }
      }
      rows.put(c, list);
    }
    return rows.get(c).get(doc % docChunk);
  }

  private double bm25(int[] spans, int[] positions, double weight) {
    int[] tf = new int[3];
    for (int p : positions) {
      tf[p < spans[0] ? 0 : p < spans[1] ? 1 : 2]++;
    }
    double score = 0;
    String[] names = {"title", "text", "names"};
    for (int f = 0; f < 3; f++) {
      if (tf[f] > 0 && names[f].equals("names")) {
        score += WEIGHTS.get("names"); // whether the document points to a matching entry (search.js's bm25)
      } else if (tf[f] > 0) {
        int length = spans[f] - (f == 0 ? 0 : spans[f - 1]);
        double b = LENGTH.get(names[f]);
        score += WEIGHTS.get(names[f]) * tf[f] * 2.2 / (tf[f] + 1.2 * (1 - b + b * length / averages.get(f)));
      }
    }
    return score * weight;
  }

  /**
   * The further part of a document's text its result shows (search.js's textPart): the one with
   * the first hit outside the segments that repeat the title; null for the first part, which
   * {@code doc/N.js} holds.
   */
  private String textPart(int d, int[] spans, List<Map<Integer, List<double[]>>> matches) throws IOException {
    List<Integer> parts = new ArrayList<>();
    List<int[]> repeats = new ArrayList<>();
    try (JsonParser p = parser("doc/" + d + ".js")) {
      p.nextToken();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        if (name.equals("parts")) {
          while (p.nextToken() == JsonToken.VALUE_NUMBER_INT) {
            parts.add(p.getIntValue());
          }
        } else if (name.equals("repeats")) {
          while (p.nextToken() == JsonToken.START_ARRAY) {
            p.nextToken();
            int from = p.getIntValue();
            p.nextToken();
            repeats.add(new int[] {from, p.getIntValue()});
            p.nextToken();
          }
        } else {
          p.skipChildren();
        }
      }
    }
    int first = Integer.MAX_VALUE;
    for (Map<Integer, List<double[]>> m : matches) {
      for (double[] part : m.get(d)) {
        for (int k = 2; k < part.length; k++) {
          int position = (int) part[k];
          if (position >= spans[0] && position < spans[1] && repeats.stream().noneMatch(r -> position >= r[0] && position < r[1])) {
            first = Math.min(first, position);
          }
        }
      }
    }
    int k = 0;
    while (first != Integer.MAX_VALUE && k < parts.size() && parts.get(k) <= first) {
      k++;
    }
    return k == 0 ? null : "doc/" + d + "-" + k + ".js";
  }

  private double idf(int df) {
    return Math.log(1 + (documents - df + 0.5) / (df + 0.5));
  }

  /**
   * The files the first query loads: words only (no phrase), all of them required, the last one
   * also a prefix unless the query ends with a space.
   */
  public Load firstQuery(String query) throws IOException {
    Set<String> loaded = new LinkedHashSet<>(List.of("search/fold.js", "search/index.js"));
    Set<String> files = new LinkedHashSet<>();
    List<SearchAnalyzer.Token> words = SearchAnalyzer.tokens(query);
    boolean prefix = !query.isEmpty() && Character.isLetterOrDigit(query.codePointBefore(query.length()));
    List<Map<Integer, List<double[]>>> matches = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      List<String> stems = new ArrayList<>(List.of(words.get(i).stem()));
      if (prefix && i == words.size() - 1 && words.get(i).word().length() >= 2) {
        for (String s : expansions(words.get(i).word(), files)) {
          if (!stems.contains(s)) {
            stems.add(s);
          }
        }
      }
      Map<Integer, List<double[]>> match = new HashMap<>();
      for (String s : stems) {
        Map<Integer, int[]> postings = postings(s, files);
        double idf = idf(postings.size());
        double weight = s.equals(stems.get(0)) ? 1 : PREFIX_WEIGHT;
        postings.forEach((doc, positions) -> {
          List<double[]> parts = match.computeIfAbsent(doc, k -> new ArrayList<>());
          double[] part = new double[positions.length + 2];
          part[0] = idf;
          part[1] = weight;
          for (int k = 0; k < positions.length; k++) {
            part[k + 2] = positions[k];
          }
          parts.add(part);
        });
      }
      matches.add(match);
    }
    List<Integer> docs = new ArrayList<>();
    if (!matches.isEmpty()) {
      matches.sort((a, b) -> Integer.compare(a.size(), b.size()));
      for (int d : new java.util.TreeSet<>(matches.get(0).keySet())) {
        if (matches.stream().allMatch(m -> m.containsKey(d))) {
          docs.add(d);
        }
      }
    }
    Map<Integer, List<int[]>> rows = new HashMap<>();
    Set<Integer> chunks = new java.util.TreeSet<>();
    docs.forEach(d -> chunks.add(d / docChunk));
    for (int c : chunks) {
      row(c * docChunk, rows, files);
    }
    Map<Integer, Double> scores = new HashMap<>();
    for (int d : docs) {
      int[] spans = row(d, rows, files);
      double score = 0;
      for (Map<Integer, List<double[]>> m : matches) {
        double best = 0;
        for (double[] part : m.get(d)) {
          int[] positions = new int[part.length - 2];
          for (int k = 0; k < positions.length; k++) {
            positions[k] = (int) part[k + 2];
          }
          best = Math.max(best, part[0] * bm25(spans, positions, part[1]));
        }
        score += best;
      }
      scores.put(d, score);
    }
    List<Integer> ranked = new ArrayList<>(docs);
    ranked.sort((a, b) -> {
      int c = Double.compare(scores.get(b), scores.get(a));
      return c != 0 ? c : Integer.compare(a, b);
    });
    for (int d : ranked.subList(0, Math.min(PAGE, ranked.size()))) {
      files.add("doc/" + d + ".js");
      String part = textPart(d, row(d, rows, files), matches);
      if (part != null) {
        files.add(part);
      }
    }
    files.forEach(f -> loaded.add("search/" + f));
    long bytes = 0;
    for (String f : loaded) {
      bytes += Files.size(search.getParent().resolve(f));
    }
    return new Load(List.copyOf(loaded), bytes, docs.size());
  }
}
