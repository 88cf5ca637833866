package org.editio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * SHA-256 digests of what an output is made from. Incremental builds compare these "recipes"
 * instead of file times: a file touched but unchanged is not rebuilt, and a file restored to an
 * earlier content matches its earlier output again.
 *
 * <p>A recipe is built from labelled parts ({@code add("doc", digest)}), so that two different
 * sequences of parts cannot produce the same text to hash.
 */
public final class Digest {

  private final MessageDigest sha = sha256();

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** Adds a labelled part to the recipe; a null value counts as absent, not as "null". */
  public Digest add(String label, Object value) {
    String text = label + (value == null ? "\u0000absent" : "=" + value) ;
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    // the length prefix keeps ("ab","c") apart from ("a","bc")
    sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
    sha.update((byte) ':');
    sha.update(bytes);
    return this;
  }

  /** The hex digest of the parts added so far. */
  public String hex() {
    return HexFormat.of().formatHex(sha.digest());
  }

  /** The hex digest of some bytes, e.g. a file's content. */
  public static String of(byte[] bytes) {
    return HexFormat.of().formatHex(sha256().digest(bytes));
  }

  private static volatile String tool;

  /**
   * A digest of editio itself: its classes and stylesheets (the jar, or the classes folder when
   * run from a build tree) and the versions of Saxon and FOP. A new editio or a changed stylesheet
   * makes every output out of date.
   */
  public static String tool() {
    String t = tool;
    if (t == null) {
      t = computeTool();
      tool = t;
    }
    return t;
  }

  private static String computeTool() {
    Digest d = new Digest()
        .add("saxon", net.sf.saxon.Version.getProductVersion())
        .add("fop", org.apache.fop.Version.getVersion());
    try {
      Path code = Path.of(Digest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      List<Path> files;
      if (Files.isDirectory(code)) {
        try (Stream<Path> walk = Files.walk(code)) {
          files = walk.filter(Files::isRegularFile).sorted().toList();
        }
      } else {
        files = List.of(code);
      }
      for (Path f : files) {
        d.add(code.relativize(f).toString(), of(Files.readAllBytes(f)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read editio's own files", e);
    } catch (URISyntaxException | RuntimeException e) {
      // no readable code source (an unusual class loader): make every build a full one
      d.add("unknown-code", System.nanoTime());
    }
    return d.hex();
  }
}
