package org.gridwatch.publication;

import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * An area's current publications as an Atom 1.0 feed (RFC 4287), for a WeChat account or a lobby screen to follow.
 * Written with StAX, so titles and bodies (plain text, possibly with markup in them) are escaped and carried as
 * {@code type="text"}: a reader never renders them as HTML. Entry ids are tag URIs; links go to the public portal.
 */
final class AtomFeed {
  private static final String ATOM = "http://www.w3.org/2005/Atom";
  private AtomFeed() {}

  /** The feed: {@code base} the server's absolute URL, {@code host} the name used in tag URIs, {@code bodies} by id. */
  static String write(String base, String host, String areaCode, String areaName, List<PublicationSummary> items,
      Map<Long, String> bodies, Instant updated) {
    try {
      StringWriter out = new StringWriter();
      XMLStreamWriter x = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
      x.writeStartDocument("UTF-8", "1.0");
      x.writeStartElement("feed");
      x.writeDefaultNamespace(ATOM);
      text(x, "id", "tag:" + host + ",2017:publications-" + areaCode);
      typed(x, "title", areaName + " · 政务社务公开 Public notices");
      text(x, "updated", iso(updated));
      link(x, "self", "application/atom+xml", base + "/api/v1/publications/feed?area=" + areaCode);
      link(x, "alternate", "text/html", base + "/portal.html?area=" + areaCode);
      text(x, "generator", "Gridwatch");
      for (PublicationSummary p : items) {
        x.writeStartElement("entry");
        text(x, "id", "tag:" + host + ",2017:publication-" + p.id());
        typed(x, "title", p.title());
        Instant at = p.publishedAt() == null ? updated : p.publishedAt();
        text(x, "updated", iso(at));
        text(x, "published", iso(at));
        x.writeStartElement("author");
        text(x, "name", p.publisherName());
        x.writeEndElement();
        text(x, "category", null, "term", p.kind().name());
        typed(x, "summary", bodies.getOrDefault(p.id(), p.excerpt()));
        link(x, "alternate", "text/html", base + "/portal.html?area=" + areaCode + "#publication-" + p.id());
        x.writeEndElement();
      }
      x.writeEndElement();
      x.writeEndDocument();
      x.close();
      return out.toString();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write the Atom feed", e);
    }
  }

  private static String iso(Instant t) { return DateTimeFormatter.ISO_INSTANT.format(t.atOffset(ZoneOffset.UTC).withNano(0).toInstant()); }

  private static void text(XMLStreamWriter x, String name, String value) throws XMLStreamException { text(x, name, value, null, null); }

  private static void text(XMLStreamWriter x, String name, String value, String attr, String attrValue) throws XMLStreamException {
    if (value == null) {
      x.writeEmptyElement(name);
    } else {
      x.writeStartElement(name);
    }
    if (attr != null) x.writeAttribute(attr, attrValue);
    if (value != null) {
      x.writeCharacters(clean(value));
      x.writeEndElement();
    }
  }

  private static void typed(XMLStreamWriter x, String name, String value) throws XMLStreamException {
    x.writeStartElement(name);
    x.writeAttribute("type", "text");
    x.writeCharacters(clean(value));
    x.writeEndElement();
  }

  private static void link(XMLStreamWriter x, String rel, String type, String href) throws XMLStreamException {
    x.writeEmptyElement("link");
    x.writeAttribute("rel", rel);
    x.writeAttribute("type", type);
    x.writeAttribute("href", href);
  }

  /** XML 1.0 cannot carry most control characters, even escaped: they are dropped from the feed (kept in the store). */
  private static String clean(String s) {
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
        || c >= 0x10000).forEach(b::appendCodePoint);
    return b.toString();
  }
}
