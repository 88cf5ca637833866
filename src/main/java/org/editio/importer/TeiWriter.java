package org.editio.importer;

import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes TEI with the JDK's StAX writer (escaping is the library's job), indented the way
 * editors read it: block elements on their own lines, mixed content kept on one line. The same
 * input always gives the same bytes, so a re-import produces an identical file.
 */
final class TeiWriter {
  static final String TEI_NS = "http://www.tei-c.org/ns/1.0";
  static final String XML_NS = "http://www.w3.org/XML/1998/namespace";

  private final StringWriter out = new StringWriter();
  private final XMLStreamWriter xml;
  /** For each open element: whether it holds mixed content (written inline). */
  private final Deque<Boolean> inline = new ArrayDeque<>();

  TeiWriter(String schemaHref) {
    try {
      xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      xml.writeStartDocument("UTF-8", "1.0");
      out.write("\n");
      if (schemaHref != null) {
        xml.writeProcessingInstruction("xml-model",
            "href=\"" + schemaHref + "\" type=\"application/relax-ng-compact-syntax\"");
        out.write("\n");
      }
      xml.setDefaultNamespace(TEI_NS);
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
  }

  private void indent() throws XMLStreamException {
    xml.writeCharacters("");
    out.write("\n" + "  ".repeat(inline.size()));
  }

  /** Opens a block element (its children go on their own lines). */
  TeiWriter block(String name, String... attributes) {
    return open(name, false, attributes);
  }

  /** Opens an element written on one line with its content (mixed content). */
  TeiWriter inline(String name, String... attributes) {
    return open(name, true, attributes);
  }

  private TeiWriter open(String name, boolean mixed, String... attributes) {
    try {
      boolean parentInline = !inline.isEmpty() && inline.peek();
      if (!inline.isEmpty() && !parentInline) {
        indent();
      }
      xml.writeStartElement(TEI_NS, name);
      if (inline.isEmpty()) {
        xml.writeDefaultNamespace(TEI_NS);
      }
      writeAttributes(attributes);
      inline.push(mixed || parentInline);
      return this;
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An empty element, written as {@code <name/>}. */
  TeiWriter empty(String name, String... attributes) {
    try {
      if (!inline.isEmpty() && !inline.peek()) {
        indent();
      }
      xml.writeEmptyElement(TEI_NS, name);
      writeAttributes(attributes);
      return this;
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
  }

  private void writeAttributes(String... attributes) throws XMLStreamException {
    for (int i = 0; i + 1 < attributes.length; i += 2) {
      if (attributes[i + 1] == null || attributes[i + 1].isEmpty()) {
        continue;
      }
      if (attributes[i].startsWith("xml:")) {
        xml.writeAttribute("xml", XML_NS, attributes[i].substring(4), attributes[i + 1]);
      } else {
        xml.writeAttribute(attributes[i], attributes[i + 1]);
      }
    }
  }

  TeiWriter text(String text) {
    try {
      xml.writeCharacters(text);
      return this;
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An element on one line holding only text. */
  TeiWriter element(String name, String text, String... attributes) {
    return inline(name, attributes).text(text).end();
  }

  TeiWriter end() {
    try {
      boolean wasInline = inline.pop();
      boolean parentInline = !inline.isEmpty() && inline.peek();
      if (!wasInline && !parentInline) {
        indent();
      }
      xml.writeEndElement();
      return this;
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
  }

  String finish() {
    try {
      while (!inline.isEmpty()) {
        end();
      }
      xml.writeEndDocument();
      xml.close();
      return out + "\n";
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
  }
}
