package org.editio.xml;

import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.ext.EntityResolver2;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * The one place where editio creates XML parsers.
 *
 * <p>TEI files come from anywhere, so every parser is configured the same safe way: no external
 * DTD is loaded, an external entity is <em>refused with an error</em> (not silently skipped, so
 * an editor learns why text would be missing), and entity expansion is capped so that a "billion
 * laughs" document fails fast instead of exhausting memory. Internal entities of a small internal
 * subset still work: they are legitimate XML and some older TEI uses them.
 */
public final class SecureXml {

  /** Entity expansions allowed per document; real TEI needs few, bombs need millions. */
  static final int ENTITY_EXPANSION_LIMIT = 10_000;

  /**
   * Characters all entity expansions of a document may add together: a quadratic blow-up (one
   * large entity referenced many times) stays under the expansion count but not under this.
   */
  static final int TOTAL_ENTITY_SIZE_LIMIT = 1_000_000;

  private static final SAXParserFactory FACTORY = createFactory();

  private SecureXml() {}

  private static SAXParserFactory createFactory() {
    SAXParserFactory factory = SAXParserFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setValidating(false);
    factory.setXIncludeAware(false);
    try {
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    } catch (ParserConfigurationException | SAXException e) {
      throw new IllegalStateException("the XML parser cannot be configured securely", e);
    }
    return factory;
  }

  /**
   * A new namespace-aware reader that refuses external entities and caps entity expansion. It is
   * a filter so that it sees the parser's {@link Locator} and can say where a refused entity is.
   */
  public static XMLReader newReader() {
    try {
      XMLReader parser = FACTORY.newSAXParser().getXMLReader();
      parser.setProperty(
          "http://www.oracle.com/xml/jaxp/properties/entityExpansionLimit",
          String.valueOf(ENTITY_EXPANSION_LIMIT));
      parser.setProperty(
          "http://www.oracle.com/xml/jaxp/properties/totalEntitySizeLimit",
          String.valueOf(TOTAL_ENTITY_SIZE_LIMIT));
      parser.setProperty(
          "http://www.oracle.com/xml/jaxp/properties/maxGeneralEntitySizeLimit",
          String.valueOf(TOTAL_ENTITY_SIZE_LIMIT));
      parser.setProperty(
          "http://www.oracle.com/xml/jaxp/properties/maxParameterEntitySizeLimit",
          String.valueOf(TOTAL_ENTITY_SIZE_LIMIT));
      return new RefusingFilter(parser);
    } catch (ParserConfigurationException | SAXException e) {
      throw new IllegalStateException("the XML parser cannot be configured securely", e);
    }
  }

  /**
   * Where a reader of {@link #newReader} stopped: its parser's position, for failures the parser
   * reports without one (entity limits). Null for other readers or before the document started.
   */
  public static int[] position(XMLReader reader) {
    return reader instanceof RefusingFilter f ? f.position() : null;
  }

  /** Passes every event through and refuses every external entity with a located error. */
  private static final class RefusingFilter extends XMLFilterImpl implements EntityResolver2 {
    private Locator locator;

    RefusingFilter(XMLReader parent) {
      super(parent);
    }

    @Override
    public void setDocumentLocator(Locator locator) {
      this.locator = locator;
      super.setDocumentLocator(locator);
    }

    /**
     * An entity the parser skipped: declared (if at all) in an external DTD that editio does not
     * read. Its text would silently be missing from the edition, so it is an error.
     */
    @Override
    public void skippedEntity(String name) throws SAXException {
      if (name.startsWith("%")) {
        super.skippedEntity(name);
        return;
      }
      throw new SAXParseException("the entity reference &" + name + "; cannot be expanded: it is not declared in"
          + " the document, and editio never reads external DTDs; declare it in the document's internal subset"
          + " or replace it by its text", locator);
    }

    /**
     * Where the parser was: the start of the last element begun (inside an entity's replacement
     * text the parser's own position is the entity's, not the document's), else the parser's.
     */
    int[] position() {
      if (lastElement != null) {
        return lastElement;
      }
      return locator == null ? null : new int[] {locator.getLineNumber(), locator.getColumnNumber()};
    }

    private int[] lastElement;

    @Override
    public void startElement(String uri, String localName, String qName, org.xml.sax.Attributes atts)
        throws SAXException {
      if (locator != null) {
        lastElement = new int[] {locator.getLineNumber(), locator.getColumnNumber()};
      }
      super.startElement(uri, localName, qName, atts);
    }

    @Override
    public InputSource getExternalSubset(String name, String baseURI) {
      return null; // no external subset is ever loaded
    }

    @Override
    public InputSource resolveEntity(String name, String publicId, String baseURI, String systemId)
        throws SAXException {
      if ("[dtd]".equals(name)) {
        // <!DOCTYPE TEI SYSTEM "tei_all.dtd">: TEI needs no DTD, and it is never fetched.
        return new InputSource(new StringReader(""));
      }
      String what = name == null ? "an external entity" : "external entity '" + name + "'";
      throw new SAXParseException(
          what + " (" + systemId + ") is refused: editio never reads external entities;"
              + " replace the entity reference by its text",
          locator);
    }

    @Override
    public InputSource resolveEntity(String publicId, String systemId) throws SAXException {
      return resolveEntity(null, publicId, null, systemId);
    }
  }
}
