package org.editio.edition;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.fop.fonts.truetype.FontFileReader;
import org.apache.fop.fonts.truetype.OFFontLoader;
import org.apache.fop.fonts.truetype.TTFFile;
import org.editio.Digest;
import org.editio.EditioException;
import org.editio.Messages;
import org.editio.Problem;
import org.editio.xml.Resolver;

/**
 * The fonts an edition brings: the TrueType files in {@code EDITION/fonts/} (for a folder of TEI
 * files, its {@code fonts/}; for a single file, the {@code fonts/} of the edition it belongs to,
 * else beside it). Every PDF of the edition lists them after DejaVu in its font-family lists, so
 * FOP, which picks a font per character along the list, prints with them what DejaVu lacks (a
 * Japanese text); an edition's {@code fo.xsl} may also put them first ({@code $edition-fonts}).
 * The HTML edition and the e-book carry the same files as web fonts ({@link #fontFaces}), each
 * declared for the characters it has, so a browser downloads a font only for a page that shows
 * one of them, and the site reads as the book prints where the reader's system lacks a script.
 *
 * <p>The files are untrusted input like every file of the edition: read through the edition's
 * {@link Resolver} (a link leading out of the edition is refused), each read and parsed once per
 * run, here, before any PDF is laid out, so that a file that is no font, or one FOP cannot use,
 * is a located error instead of a failure in the middle of a layout. FOP later reads the bytes
 * read here (from memory, under {@value #SCHEME}: URIs), never the file again, so the digests
 * in the PDFs' recipes are of the bytes that were printed with.
 *
 * <p>A family's faces are registered under the font's own family names (what its name table
 * says, e.g. "IPAMincho" and "IPA明朝"), each at its style and weight; the style and weight the
 * stylesheets ask for (normal and italic, 400 and 700) that a family lacks are served by its
 * nearest face, so a Japanese word in an italic or bold phrase prints in the regular face rather
 * than not at all (FOP would otherwise report a substituted font, which fails the build).
 */
public final class EditionFonts {

  /** The folder of an edition that holds its fonts. */
  public static final String FOLDER = "fonts";

  /** The URI scheme FOP reads the edition's font files from (memory). */
  public static final String SCHEME = "editio-font";

  /** Families editio's own configuration has: an edition's font may not take their names. */
  private static final Set<String> BUNDLED = Set.of("dejavu serif", "dejavu sans", "dejavu sans mono");

  /** An edition without fonts of its own. */
  public static final EditionFonts NONE = new EditionFonts(List.of());

  /**
   * One font file.
   *
   * @param file the file
   * @param name its path below the fonts folder ('/'-separated), what the recipe records
   * @param uri where FOP reads it ({@value #SCHEME}: and its number)
   * @param bytes its content, read once
   * @param digest SHA-256 of the bytes
   * @param families the font's family names (its name table), sorted; the first is {@link #family()}
   * @param italic whether it is an italic (or oblique) face
   * @param weight its weight class, 100 to 900
   * @param webName the name of its copy in the HTML edition and the e-book: the file's name, made
   *     safe for a URL and a file name, numbered when two fonts share one
   * @param characters the characters it has (its Unicode character map), as a CSS {@code unicode-range}
   */
  public record Face(Path file, String name, URI uri, byte[] bytes, String digest, List<String> families, boolean italic,
      int weight, String webName, String characters) {

    /** The family name the stylesheets use: the first of its names in Latin letters, else its first. */
    public String family() {
      return families.stream().filter(f -> f.chars().allMatch(c -> c < 0x80)).findFirst().orElse(families.get(0));
    }

    public String style() {
      return italic ? "italic" : "normal";
    }
  }

  private final List<Face> faces;
  /** What each face parsed to when it was checked: handed to the first set of shared fonts, once. */
  private final Map<URI, TTFFile> parsed = new ConcurrentHashMap<>();

  private EditionFonts(List<Face> faces) {
    this.faces = List.copyOf(faces);
  }

  /** The folder an edition's fonts are in: see the class comment. */
  public static Path folder(Edition edition) {
    return EditionLoader.folder(edition.source()).resolve(FOLDER);
  }

  /**
   * Reads and checks every font file of {@code folder} ({@code *.ttf}, {@code *.otf}, {@code
   * *.ttc}, also in folders below it; other files, a licence text, are left alone).
   *
   * @throws EditioException (input) with a located error for every file that is not a font editio
   *     can embed, or that the resolver refuses
   */
  public static EditionFonts read(Path folder, Resolver resolver) throws EditioException {
    if (!Files.isDirectory(folder)) {
      return NONE;
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(folder)) {
      // no hidden file either, as for documents (macOS leaves "._IPAMincho.ttf" beside a font it copies)
      files = walk.filter(f -> isFontName(f.getFileName().toString()) && !isHidden(folder, f))
          .filter(f -> !Files.isDirectory(f)).sorted().toList();
    } catch (IOException | java.io.UncheckedIOException e) {
      throw EditioException.io(folder, "cannot read the fonts folder: " + Messages.of(e));
    }
    List<Problem> problems = new ArrayList<>();
    List<Face> faces = new ArrayList<>();
    Map<URI, TTFFile> parsed = new LinkedHashMap<>();
    Set<String> webNames = new java.util.HashSet<>();
    for (Path file : files) {
      try {
        byte[] bytes = resolver.read(resolver.resolve(file.toUri().toString(), null));
        URI uri = URI.create(SCHEME + ":" + faces.size());
        TTFFile ttf = parse(bytes);
        String name = folder.relativize(file).toString().replace('\\', '/');
        Face face = new Face(file, name, uri, bytes, Digest.of(bytes), families(ttf), italic(ttf), weight(ttf),
            CopyNames.unique(file.getFileName().toString(), "font", webNames), unicodeRange(ttf));
        problems.addAll(conflicts(face, faces));
        faces.add(face);
        parsed.put(uri, ttf);
      } catch (Resolver.Refused e) {
        problems.add(Problem.error(file, 1, 1, Messages.of(e)));
      } catch (NotUsable e) {
        problems.add(Problem.error(file, 1, 1, e.getMessage()));
      } catch (IOException e) {
        throw EditioException.io(file, "cannot read the font: " + Messages.of(e));
      }
    }
    if (!problems.isEmpty()) {
      throw new EditioException(EditioException.INPUT, problems);
    }
    EditionFonts fonts = new EditionFonts(faces);
    fonts.parsed.putAll(parsed);
    return fonts;
  }

  private static boolean isFontName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".ttf") || lower.endsWith(".otf") || lower.endsWith(".ttc");
  }

  /** Why a file cannot be one of the edition's fonts, said to the editor. */
  private static final class NotUsable extends Exception {
    NotUsable(String message) {
      super(message);
    }
  }

  /**
   * The font in {@code bytes}, parsed as FOP parses a configured font (kerning and the OpenType
   * tables read), or why it cannot be used.
   */
  private static TTFFile parse(byte[] bytes) throws NotUsable {
    String what = "the fonts folder holds TrueType fonts (.ttf, or .otf with TrueType outlines) that editio embeds in"
        + " every PDF of the edition";
    if (bytes.length < 12) {
      throw new NotUsable("not a font: the file has " + bytes.length + " bytes; " + what);
    }
    try {
      FontFileReader reader = new FontFileReader(new java.io.ByteArrayInputStream(bytes));
      String header = OFFontLoader.readHeader(reader);
      if (header.equals("ttcf")) {
        throw new NotUsable("a TrueType collection (.ttc): editio cannot embed fonts from a collection yet; put the"
            + " collection's fonts in the folder as single .ttf files");
      }
      if (header.equals("OTTO")) {
        throw new NotUsable("an OpenType font with PostScript (CFF) outlines: editio embeds only fonts with TrueType"
            + " outlines yet; use the font's TrueType version (.ttf)");
      }
      boolean trueType = bytes[0] == 0 && bytes[1] == 1 && bytes[2] == 0 && bytes[3] == 0;
      if (!trueType && !header.equals("true")) {
        throw new NotUsable("not a font: its first bytes are not those of a TrueType or OpenType font; " + what);
      }
      tablesWithin(bytes);
      TTFFile ttf = new TTFFile(true, true);
      if (!ttf.readFont(reader, header, (String) null)) {
        throw new NotUsable("the font has no Unicode character map: editio cannot print text with it");
      }
      if (ttf.getFamilyNames() == null || ttf.getFamilyNames().isEmpty()) {
        throw new NotUsable("the font has no family name (its name table): the stylesheets could not ask for it");
      }
      if (families(ttf).isEmpty()) {
        int c = ttf.getFamilyNames().iterator().next().codePoints().filter(x -> !isNameCharacter(x)).findFirst().orElse(0);
        throw new NotUsable("the font's family name has a control character (U+" + String.format("%04X", c)
            + "), which the print stylesheets cannot name, and it has no other");
      }
      if (!ttf.isEmbeddable()) {
        throw new NotUsable("the font's licence does not allow embedding it (its OS/2 table says so), and every font of a"
            + " PDF is embedded: use a font that may be embedded");
      }
      // what FOP reads only when it lays out or embeds: read now, so that a damaged table is this error, not a failed layout
      ttf.getWidths();
      ttf.getCMaps();
      ttf.getBoundingBoxes();
      Integer.parseInt(ttf.getStemV());
      Integer.parseInt(ttf.getItalicAngle());
      return ttf;
    } catch (NotUsable e) {
      throw e;
    } catch (java.io.EOFException e) {
      throw new NotUsable("the font ends before its tables do: the file is truncated or damaged");
    } catch (IOException | RuntimeException e) {
      // FOP's parser meets a damaged file with whatever it runs into (an index out of bounds, a negative size)
      throw new NotUsable("the font cannot be read: the file is damaged or not a TrueType font ("
          + Messages.clean(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")");
    }
  }

  /**
   * Checks that every table the font's directory lists lies within the file: FOP reads some tables
   * (the glyphs' outlines) only when it embeds them, so a font cut short after the tables FOP
   * parses first would otherwise fail while a PDF is written, or embed glyphs that are not there.
   */
  private static void tablesWithin(byte[] bytes) throws NotUsable {
    java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes);
    int tables = Short.toUnsignedInt(b.getShort(4));
    if (12 + 16L * tables > bytes.length) {
      throw new NotUsable("the font ends before its tables do: the file is truncated or damaged");
    }
    for (int i = 0; i < tables; i++) {
      int entry = 12 + 16 * i;
      long offset = Integer.toUnsignedLong(b.getInt(entry + 8));
      long length = Integer.toUnsignedLong(b.getInt(entry + 12));
      if (offset + length > bytes.length) {
        String tag = new String(bytes, entry, 4, java.nio.charset.StandardCharsets.ISO_8859_1).strip();
        throw new NotUsable("the font ends before its tables do (its table '" + tag + "' would end at byte "
            + (offset + length) + " of " + bytes.length + "): the file is truncated or damaged");
      }
    }
  }

  private static List<String> families(TTFFile ttf) {
    // a name with a control character (Hanazono has one, from a record FOP decodes as Mac Roman)
    // cannot be written in FOP's configuration or an FO list: the font goes by its other names
    return List.copyOf(new TreeSet<>(ttf.getFamilyNames().stream()
        .filter(n -> n.codePoints().allMatch(EditionFonts::isNameCharacter)).toList()));
  }

  /** Italic as FOP's own font detection takes it: a slanted face, or one its name calls italic or oblique. */
  private static boolean italic(TTFFile ttf) {
    String sub = ttf.getSubFamilyName() == null ? "" : ttf.getSubFamilyName().toLowerCase(Locale.ROOT);
    return Integer.parseInt(ttf.getItalicAngle()) != 0 || sub.contains("italic") || sub.contains("oblique");
  }

  private static int weight(TTFFile ttf) {
    int w = ttf.getWeightClass();
    return w <= 0 ? 400 : Math.max(100, Math.min(900, Math.round(w / 100f) * 100));
  }

  /**
   * The characters a font maps (its Unicode character map, FOP's reading of it) as a CSS {@code
   * unicode-range}, U+FFFF (FOP's end marker) left out. Ranges at most {@value #RANGE_GAP} code
   * points apart are joined: a CJK font maps thousands of runs (IPA Mincho 5,246, 70 KB of CSS
   * for every page), joined 324; a character of such a gap fetches the font for nothing, and the
   * browser, finding no glyph, goes on to the next font of the list, as for any missing glyph.
   */
  private static final int RANGE_GAP = 32;

  private static String unicodeRange(TTFFile ttf) {
    java.util.TreeMap<Integer, Integer> ranges = new java.util.TreeMap<>();
    for (var segment : ttf.getCMaps()) {
      int start = segment.getUnicodeStart();
      int end = Math.min(segment.getUnicodeEnd(), 0x10FFFF);
      if (start == 0xFFFF && end == 0xFFFF || start > end) {
        continue;
      }
      ranges.merge(start, end, Math::max);
    }
    StringBuilder css = new StringBuilder();
    int from = -1;
    int to = -1;
    for (var r : ranges.entrySet()) {
      if (from >= 0 && r.getKey() <= to + 1 + RANGE_GAP) {
        to = Math.max(to, r.getValue());
        continue;
      }
      if (from >= 0) {
        appendRange(css, from, to);
      }
      from = r.getKey();
      to = r.getValue();
    }
    if (from >= 0) {
      appendRange(css, from, to);
    }
    return css.toString();
  }

  private static void appendRange(StringBuilder css, int from, int to) {
    if (css.length() > 0) {
      css.append(", ");
    }
    css.append(String.format(Locale.ROOT, "U+%X", from));
    if (to > from) {
      css.append(String.format(Locale.ROOT, "-%X", to));
    }
  }

  /** Problems of a face with editio's families or with a face read before it. */
  private static List<Problem> conflicts(Face face, List<Face> before) {
    List<Problem> problems = new ArrayList<>();
    for (String family : face.families()) {
      if (BUNDLED.contains(family.toLowerCase(Locale.ROOT))) {
        problems.add(Problem.error(face.file(), 1, 1, "the font's family '" + family + "' is one of editio's own fonts:"
            + " the edition's fonts come after them and cannot replace them"));
      }
      if (family.contains(",") || family.contains("'") || family.contains("\"")) {
        problems.add(Problem.error(face.file(), 1, 1, "the font's family name '" + family + "' has a comma or quotation"
            + " mark, which an XSL-FO font-family list cannot name"));
      }
    }
    for (Face other : before) {
      if (other.italic() == face.italic() && other.weight() == face.weight()
          && other.families().stream().anyMatch(face.families()::contains)) {
        problems.add(Problem.error(face.file(), 1, 1, "the same face (" + face.family() + ", " + face.style() + ", weight "
            + face.weight() + ") as " + Problem.displayPath(other.file()) + ": keep one of them"));
      }
    }
    return problems;
  }

  /** Whether the edition has fonts of its own. */
  public boolean isEmpty() {
    return faces.isEmpty();
  }

  public List<Face> faces() {
    return faces;
  }

  /** The family names the stylesheets list after DejaVu, one per family, in the order of the files. */
  public List<String> families() {
    return faces.stream().map(Face::family).distinct().toList();
  }

  /** What the PDFs' recipes hold of the fonts: every file by name and digest; null when there are none. */
  public String digest() {
    if (faces.isEmpty()) {
      return null;
    }
    Digest d = new Digest();
    faces.forEach(f -> d.add(f.name(), f.digest()));
    return d.hex();
  }

  /** The bytes FOP reads for a {@value #SCHEME}: URI. */
  public byte[] bytes(URI uri) throws IOException {
    for (Face f : faces) {
      if (f.uri().equals(uri)) {
        return f.bytes();
      }
    }
    throw new IOException("no font of the edition is " + uri);
  }

  /** The font as parsed when it was checked, the first time it is asked for; then null (parse again). */
  public TTFFile takeParsed(URI uri) {
    return parsed.remove(uri);
  }

  /**
   * The {@code <font>} elements of FOP's configuration for these fonts: each face at its own
   * style and weight under every family name it has, and at each of normal/italic × 400/700 its
   * family has no face for, when it is the nearest face of its family (same style first, then
   * nearest weight, the heavier for bold).
   */
  public String configuration() {
    StringBuilder xml = new StringBuilder();
    for (Face face : faces) {
      Set<String> triplets = new java.util.LinkedHashSet<>();
      triplets.add(face.style() + " " + face.weight());
      for (String style : List.of("normal", "italic")) {
        for (int weight : new int[] {400, 700}) {
          if (nearest(face, style, weight) == face) {
            triplets.add(style + " " + weight);
          }
        }
      }
      xml.append("<font kerning=\"yes\" embedding-mode=\"subset\" embed-url=\"").append(face.uri()).append("\">");
      for (String family : face.families()) {
        for (String t : triplets) {
          String[] sw = t.split(" ");
          xml.append("<font-triplet name=\"").append(escape(family)).append("\" style=\"").append(sw[0])
              .append("\" weight=\"").append(sw[1]).append("\"/>");
        }
      }
      xml.append("</font>\n");
    }
    return xml.toString();
  }

  /**
   * The CSS that makes these fonts web fonts: an {@code @font-face} rule per face, under the family
   * name the stylesheets use, at its style and weight, for the characters it has ({@code
   * unicode-range}: a browser fetches the file only for a page with one of them), and the custom
   * property {@code --edition-fonts}, the families in the order of their files, which editio's
   * style sheets list after their own fonts (as the PDFs do).
   *
   * @param prefix what comes before a font's {@link Face#webName} in its URL, relative to the
   *     CSS file: its folder, ending with '/' (and the start of the names, if the copies have one)
   */
  public String fontFaces(String prefix) {
    StringBuilder css = new StringBuilder("/* The edition's fonts (EDITION/fonts/), written by editio. */\n");
    css.append(":root { --edition-fonts: ").append(cssFamilies()).append("; }\n");
    for (Face face : faces) {
      css.append("@font-face { font-family: ").append(cssString(face.family()))
          .append("; src: url(").append(cssString(prefix + face.webName())).append(") format(")
          .append(face.webName().endsWith(".otf") ? "\"opentype\"" : "\"truetype\"")
          .append("); font-style: ").append(face.style()).append("; font-weight: ").append(face.weight())
          .append("; font-display: swap; unicode-range: ").append(face.characters()).append("; }\n");
    }
    return css.toString();
  }

  /** The families in the order of their files, as a CSS font-family list ({@code "IPAMincho", "HanaMinA"}). */
  public String cssFamilies() {
    return String.join(", ", families().stream().map(EditionFonts::cssString).toList());
  }

  /** A CSS string: in double quotes, with quotes, backslashes and line ends escaped. */
  private static String cssString(String s) {
    StringBuilder out = new StringBuilder("\"");
    s.codePoints().forEach(c -> {
      if (c == '"' || c == '\\') {
        out.append('\\').appendCodePoint(c);
      } else if (c < 0x20 || c == 0x7F) {
        out.append(String.format(Locale.ROOT, "\\%X ", c));
      } else {
        out.appendCodePoint(c);
      }
    });
    return out.append('"').toString();
  }

  /** The face of {@code face}'s family that serves {@code style} and {@code weight}: the exact one, else the nearest. */
  private Face nearest(Face face, String style, int weight) {
    List<Face> family = faces.stream().filter(f -> f.families().equals(face.families())).toList();
    java.util.Comparator<Face> order = java.util.Comparator.<Face>comparingInt(f -> f.style().equals(style) ? 0 : 1)
        .thenComparingInt(f -> Math.abs(f.weight() - weight))
        .thenComparingInt(f -> weight >= 700 ? -f.weight() : f.weight());
    return family.stream().min(order).orElse(face);
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
  }

  /** A file or folder below {@code folder} whose name starts with a dot (the folder itself may). */
  private static boolean isHidden(Path folder, Path file) {
    for (Path part : folder.relativize(file)) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  /** A character a family name may have: none of the controls, surrogates or non-characters XML cannot hold. */
  private static boolean isNameCharacter(int c) {
    return !Character.isISOControl(c) && Character.getType(c) != Character.SURROGATE && c != 0xFFFE && c != 0xFFFF;
  }
}
