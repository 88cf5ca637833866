<?xml version="1.0" encoding="UTF-8"?>
<!--
  A document as every output presents it: a title (its own first head, or a generated one), the
  metadata block (after the first head of the body, else before the text), the text, the notes.
  The metadata block is one list of fields, decided here; the renderers lay it out (the HTML
  panel, the PDF's line under the heading and source lines after the text) through b:metadata.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="http://editio.org/ns/function"
    exclude-result-prefixes="#all">

  <!--
    Whether the output prints the title from the header: when the text has no head of its own, or
    when its first head is the source's heading and the header's title (type="editorial") is the editors' title in
    the edition's form ("Telegram from M. M. Litvinov to NKID, 14 May 1937"). The source's heading
    then stays, one level down, as a heading of the text.
  -->
  <xsl:function name="f:needs-title" as="xs:boolean">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:variable name="head" select="($tei/tei:text//tei:head)[1]"/>
    <xsl:sequence select="not($head) or ($tei/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title)[1]/@type = 'editorial'
                          and normalize-space(string-join($head//text()[not(ancestor::tei:note)], '')) ne f:title($tei)"/>
  </xsl:function>

  <!-- How many levels the printed title takes above the text's own headings. -->
  <xsl:function name="f:title-offset" as="xs:integer">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:sequence select="if (f:needs-title($tei) and $tei/tei:text//tei:head) then 1 else 0"/>
  </xsl:function>

  <!-- The head the metadata block follows; with a printed title (or no head), the block stands before the text. -->
  <xsl:function name="f:metadata-anchor" as="element()?">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:sequence select="($tei/tei:text/tei:body//tei:head)[1][not(f:needs-title($tei))]"/>
  </xsl:function>

  <!--
    The document's metadata block: one map per field, in reading order, each with
      'key'    date, place, sender, addressee, type, classification, countries, archive, source,
               calendar, summary
      'group'  'line' (what the document is: date to countries), 'source' (where it comes from),
               'notice' (the calendar mark), 'summary' (the abstract)
      'label'  the field's label in the edition's language
      'value'  the field's text
    and, for some: 'datetime' (ISO date), 'href' (a safe URL), 'title' (the source's title),
    'content' (TEI nodes to render: the summary).
  -->
  <xsl:function name="f:metadata-fields" as="map(xs:string, item()*)*">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:variable name="date" select="f:document-date($tei)"/>
    <xsl:variable name="source" select="$tei/tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:bibl[tei:ref/@target][1]"/>
    <xsl:sequence select="(
      $date ! map{'key': 'date', 'group': 'line', 'label': f:label('date'), 'value': f:format-date(.), 'datetime': f:date-sort-key(.)},
      f:place($tei) ! map{'key': 'place', 'group': 'line', 'label': f:label('place'), 'value': .},
      f:party($tei, 'sender') ! map{'key': 'sender', 'group': 'line', 'label': f:label('sender'), 'value': .},
      f:party($tei, 'addressee') ! map{'key': 'addressee', 'group': 'line', 'label': f:label('addressee'), 'value': .},
      for $scheme in ('document-types', 'classifications', 'countries'),
          $value in string-join(f:categories($tei, $scheme) ! f:category-label(.), ', ')[.]
      return map{'key': map{'document-types': 'type', 'classifications': 'classification', 'countries': 'countries'}($scheme),
                 'group': 'line', 'value': $value,
                 'label': f:label(map{'document-types': 'type', 'classifications': 'classification', 'countries': 'countries'}($scheme))},
      f:citation($tei) ! map{'key': 'archive', 'group': 'source', 'label': f:label('archive'), 'value': .},
      $source ! map{'key': 'source', 'group': 'source', 'label': f:label('source'),
                    'value': normalize-space(tei:ref[1]), 'href': f:safe-url(tei:ref[1]/@target),
                    'title': normalize-space(tei:title[1]), 'text': normalize-space(.)},
      map{'key': 'calendar', 'group': 'notice', 'label': f:label('calendar'), 'value': f:label('calendar')}[f:is-calendar($tei)],
      $tei/tei:teiHeader/tei:profileDesc/tei:abstract !
        map{'key': 'summary', 'group': 'summary', 'label': f:label('summary'), 'value': normalize-space(.), 'content': node()}
    )"/>
  </xsl:function>

  <!--
    The opener after which a calendar entry's summary stands: a calendar entry reads as printed
    calendars print it, heading, dateline, then the editors' summary (not the summary first).
  -->
  <xsl:function name="f:summary-anchor" as="element(tei:opener)?">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:sequence select="($tei[f:is-calendar(.)][tei:teiHeader/tei:profileDesc/tei:abstract]
                           /tei:text/tei:body//tei:div[@type = 'calendar']/tei:opener[tei:dateline])[1]"/>
  </xsl:function>

  <!-- The heading of a part of edition.xml's editorial declaration (correction, normalization ...). -->
  <xsl:function name="f:declaration-heading" as="xs:string">
    <xsl:param name="part" as="element()"/>
    <xsl:sequence select="(f:label-or-empty('decl-' || local-name($part)),
                           upper-case(substring(local-name($part), 1, 1)) || substring(local-name($part), 2))[1]"/>
  </xsl:function>
</xsl:stylesheet>
