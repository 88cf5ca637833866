<?xml version="1.0" encoding="UTF-8"?>
<!--
  What the search index holds for each document: its page (from the layout, relative to the search
  page: lunr's ref, which search.js links), title, date, and its whole text (notes and summary included).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="http://editio.org/ns/function"
    exclude-result-prefixes="#all">

  <xsl:import href="../common/functions.xsl"/>
  <xsl:import href="../common/links.xsl"/>
  <xsl:output method="json" encoding="UTF-8" indent="no"/>

  <xsl:param name="documents" as="document-node()*" select="()"/>

  <xsl:template name="xsl:initial-template">
    <xsl:sequence select="array{ for $tei in $documents ! (tei:TEI | tei:teiCorpus) return map{
      'id': f:href($here, 'html:document:' || f:doc-id($tei)),
      'title': f:title($tei),
      'date': (f:document-date($tei) ! f:format-date(.), '')[1],
      'text': normalize-space(string-join((
                $tei/tei:teiHeader/tei:profileDesc/tei:abstract ! (string(.) || ' '),
                $tei/tei:text//text()[not(ancestor::tei:sic or ancestor::tei:orig)]), ''))
    }}"/>
  </xsl:template>
</xsl:stylesheet>
