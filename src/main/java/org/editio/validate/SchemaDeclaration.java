package org.editio.validate;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XdmNodeKind;

/**
 * A schema a document declares with {@code <?xml-model href="…" type="…" schematypens="…"?>}
 * (W3C "Associating Schemas with XML documents"), or one given with {@code --schema}.
 *
 * @param href the schema as written
 * @param uri the schema resolved against the document
 * @param kind what language it is in
 * @param line where the declaration stands (0 for --schema)
 * @param column where the declaration stands
 */
public record SchemaDeclaration(String href, URI uri, Kind kind, int line, int column) {

  /** The schema languages editio checks. */
  public enum Kind {
    RELAX_NG,
    RELAX_NG_COMPACT,
    SCHEMATRON,
    /** Schematron rules embedded in a RELAX NG schema (as TEI's ODD-generated schemas have). */
    SCHEMATRON_IN_RELAX_NG
  }

  static final String RELAX_NG_NS = "http://relaxng.org/ns/structure/1.0";
  static final String SCHEMATRON_NS = "http://purl.oclc.org/dsdl/schematron";
  static final String ISO_SCHEMATRON_NS = "http://www.ascc.net/xml/schematron";

  private static final Pattern PSEUDO_ATTRIBUTE = Pattern.compile("([\\w:.-]+)\\s*=\\s*([\"'])(.*?)\\2", Pattern.DOTALL);

  /** The kind a file is by its name alone (for --schema). */
  public static Kind kindOf(String href) {
    String h = href.toLowerCase(Locale.ROOT);
    if (h.endsWith(".rnc")) {
      return Kind.RELAX_NG_COMPACT;
    }
    if (h.endsWith(".sch")) {
      return Kind.SCHEMATRON;
    }
    return Kind.RELAX_NG;
  }

  /**
   * The schemas declared by {@code xml-model} processing instructions before the root element.
   * Declarations of languages editio does not check (XSD, DTD) are returned as problems.
   */
  public static List<SchemaDeclaration> declaredIn(XdmNode document, List<String> unsupported) {
    List<SchemaDeclaration> result = new ArrayList<>();
    for (XdmNode child : document.children()) {
      if (child.getNodeKind() == XdmNodeKind.ELEMENT) {
        break;
      }
      if (child.getNodeKind() != XdmNodeKind.PROCESSING_INSTRUCTION
          || !"xml-model".equals(child.getNodeName().getLocalName())) {
        continue;
      }
      String href = null;
      String type = "";
      String schematypens = "";
      Matcher m = PSEUDO_ATTRIBUTE.matcher(child.getStringValue());
      while (m.find()) {
        switch (m.group(1)) {
          case "href" -> href = m.group(3);
          case "type" -> type = m.group(3);
          case "schematypens" -> schematypens = m.group(3);
          default -> { }
        }
      }
      if (href == null) {
        unsupported.add("an xml-model declaration without href is ignored");
        continue;
      }
      Kind kind = kind(href, type, schematypens);
      if (kind == null) {
        unsupported.add("xml-model '" + href + "' (" + (schematypens.isEmpty() ? type : schematypens)
            + ") is in a schema language editio does not check; only RELAX NG and Schematron are checked");
        continue;
      }
      URI base = URI.create(document.getBaseURI().toString());
      URI uri;
      try {
        uri = base.resolve(href.replace(" ", "%20"));
      } catch (IllegalArgumentException e) {
        unsupported.add("xml-model href '" + href + "' is not a valid URI");
        continue;
      }
      result.add(new SchemaDeclaration(href, uri, kind, child.getLineNumber(), child.getColumnNumber()));
    }
    return result;
  }

  private static Kind kind(String href, String type, String schematypens) {
    boolean schematron = schematypens.equals(SCHEMATRON_NS) || schematypens.equals(ISO_SCHEMATRON_NS);
    boolean rng = href.toLowerCase(Locale.ROOT).endsWith(".rng");
    if (schematron) {
      return rng ? Kind.SCHEMATRON_IN_RELAX_NG : Kind.SCHEMATRON;
    }
    if (schematypens.equals(RELAX_NG_NS) || type.equals("application/xml") && rng) {
      return Kind.RELAX_NG;
    }
    if (type.equals("application/relax-ng-compact-syntax") || href.toLowerCase(Locale.ROOT).endsWith(".rnc")) {
      return Kind.RELAX_NG_COMPACT;
    }
    if (schematypens.isEmpty() && (rng || type.isEmpty() && rng)) {
      return Kind.RELAX_NG;
    }
    if (schematypens.isEmpty() && href.toLowerCase(Locale.ROOT).endsWith(".sch")) {
      return Kind.SCHEMATRON;
    }
    return null;
  }
}
