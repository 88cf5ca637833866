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
import net.sf.saxon.s9api.DocumentBuilder;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XdmDestination;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.Xslt30Transformer;
import net.sf.saxon.s9api.XsltExecutable;
import org.editio.Messages;
import org.editio.validate.SchemaDeclaration.Kind;
import org.editio.xml.Resolver;
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

  /**
   * A schema that cannot be used, and why (said once per document that declares it); located
   * when the cause is a reference inside a local schema file (an include refused, a syntax error).
   */
  static final class Unavailable extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient org.editio.Problem location;

    Unavailable(String message) {
      this(message, null);
    }

    Unavailable(String message, org.editio.Problem location) {
      super(message);
      this.location = location;
    }

    /** The problem at its place in the schema file, or null when it concerns the declaration. */
    org.editio.Problem location() {
      return location;
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

  /**
   * A compiled RELAX NG schema (Jing), thread-safe; {@code uri} is already resolved (catalog,
   * policy) and its includes are read through {@code resolver}.
   */
  Schema relaxNg(URI uri, boolean compact, Resolver resolver) throws Unavailable {
    return (Schema) get((compact ? "rnc " : "rng ") + key(resolver) + uri, () -> compileRelaxNg(uri, compact, resolver));
  }

  /** A compiled Schematron schema (SchXslt), or the rules embedded in a RELAX NG schema. */
  XsltExecutable schematron(URI uri, boolean embeddedInRelaxNg, Resolver resolver) throws Unavailable {
    return (XsltExecutable) get((embeddedInRelaxNg ? "sch-in-rng " : "sch ") + key(resolver) + uri,
        () -> compileSchematron(uri, embeddedInRelaxNg, resolver));
  }

  /** What a schema may include depends on the folders its resolver serves. */
  private static String key(Resolver resolver) {
    return resolver.roots() + " ";
  }

  /** The editorial rules of editio itself (packaged). */
  XsltExecutable editorialRules() throws Unavailable {
    return (XsltExecutable) get("editorial", () -> {
      try {
        XdmNode sch = xml.processor().newDocumentBuilder().build(
            new javax.xml.transform.stream.StreamSource(
                Schemas.class.getClassLoader().getResourceAsStream("xslt/validate/editorial-rules.sch"),
                "classpath:/xslt/validate/editorial-rules.sch"));
        return compileSchematronTree(sch, null);
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

  private static void checkExists(URI uri) throws Unavailable {
    if ("file".equals(uri.getScheme()) && !Files.isRegularFile(Path.of(uri))) {
      throw new Unavailable("schema " + Path.of(uri) + " does not exist");
    }
  }

  /** The refusal of a reference somewhere in a chain of causes, or null. */
  static Resolver.Refused refusal(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof Resolver.Refused r) {
        return r;
      }
      if (t instanceof com.thaiopensource.resolver.ResolverException re && re.unwrap() instanceof Resolver.Refused r) {
        return r;
      }
      if (t instanceof SAXException se && se.getException() instanceof Resolver.Refused r) {
        return r;
      }
    }
    return null;
  }

  /** A schema's URI as people wrote it: a path for a file, the bundled copy's name for editio's. */
  static String shown(URI uri) {
    if ("file".equals(uri.getScheme())) {
      return org.editio.Problem.displayPath(Path.of(uri));
    }
    if (Resolver.CLASSPATH.equals(uri.getScheme())) {
      return "bundled " + uri.getSchemeSpecificPart().replaceFirst(".*/", "");
    }
    return uri.toString();
  }

  /** Where a schema's problem lies, when it lies in a local schema file. */
  private static org.editio.Problem located(SAXParseException e, String message) {
    String system = e.getSystemId();
    if (system == null || !system.startsWith("file:") || e.getLineNumber() <= 0) {
      return null;
    }
    try {
      return new org.editio.Problem(Path.of(URI.create(system)), e.getLineNumber(), Math.max(1, e.getColumnNumber()),
          org.editio.Problem.Severity.ERROR, message, "schema-unavailable");
    } catch (IllegalArgumentException bad) {
      return null;
    }
  }

  private Schema compileRelaxNg(URI uri, boolean compact, Resolver resolver) throws Unavailable {
    checkExists(uri);
    StringBuilder errors = new StringBuilder();
    org.editio.Problem[] first = new org.editio.Problem[1];
    PropertyMapBuilder props = new PropertyMapBuilder();
    props.put(ValidateProperty.XML_READER_CREATOR, SecureXml::newReader);
    props.put(ValidateProperty.RESOLVER, resolver.jing());
    props.put(ValidateProperty.ERROR_HANDLER, new DefaultHandler() {
      @Override
      public void error(SAXParseException e) {
        String message = Messages.clean(e.getMessage());
        errors.append(errors.isEmpty() ? "" : "; ").append(e.getLineNumber()).append(':')
            .append(e.getColumnNumber()).append(": ").append(message);
        if (first[0] == null) {
          first[0] = located(e, "schema " + uri + " cannot be used: " + message);
        }
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
      Resolver.Refused refused = refusal(e);
      if (refused != null) {
        String message = "schema " + shown(uri) + " cannot be used: " + Messages.clean(refused.getMessage());
        throw new Unavailable(message, refused.file() == null ? first[0] : new org.editio.Problem(refused.file(),
            refused.line(), refused.column(), org.editio.Problem.Severity.ERROR,
            Messages.clean(refused.getMessage()), "schema-unavailable"));
      }
      throw new Unavailable("schema " + uri + " is not a correct RELAX NG schema"
          + (errors.isEmpty() ? ": " + Messages.clean(e.getMessage()) : ": " + errors), first[0]);
    }
  }

  private XsltExecutable compileSchematron(URI uri, boolean embedded, Resolver resolver) throws Unavailable {
    checkExists(uri);
    XdmNode source;
    try {
      DocumentBuilder builder = xml.processor().newDocumentBuilder();
      builder.setLineNumbering(true);
      source = builder.build(resolver.xmlSource(uri));
    } catch (IOException | SaxonApiException e) {
      Path file = "file".equals(uri.getScheme()) ? Path.of(uri) : null;
      throw new Unavailable("schema " + uri + " cannot be read: "
          + (file == null ? Messages.clean(e.getMessage()) : Xml.parseProblem(file, e).message()));
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
    return compileSchematronTree(source, resolver);
  }

  /**
   * SchXslt: include, expand and compile the Schematron to XSLT that reports in SVRL. With a
   * resolver (a schema an edition declares), its includes are read through it and the compiled
   * XSLT is an untrusted stylesheet ({@link Xml#compileUntrusted}); without, it is editio's own.
   */
  private XsltExecutable compileSchematronTree(XdmNode schematron, Resolver resolver) throws Unavailable {
    try {
      // SchXslt's own stylesheets are on the class path below xslt/2.0/ (schxslt jar).
      Xslt30Transformer pipeline = resolver == null ? Xml.transformer(xml.stylesheet("2.0/pipeline-for-svrl.xsl"))
          : Xml.untrusted(xml.stylesheet("2.0/pipeline-for-svrl.xsl"), resolver);
      XdmDestination compiled = new XdmDestination();
      pipeline.applyTemplates(schematron, compiled);
      if (resolver == null) {
        return xml.processor().newXsltCompiler().compile(compiled.getXdmNode().asSource());
      }
      return xml.compileUntrusted(compiled.getXdmNode(), resolver);
    } catch (SaxonApiException | net.sf.saxon.s9api.SaxonApiUncheckedException e) {
      throw new Unavailable("Schematron " + schematron.getBaseURI() + " does not compile: " + Messages.clean(e.getMessage()));
    }
  }
}
