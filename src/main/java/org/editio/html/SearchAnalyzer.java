package org.editio.html;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.core.TypeTokenFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * How the search finds words in a text and makes them comparable: the same steps run here, when
 * the index is built, and in the reader's browser on the query (search.js), so that the two agree
 * (SearchBrowserTest runs both over the whole vocabulary and compares).
 *
 * <ol>
 *   <li>Apostrophe variants (’ ‘ ʹ ʼ ʻ ′ ＇ ` ´) become {@code '}: "Inonu’s", "Ismetʹs" and
 *       "Ismet's" are written alike. Full stops become spaces ({@link #FULL_STOPS}).
 *   <li>Words are found by Lucene's {@link StandardTokenizer}, the word boundaries of Unicode
 *       (UAX #29); the browser has the same rules in {@code Intl.Segmenter}. Emoji are not words.
 *   <li>A possessive {@code 's} is removed (Lucene's {@link EnglishPossessiveFilter}), then any
 *       apostrophe left inside a word ("don't" is found as "dont").
 *   <li>Folding: compatibility decomposition (NFKD), combining marks removed, Lucene's
 *       {@link ASCIIFoldingFilter} (ı → i, ø → o, ß → ss, ł → l ...), lower case, final sigma as
 *       sigma: "İnönü", "INÖNÜ", "ınönü" and "Inonu" are all "inonu".
 *   <li>Stemming with Snowball's English (Porter2) stemmer, generated from {@code english.sbl}
 *       (Lucene's {@link EnglishStemmer}; the browser runs the JavaScript generated from the same
 *       algorithm): "treaties" and "treaty" are both "treati".
 * </ol>
 *
 * <p>The folded word before stemming is kept too: it is what the reader's unfinished last word is
 * matched against as a prefix.
 */
public final class SearchAnalyzer {

  /** Characters written for an apostrophe; each becomes U+0027 before words are found. */
  public static final String APOSTROPHES = "\u2019\u2018\u02B9\u02BC\u02BB\u2032\uFF07\u0060\u00B4";

  /**
   * Full stops, which end a word here: UAX #29 keeps "U.S.A" and "Mukhtar.htm" together, but
   * Chromium's word breaker does not, so neither side does ("U.S.A." is found as the phrase u s a).
   */
  public static final String FULL_STOPS = ".\uFF0E\uFE52\u2024";

  private static final NormalizeCharMap APOSTROPHE_MAP = apostropheMap();
  private static final Pattern APOSTROPHE = Pattern.compile("'");
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Set<String> NOT_WORDS = Set.of(StandardTokenizer.TOKEN_TYPES[StandardTokenizer.EMOJI]);

  /** A word of a text: where it stands (UTF-16 offsets), folded, and stemmed. */
  public record Token(int start, int end, String word, String stem) {}

  private static final Analyzer WORDS = new Analyzer() {
    @Override
    protected TokenStreamComponents createComponents(String field) {
      Tokenizer source = new StandardTokenizer();
      TokenStream stream = new TypeTokenFilter(source, NOT_WORDS);
      stream = new EnglishPossessiveFilter(stream);
      stream = new PatternReplaceFilter(stream, APOSTROPHE, "", true);
      return new TokenStreamComponents(source, stream);
    }

    @Override
    protected Reader initReader(String field, Reader reader) {
      return new MappingCharFilter(APOSTROPHE_MAP, reader);
    }
  };

  private static final ThreadLocal<EnglishStemmer> STEMMER = ThreadLocal.withInitial(EnglishStemmer::new);

  private SearchAnalyzer() {}

  private static NormalizeCharMap apostropheMap() {
    NormalizeCharMap.Builder map = new NormalizeCharMap.Builder();
    APOSTROPHES.chars().forEach(c -> map.add(String.valueOf((char) c), "'"));
    FULL_STOPS.chars().forEach(c -> map.add(String.valueOf((char) c), " "));
    return map.build();
  }

  /** The words of {@code text}, in order; words that fold to nothing are left out. */
  public static List<Token> tokens(String text) {
    List<Token> tokens = new ArrayList<>();
    try (TokenStream stream = WORDS.tokenStream("text", new StringReader(text))) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        String[] normal = normalised(term.toString());
        if (normal != null) {
          tokens.add(new Token(offset.startOffset(), offset.endOffset(), normal[0], normal[1]));
        }
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read a string", e);
    }
    return tokens;
  }

  /**
   * Folded word and stem of a term, remembered: an edition has far fewer different words than
   * words, and folding and stemming are most of the analysis. Null for a term that folds to nothing.
   */
  private static String[] normalised(String term) {
    String[] known = NORMALISED.get(term);
    if (known == null) {
      String word = fold(term);
      known = word.isEmpty() ? NOTHING : new String[] {word, stem(word)};
      if (NORMALISED.size() > 500_000) {
        NORMALISED.clear(); // a bound for long-running servers; the next words are remembered anew
      }
      NORMALISED.put(term, known);
    }
    return known == NOTHING ? null : known;
  }

  private static final String[] NOTHING = new String[0];
  private static final java.util.concurrent.ConcurrentHashMap<String, String[]> NORMALISED =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** Folds a word: NFKD, no combining marks, ASCII folding, lower case, σ for final ς. */
  public static String fold(String word) {
    String s = MARKS.matcher(Normalizer.normalize(word, Normalizer.Form.NFKD)).replaceAll("");
    char[] in = s.toCharArray();
    char[] out = new char[Math.max(1, in.length * 4)];
    int length = ASCIIFoldingFilter.foldToASCII(in, 0, out, 0, in.length);
    StringBuilder folded = new StringBuilder(length);
    String ascii = new String(out, 0, length);
    ascii.codePoints().map(Character::toLowerCase).map(c -> c == 'ς' ? 'σ' : c).forEach(folded::appendCodePoint);
    return folded.toString();
  }

  /** The Snowball English stem of a folded word. */
  public static String stem(String folded) {
    EnglishStemmer stemmer = STEMMER.get();
    stemmer.setCurrent(folded);
    stemmer.stem();
    return stemmer.getCurrent();
  }

  /**
   * The characters ASCII folding changes that NFKD and the removal of marks leave as they are, with
   * what they become: the browser applies this table, made here from Lucene's filter itself, so
   * both sides fold alike. Keys in code point order.
   */
  public static TreeMap<String, String> asciiFoldingTable() {
    TreeMap<String, String> table = new TreeMap<>();
    char[] out = new char[8];
    for (char c = 0x80; c < 0xFFFF; c++) {
      if (Character.isSurrogate(c)) {
        continue;
      }
      String decomposed = MARKS.matcher(Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKD)).replaceAll("");
      if (!decomposed.equals(String.valueOf(c))) {
        continue; // the browser's NFKD and mark removal reach the same characters first
      }
      int length = ASCIIFoldingFilter.foldToASCII(new char[] {c}, 0, out, 0, 1);
      String folded = new String(out, 0, length);
      if (!folded.equals(String.valueOf(c))) {
        table.put(String.valueOf(c), folded);
      }
    }
    return table;
  }
}
