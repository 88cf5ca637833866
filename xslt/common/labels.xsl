<?xml version="1.0" encoding="UTF-8"?>
<!-- Every word that editio itself prints, in one map (English; other languages can be added as maps). -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:f="http://editio.org/ns/function"
    exclude-result-prefixes="#all">

  <xsl:variable name="f:labels" as="map(xs:string, xs:string)" select="map{
    'notes': 'Notes',
    'date': 'Date',
    'place': 'Place',
    'sender': 'From',
    'addressee': 'To',
    'source': 'Source',
    'documents': 'Documents',
    'contents': 'Contents',
    'home': 'Home',
    'previous': 'Previous document',
    'next': 'Next document',
    'skip': 'Skip to the text',
    'back-to-text': 'Back to the text',
    'note': 'Note',
    'original-reading': 'original reading',
    'download-tei': 'TEI source',
    'download-pdf': 'PDF',
    'downloads': 'Downloads',
    'page': 'page',
    'source-mark': 'mark in the source',
    'undated': 'undated',
    'gap': '[…]',
    'introduction': 'Introduction'
  }"/>

  <xsl:function name="f:label" as="xs:string">
    <xsl:param name="key" as="xs:string"/>
    <xsl:sequence select="($f:labels($key), $key)[1]"/>
  </xsl:function>
</xsl:stylesheet>
