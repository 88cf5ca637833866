package org.editio.validate;

import com.thaiopensource.util.PropertyMapBuilder;
import com.thaiopensource.validate.IncorrectSchemaException;
import com.thaiopensource.validate.Schema;
import com.thaiopensource.validate.SchemaReader;
import com.thaiopensource.validate.ValidateProperty;
import com.thaiopensource.validate.auto.AutoSchemaReader;
import com.thaiopensource.validate.rng.CompactSchemaReader;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XdmDestination;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.Xslt30Transformer;
import net.sf.saxon.s9api.XsltExecutable;
import org.editio.EditioException;
import org.editio.validate.SchemaDeclaration.Kind;
import org.editio.xml.SecureXml;
import org.editio.xml.Xml;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Compiles each schema once per run and shares it between threads: RELAX NG (XML and compact
 * syntax) with Jing, Schematron with SchXslt on Saxon. A schema that cannot be read is remembered
 * as such, so a hundred documents declaring the same missing schema cost one attempt.
 */
final class Schemas {

  /** A schema that cannot be used, and why (said once per document that declares it). */
  static final class Unavailable extends Exception {
    private static final long serialVersionUID = 1L;

    Unavailable(String message) {
      super(message);
    }
  }

  private final Xml xml;
  private final Map<String, Object> compiled = new ConcurrentHashMap<>();

  private final Map<String, String> digests = new ConcurrentHashMap<>();

  Schemas(Xml xml) {
    this.xml = xml;
  }

  /**
   * Forgets what was compiled from {@code uri} when its files changed since it was compiled
   * (editio serve validates again and again in one JVM, while the schema may be edited).
   */
  void refresh(URI uri, String digest) {
    String before = digests.put(uri.toString(), digest);
    if (before != null && !before.equals(digest)) {
      compiled.keySet().removeIf(key -> key.endsWith(" " + uri));
    }
  }

  /** A compiled RELAX NG schema (Jing), thread-safe. */
  Schema relaxNg(URI uri, boolean compact) throws Unavailable {
    return (Schema) get((compact ? "rnc " : "rng ") + uri, () -> compileRelaxNg(uri, compact));
  }

  /** A compiled Schematron schema (SchXslt), or the rules embedded in a RELAX NG schema. */
  XsltExecutable schematron(URI uri, boolean embeddedInRelaxNg) throws Unavailable {
    return (XsltExecutable) get((embeddedInRelaxNg ? "sch-in-rng " : "sch ") + uri,
        () -> compileSchematron(uri, embeddedInRelaxNg));
  }

  /** The editorial rules of editio itself (packaged). */
  XsltExecutable editorialRules() throws Unavailable {
    return (XsltExecutable) get("editorial", () -> {
      try {
        XdmNode sch = xml.processor().newDocumentBuilder().build(
            new javax.xml.transform.stream.StreamSource(
                Schemas.class.getClassLoader().getResourceAsStream("xslt/validate/editorial-rules.sch"),
                "classpath:/xslt/validate/editorial-rules.sch"));
        return compileSchematronTree(sch);
      } catch (SaxonApiException e) {
        throw new IllegalStateException("editorial rules do not compile: " + e.getMessage(), e);
      }
    });
  }

  private interface Compiler {
    Object compile() throws Unavailable;
  }

  private Object get(String key, Compiler compiler) throws Unavailable {
    Object value = compiled.computeIfAbsent(key, k -> {
      try {
        return compiler.compile();
      } catch (Unavailable e) {
        return e;
      }
    });
    if (value instanceof Unavailable u) {
      throw u;
    }
    return value;
  }

  private static void checkReadable(URI uri) throws Unavailable {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme();
    if (scheme.equals("http") || scheme.equals("https") || scheme.equals("ftp")) {
      throw new Unavailable("schema " + uri + " is remote and editio does not fetch anything from the network:"
          + " download it and point the declaration (or --schema) at the local file");
    }
    if (!scheme.equals("file")) {
      throw new Unavailable("schema " + uri + " cannot be read: only local files are supported");
    }
    Path file = Path.of(uri);
    if (!Files.isRegularFile(file)) {
      throw new Unavailable("schema " + file + " does not exist");
    }
  }

  private Schema compileRelaxNg(URI uri, boolean compact) throws Unavailable {
    checkReadable(uri);
    StringBuilder errors = new StringBuilder();
    PropertyMapBuilder props = new PropertyMapBuilder();
    props.put(ValidateProperty.XML_READER_CREATOR, SecureXml::newReader);
    props.put(ValidateProperty.ERROR_HANDLER, new DefaultHandler() {
      @Override
      public void error(SAXParseException e) {
        errors.append(errors.isEmpty() ? "" : "; ").append(e.getLineNumber()).append(':')
            .append(e.getColumnNumber()).append(": ").append(e.getMessage());
      }

      @Override
      public void fatalError(SAXParseException e) {
        error(e);
      }
    });
    SchemaReader reader = compact ? CompactSchemaReader.getInstance() : new AutoSchemaReader();
    try {
      return reader.createSchema(new InputSource(uri.toString()), props.toPropertyMap());
    } catch (IncorrectSchemaException | SAXException | IOException e) {
      throw new Unavailable("schema " + uri + " is not a correct RELAX NG schema"
          + (errors.isEmpty() ? ": " + e.getMessage() : ": " + errors));
    }
  }

  private XsltExecutable compileSchematron(URI uri, boolean embedded) throws Unavailable {
    checkReadable(uri);
    XdmNode source;
    try {
      source = xml.parse(Path.of(uri));
    } catch (EditioException e) {
      throw new Unavailable("schema " + uri + " cannot be read: " + e.problems().get(0).message());
    }
    if (embedded) {
      try {
        Xslt30Transformer extract = Xml.transformer(xml.stylesheet("validate/extract-schematron.xsl"));
        XdmDestination out = new XdmDestination();
        extract.applyTemplates(source, out);
        source = out.getXdmNode();
      } catch (SaxonApiException e) {
        throw new Unavailable("no Schematron rules can be taken from " + uri + ": " + e.getMessage());
      }
    }
    return compileSchematronTree(source);
  }

  /** SchXslt: include, expand and compile the Schematron to XSLT that reports in SVRL. */
  private XsltExecutable compileSchematronTree(XdmNode schematron) throws Unavailable {
    try {
      // SchXslt's own stylesheets are on the class path below xslt/2.0/ (schxslt jar).
      Xslt30Transformer pipeline = Xml.transformer(xml.stylesheet("2.0/pipeline-for-svrl.xsl"));
      XdmDestination compiled = new XdmDestination();
      pipeline.applyTemplates(schematron, compiled);
      return xml.processor().newXsltCompiler().compile(compiled.getXdmNode().asSource());
    } catch (SaxonApiException e) {
      throw new Unavailable("Schematron " + schematron.getBaseURI() + " does not compile: " + e.getMessage());
    }
  }
}
