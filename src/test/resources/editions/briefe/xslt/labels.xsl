<?xml version="1.0" encoding="UTF-8"?>
<!-- Labels of this edition, included by html.xsl, fo.xsl and epub.xsl: it calls its documents "Briefe". -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:f="http://editio.org/ns/function">
  <xsl:variable name="f:edition-labels" as="map(xs:string, map(xs:string, xs:string))"
      select="map{'de': map{'documents': 'Briefe', 'documents-noun': 'Briefe'}}"/>
</xsl:stylesheet>
