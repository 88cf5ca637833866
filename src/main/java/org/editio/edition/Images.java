package org.editio.edition;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XPathCompiler;
import net.sf.saxon.s9api.XdmItem;
import net.sf.saxon.s9api.XdmNode;
import org.editio.Digest;
import org.editio.Problem;
import org.editio.xml.Xml;

/**
 * The images the documents show ({@code graphic} and {@code media} in their text, by {@code @url}):
 * files of the edition, found once when the edition is read, so that the HTML edition copies them
 * beside its pages and the PDF reads them, and so that an image that is missing is one warning
 * (its figure shows its description), never a broken page.
 *
 * <p>Only files inside the edition's folder are images of the edition (a pointer out of it, like
 * any file of a foreign edition, is untrusted: {@code ../../etc/x.png} is not read); only the
 * raster formats browsers and FOP both show are taken (PNG, JPEG, GIF): an SVG may carry scripts
 * and external references, a TIFF shows in no browser. Web addresses are not images of the
 * edition: the outputs link to them and never fetch them.
 *
 * @param files the image files by the key stylesheets resolve them by ({@code file:///path}, as
 *     {@code f:uri-key} spells it)
 * @param names the name of each image's copy in the HTML edition (unique, safe), by key
 * @param byDocument the keys of the images each document shows, by document id
 * @param digests SHA-256 of each image's bytes, by key (what a rebuild compares)
 */
public record Images(Map<String, Path> files, Map<String, String> names, Map<String, List<String>> byDocument,
    Map<String, String> digests) {

  public static final Images NONE = new Images(Map.of(), Map.of(), Map.of(), Map.of());

  public Images {
    files = Map.copyOf(files);
    names = Map.copyOf(names);
    byDocument = Map.copyOf(byDocument);
    digests = Map.copyOf(digests);
  }

  private static final Set<String> FORMATS = Set.of("png", "jpg", "jpeg", "gif");
  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

  /**
   * Finds the images of the documents; what cannot be shown is a warning in {@code problems}.
   *
   * @param root the edition's folder (real path): images outside it are not read
   */
  static Images find(List<TeiDocument> documents, Path root, List<Problem> problems) {
    Map<String, Path> files = new TreeMap<>();
    Map<String, List<String>> byDocument = new LinkedHashMap<>();
    Map<String, String> digests = new TreeMap<>();
    for (TeiDocument doc : documents) {
      List<String> keys = new ArrayList<>();
      for (XdmItem item : graphics(doc.tree())) {
        XdmNode graphic = (XdmNode) item;
        String url = graphic.getAttributeValue(new net.sf.saxon.s9api.QName("url")).trim();
        if (url.isEmpty() || url.startsWith("#") || url.startsWith("//")
            || (SCHEME.matcher(url).find() && !url.regionMatches(true, 0, "file:", 0, 5))) {
          continue; // a web address (or a pointer inside the document): linked, never fetched
        }
        String key = image(graphic, url, root, problems, doc.file());
        if (key != null) {
          if (!files.containsKey(key)) {
            Path file = Path.of(URI.create(key));
            try {
              byte[] bytes = Files.readAllBytes(file);
              String wrong = notShown(bytes, file);
              if (wrong != null) {
                problems.add(warning(doc.file(), graphic, "image '" + url + "' " + wrong + ": its figure shows its description"));
                continue;
              }
              digests.put(key, Digest.of(bytes));
              files.put(key, file);
            } catch (IOException e) {
              problems.add(warning(doc.file(), graphic, "image '" + url + "' cannot be read (" + e.getMessage()
                  + "): its figure shows its description"));
              continue;
            }
          }
          if (!keys.contains(key)) {
            keys.add(key);
          }
        }
      }
      if (!keys.isEmpty()) {
        byDocument.put(doc.id(), List.copyOf(keys));
      }
    }
    return new Images(files, names(files), byDocument, digests);
  }

  /** The key of the image a graphic names, or null (and a warning) when it cannot be shown. */
  private static String image(XdmNode graphic, String url, Path root, List<Problem> problems, Path document) {
    Path file;
    try {
      String path = url.replaceFirst("#.*$", "");
      URI reference;
      try {
        reference = new URI(path);
      } catch (java.net.URISyntaxException e) {
        reference = new URI(null, null, path, null); // a file name with spaces, as people write them
      }
      file = Path.of(graphic.getBaseURI().resolve(reference)).normalize();
    } catch (RuntimeException | java.net.URISyntaxException e) {
      problems.add(warning(document, graphic, "image '" + url + "' is not a file name editio can read: its figure shows its description"));
      return null;
    }
    String name = file.getFileName() == null ? "" : file.getFileName().toString();
    String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
    if (!Files.isRegularFile(file)) {
      problems.add(warning(document, graphic, "image '" + url + "' not found: its figure shows its description"));
      return null;
    }
    Path real;
    try {
      real = file.toRealPath();
    } catch (IOException e) {
      problems.add(warning(document, graphic, "image '" + url + "' cannot be read: its figure shows its description"));
      return null;
    }
    if (!real.startsWith(root)) {
      problems.add(warning(document, graphic, "image '" + url + "' is outside the edition's folder: not read, its figure shows its description"));
      return null;
    }
    if (!FORMATS.contains(extension)) {
      problems.add(warning(document, graphic, "image '" + url + "' is not PNG, JPEG or GIF (what browsers and the PDF both show):"
          + " its figure shows its description"));
      return null;
    }
    // the key as the stylesheets resolve @url against the document (f:uri-key), not the real path
    return file.toUri().toString().replaceFirst("^file:/+", "file:///");
  }

  /**
   * Why an image file cannot be shown, or null when it can: its bytes must be the format its
   * extension names (a truncated download, "notapng", a TIFF renamed .png stopped the whole PDF
   * build with FOP's "No ImagePreloader found", and the e-book declares an image's type by its
   * extension), and its header must be readable. The format is recognised by the JDK's image
   * readers, each of which checks its format's signature ({@code canDecodeInput}), as FOP's
   * preloaders do; only the header is read (the image's size), never the pixels.
   */
  static String notShown(byte[] bytes, Path file) {
    String name = file.getFileName().toString();
    String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    String expected = extension.equals("jpg") ? "jpeg" : extension;
    try (javax.imageio.stream.ImageInputStream in = new javax.imageio.stream.MemoryCacheImageInputStream(
        new java.io.ByteArrayInputStream(bytes))) {
      java.util.Iterator<javax.imageio.ImageReader> readers = javax.imageio.ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        return "is not an image (its bytes are no format editio knows; a damaged or incomplete file?)";
      }
      javax.imageio.ImageReader reader = readers.next();
      String format = reader.getFormatName().toLowerCase(Locale.ROOT);
      if (!format.equals(expected)) {
        String said = format.equals("tif") ? "TIFF" : format.toUpperCase(Locale.ROOT);
        reader.dispose();
        return "is a " + said + " image, not " + expected.toUpperCase(Locale.ROOT) + " as its name says"
            + (FORMATS.contains(format) || format.equals("jpeg") ? ": rename it" : " (PNG, JPEG or GIF are shown)");
      }
      try {
        reader.setInput(in, true, true);
        if (reader.getWidth(0) <= 0 || reader.getHeight(0) <= 0) {
          return "has no size (a damaged " + expected.toUpperCase(Locale.ROOT) + " file?)";
        }
      } finally {
        reader.dispose();
      }
      return null;
    } catch (IOException | RuntimeException e) {
      return "is a damaged " + expected.toUpperCase(Locale.ROOT) + " file (" + org.editio.Messages.of(e) + ")";
    }
  }

  /** Names for the copies: the file's name, made safe, numbered when two images share one. */
  private static Map<String, String> names(Map<String, Path> files) {
    Map<String, String> names = new TreeMap<>();
    Set<String> used = new HashSet<>();
    for (Map.Entry<String, Path> e : files.entrySet()) {
      names.put(e.getKey(), CopyNames.unique(e.getValue().getFileName().toString(), "image", used));
    }
    return names;
  }

  private static Iterable<XdmItem> graphics(XdmNode tree) {
    try {
      XPathCompiler xp = tree.getProcessor().newXPathCompiler();
      xp.declareNamespace("tei", Xml.TEI_NS);
      return xp.evaluate("//tei:text//(tei:graphic | tei:media)[@url]", tree);
    } catch (SaxonApiException e) {
      throw new IllegalStateException("a fixed XPath expression failed: " + e.getMessage(), e);
    }
  }

  private static Problem warning(Path file, XdmNode node, String message) {
    return new Problem(file, Math.max(1, node.getLineNumber()), Math.max(1, node.getColumnNumber()), Problem.Severity.WARNING,
        message, "image");
  }
}
