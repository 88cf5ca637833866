package org.editio.output;

import org.editio.EditioException;

/**
 * One output of editio: the HTML edition, the PDF volume, the per-document PDFs. A publisher says
 * which files it makes, from what (their recipes), and how; {@link Run} does the rest once for
 * all outputs (reusing what an earlier build made from the same recipe, in parallel, with
 * progress and timing) and the builder stages and commits what it wrote. Adding an output is one
 * class implementing this, its stylesheets, and one line in {@code org.editio.build.Outputs}.
 *
 * <p>A publisher lives as long as its builder (one build, or every build of editio serve): it may
 * keep what is costly to make again between builds (the FOP factory, the documents' summaries and
 * search-index entries by their digests) and lets go of what needs letting go in {@link #close()}.
 */
public interface Publisher extends AutoCloseable {

  /** The name the command line selects it by ({@code html}, {@code pdf-volume}); unique. */
  String name();

  /**
   * The top-level entry of the output folder it writes: a folder ({@code html}, {@code pdf}) or a
   * file. Publishers that share a part are published together, and the part replaces its
   * predecessor as a whole when the build succeeds.
   */
  String part();

  /**
   * The file name of the edition's stylesheet that replaces editio's for this output
   * ({@code html.xsl}: {@code EDITION/xslt/html.xsl}, importing {@code editio:html.xsl}), or null
   * when the output has no stylesheet an edition may replace.
   */
  String stylesheet();

  /** Writes this output of the run's edition into the run's staging folder. */
  void publish(Run run) throws EditioException;

  /** The file or folder a reader opens, as a path of the layout (what the command line prints). */
  String entry(OutputLayout layout);

  /**
   * What the last {@link #publish} did, in a few words per line, for {@code --verbose} (the
   * volume: its pages and layout passes); empty when there is nothing to say.
   */
  default java.util.List<String> details() {
    return java.util.List.of();
  }

  /** Releases what the publisher holds between builds (nothing, unless it says otherwise). */
  @Override
  default void close() {}
}
