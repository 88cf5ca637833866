package org.editio.edition;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.editio.Digest;
import org.editio.EditioException;
import org.editio.Problem;

/**
 * What an edition carries to change how editio publishes it: its own stylesheets in
 * {@code EDITION/xslt/} ({@code html.xsl}, {@code fo.xsl}, and files they import, each importing
 * editio's stylesheet and overriding templates or parameters) and its own assets in
 * {@code EDITION/assets/} (CSS, images), copied into the HTML edition, their CSS linked after
 * editio's.
 *
 * <p>The digests are what incremental builds compare: a changed stylesheet renders again what
 * it renders, a changed asset is copied again.
 *
 * @param xslt {@code EDITION/xslt/}, or null when the edition has none
 * @param stylesheets the digest of every file below {@code xslt/}, by its path relative to it
 * @param assets {@code EDITION/assets/}, or null when the edition has none
 * @param assetFiles the digest of every file below {@code assets/}, by its path relative to it ('/'-separated)
 */
public record Customisation(Path xslt, Map<String, String> stylesheets, Path assets, Map<String, String> assetFiles) {

  /** An edition that changes nothing. */
  public static final Customisation NONE = new Customisation(null, Map.of(), null, Map.of());

  /** The folders an edition directory keeps its customisation in. */
  public static final String XSLT = "xslt";
  public static final String ASSETS = "assets";

  public Customisation {
    stylesheets = Map.copyOf(stylesheets);
    assetFiles = Map.copyOf(assetFiles);
  }

  /**
   * Reads the customisation of the edition directory {@code dir} (digests of its files). Like every
   * file of the edition they are untrusted: a file (or folder) that is a link leading out of the
   * edition is refused, never read nor copied into the output.
   *
   * @throws EditioException with a located problem for each file that leads out of the edition
   */
  static Customisation of(Path dir) throws EditioException {
    Path xslt = dir.resolve(XSLT);
    Path assets = dir.resolve(ASSETS);
    boolean hasXslt = Files.isDirectory(xslt);
    boolean hasAssets = Files.isDirectory(assets);
    if (!hasXslt && !hasAssets) {
      return NONE;
    }
    Path root;
    try {
      root = dir.toRealPath();
    } catch (IOException e) {
      throw EditioException.io(dir, "cannot read: " + org.editio.Messages.of(e));
    }
    List<Problem> problems = new ArrayList<>();
    Map<String, String> stylesheets = hasXslt ? digests(xslt, root, problems) : Map.of();
    Map<String, String> assetFiles = hasAssets ? digests(assets, root, problems) : Map.of();
    if (!problems.isEmpty()) {
      throw new EditioException(EditioException.INPUT, problems);
    }
    return new Customisation(hasXslt ? xslt : null, stylesheets, hasAssets ? assets : null, assetFiles);
  }

  private static Map<String, String> digests(Path dir, Path root, List<Problem> problems) throws EditioException {
    Map<String, String> result = new TreeMap<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        Path real = f.toRealPath();
        if (!real.startsWith(root)) {
          problems.add(Problem.error(f, 1, 1, "this file is a link to " + real + ": refused: outside the edition"
              + " (editio reads only the edition's own folder; copy the file into the edition instead)"));
          continue;
        }
        result.put(dir.relativize(f).toString().replace('\\', '/'), Digest.of(Files.readAllBytes(real)));
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      throw EditioException.io(dir, "cannot read: " + org.editio.Messages.of(e));
    }
    return result;
  }

  /** The edition's own version of one of editio's stylesheets ({@code html.xsl}), if it has one. */
  public Path stylesheet(String name) {
    return xslt != null && stylesheets.containsKey(name) ? xslt.resolve(name) : null;
  }

  /**
   * A digest of what the edition's version of {@code name} is made of: the file itself and every
   * other file of {@code xslt/} it may import, that is all but the other outputs' stylesheets
   * ({@code others}): editing {@code fo.xsl} does not render the HTML edition again, editing a
   * file both import renders both. Null when the edition does not override {@code name}.
   */
  public String digest(String name, Collection<String> others) {
    if (stylesheet(name) == null) {
      return null;
    }
    Digest d = new Digest();
    stylesheets.forEach((file, digest) -> {
      if (file.equals(name) || !others.contains(file)) {
        d.add(file, digest);
      }
    });
    return d.hex();
  }
}
