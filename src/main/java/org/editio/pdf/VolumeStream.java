package org.editio.pdf;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.editio.EditioException;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * The volume's XSL-FO on its way from Saxon into FOP. FOP lays out a page-sequence as soon as its
 * end arrives, so in the middle of the stream everything before is laid out and the page of
 * every id in it is known: what an index needs, without laying the book out twice. The
 * stylesheet says where that matters with elements in the namespace {@value #NS}, which FOP
 * never sees:
 *
 * <ul>
 *   <li>{@code <v:deferred part="NAME" ids="ID ..."/>}, between page-sequences: the part is
 *       written here, now, by the stylesheet's {@code m:deferred} template, given the page of
 *       each of these ids (the indexes, which come last and so move no page they list);
 *   <li>{@code <v:uses-pages ids="ID ..."/>}: content written before the layout used the page of
 *       these ids from {@code $pages} (a guess: the pages of the last build). After the layout
 *       the publisher compares them with where the ids landed and lays the volume out again
 *       if they moved;
 *   <li>{@code <v:part>}: the element a deferred part's output is wrapped in (a SAX stream has one root).
 * </ul>
 */
final class VolumeStream extends XMLFilterImpl {

  /** The namespace of the volume's instructions to editio. */
  static final String NS = "http://editio.org/ns/volume";

  /** Writes a deferred part of the volume into {@code into} (a transformation of its own). */
  @FunctionalInterface
  interface Deferred {
    void write(String part, Map<String, String> pages, ContentHandler into) throws EditioException;
  }

  private final Fop.Job job;
  private final Deferred deferred;
  private final Set<String> usedIds = new LinkedHashSet<>();
  private Map<String, String> usedPages;

  VolumeStream(Fop.Job job, Deferred deferred) {
    this.job = job;
    this.deferred = deferred;
    setContentHandler(job.handler());
  }

  /** The ids whose pages the content written before its layout used (declared by v:uses-pages). */
  Set<String> usedIds() {
    return Collections.unmodifiableSet(usedIds);
  }

  /**
   * Called when the whole volume is laid out: the pages of the {@link #usedIds}, now that they are
   * known (an id not in the volume has none).
   */
  Map<String, String> usedPages() {
    if (usedPages == null) {
      usedPages = job.pagesOf(usedIds);
    }
    return usedPages;
  }

  @Override
  public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
    if (!NS.equals(uri)) {
      super.startElement(uri, localName, qName, atts);
      return;
    }
    switch (localName) {
      case "deferred" -> {
        String part = atts.getValue("part");
        if (part == null || part.isBlank()) {
          throw new SAXException("v:deferred needs a part attribute");
        }
        try {
          deferred.write(part, job.pagesOf(ids(atts)), new Nested());
        } catch (EditioException e) {
          throw new SAXException(e);
        }
      }
      case "uses-pages" -> usedIds.addAll(ids(atts));
      case "part" -> { }
      default -> throw new SAXException("unknown instruction v:" + localName + " in the volume's XSL-FO");
    }
  }

  private static List<String> ids(Attributes atts) {
    String ids = atts.getValue("ids");
    return ids == null || ids.isBlank() ? List.of() : List.of(ids.trim().split("\\s+"));
  }

  @Override
  public void endElement(String uri, String localName, String qName) throws SAXException {
    if (!NS.equals(uri)) {
      super.endElement(uri, localName, qName);
    }
  }

  /** A deferred part's events: into the same stream, without a document of their own. */
  private final class Nested extends XMLFilterImpl {
    Nested() {
      setContentHandler(VolumeStream.this);
    }

    @Override
    public void setDocumentLocator(Locator locator) {
      // FOP keeps reporting positions in the volume's own stream
    }

    @Override
    public void startDocument() {}

    @Override
    public void endDocument() {}
  }
}
