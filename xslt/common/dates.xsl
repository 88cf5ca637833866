<?xml version="1.0" encoding="UTF-8"?>
<!--
  Reading and formatting TEI dates (@when, @from/@to, @notBefore/@notAfter) in one place, in the
  edition's language: month names and patterns ("14 May 1937", "14. Mai 1937") are labels.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="http://editio.org/ns/function"
    exclude-result-prefixes="#all">

  <!-- An ISO value (xs:date, xs:gYearMonth, xs:gYear) read as "14 May 1937", "May 1937", "1937". -->
  <xsl:function name="f:format-iso" as="xs:string">
    <xsl:param name="iso" as="xs:string"/>
    <xsl:choose>
      <xsl:when test="$iso castable as xs:dateTime and not($iso castable as xs:date)">
        <xsl:sequence select="f:format-iso(substring-before($iso, 'T'))"/>
      </xsl:when>
      <xsl:when test="$iso castable as xs:date">
        <xsl:variable name="d" select="xs:date($iso)"/>
        <xsl:sequence select="f:label('date-day', (day-from-date($d), f:label('month-' || month-from-date($d)), f:year-text(year-from-date($d))))"/>
      </xsl:when>
      <xsl:when test="$iso castable as xs:gYearMonth">
        <xsl:variable name="d" select="xs:date($iso || '-01')"/>
        <xsl:sequence select="f:label('date-month', (f:label('month-' || month-from-date($d)), f:year-text(year-from-date($d))))"/>
      </xsl:when>
      <xsl:otherwise><xsl:sequence select="$iso"/></xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <xsl:function name="f:year-text" as="xs:string">
    <xsl:param name="year" as="xs:integer"/>
    <xsl:sequence select="format-integer($year, '1')"/>
  </xsl:function>

  <!--
    A date element as a reader expects it; ranges as "15 July 1937 – 17 July 1937", uncertain as
    "between … and …"; a document the source leaves undated, dated by the editors from its place
    in the source, as "undated [18 September 1921]" (the date is the editors', not the source's).
  -->
  <xsl:function name="f:format-date" as="xs:string">
    <xsl:param name="date" as="element()"/>
    <xsl:sequence select="
      if ($date/@when) then f:format-iso($date/@when)
      else if ($date/@from and $date/@to) then f:label('date-range', (f:format-iso($date/@from), f:format-iso($date/@to)))
      else if ($date/@notBefore and $date/@notAfter and normalize-space($date) = f:label('undated'))
        then f:label('date-undated', if ($date/@notBefore = $date/@notAfter) then f:format-iso($date/@notBefore)
                                     else f:label('date-between', (f:format-iso($date/@notBefore), f:format-iso($date/@notAfter))))
      else if ($date/@notBefore = $date/@notAfter) then f:format-iso($date/@notBefore)
      else if ($date/@notBefore and $date/@notAfter) then f:label('date-between', (f:format-iso($date/@notBefore), f:format-iso($date/@notAfter)))
      else if ($date/@from) then f:label('date-from', f:format-iso($date/@from))
      else if ($date/@notBefore) then f:label('date-not-before', f:format-iso($date/@notBefore))
      else normalize-space($date)"/>
  </xsl:function>

  <!-- A date known only within bounds of different years: listed with the undated documents. -->
  <xsl:function name="f:is-vague" as="xs:boolean">
    <xsl:param name="date" as="element()"/>
    <xsl:sequence select="not($date/@when or $date/@from) and $date/@notBefore and $date/@notAfter
                          and substring($date/@notBefore, 1, 4) ne substring($date/@notAfter, 1, 4)"/>
  </xsl:function>

  <!-- A string that sorts chronologically: the earliest ISO value the element gives. -->
  <xsl:function name="f:date-sort-key" as="xs:string">
    <xsl:param name="date" as="element()"/>
    <xsl:sequence select="string(($date/@when, $date/@from, $date/@notBefore, $date/@to, $date/@notAfter)[1])"/>
  </xsl:function>
</xsl:stylesheet>
