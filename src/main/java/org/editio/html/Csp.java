package org.editio.html;

/**
 * The Content-Security-Policy of the HTML edition. Every page carries it in a
 * {@code <meta http-equiv>} (the site also works from {@code file://}, where there are no
 * headers), and {@code editio serve} sends it as a header too. Nothing inline runs or styles:
 * scripts and styles come from the site's own files, so a TEI string that slipped through as
 * markup could not run, and nothing is loaded from elsewhere.
 *
 * <p>The same text stands in {@code xslt/html/page.xsl} (a stylesheet cannot read a Java
 * constant); a test checks that the two agree.
 */
public final class Csp {
  private Csp() {}

  /** What a page may load: its own site's scripts, styles, images (and data: images), nothing else. */
  public static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
      + " font-src 'self'; connect-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'self';"
      + " object-src 'none'";
}
