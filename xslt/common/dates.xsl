<?xml version="1.0" encoding="UTF-8"?>
<!-- Reading and formatting TEI dates (@when, @from/@to, @notBefore/@notAfter) in one place. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="http://editio.org/ns/function"
    exclude-result-prefixes="#all">

  <!-- An ISO value (xs:date, xs:gYearMonth, xs:gYear) read as "14 May 1937", "May 1937", "1937". -->
  <xsl:function name="f:format-iso" as="xs:string">
    <xsl:param name="iso" as="xs:string"/>
    <xsl:sequence select="
      if ($iso castable as xs:date) then format-date(xs:date($iso), '[D] [MNn] [Y]', 'en', (), ())
      else if ($iso castable as xs:gYearMonth) then format-date(xs:date($iso || '-01'), '[MNn] [Y]', 'en', (), ())
      else $iso"/>
  </xsl:function>

  <!-- A date element as a reader expects it; ranges as "15 July 1937 – 17 July 1937", uncertain as "between … and …". -->
  <xsl:function name="f:format-date" as="xs:string">
    <xsl:param name="date" as="element()"/>
    <xsl:sequence select="
      if ($date/@when) then f:format-iso($date/@when)
      else if ($date/@from and $date/@to) then f:format-iso($date/@from) || ' – ' || f:format-iso($date/@to)
      else if ($date/@notBefore and $date/@notAfter) then 'between ' || f:format-iso($date/@notBefore) || ' and ' || f:format-iso($date/@notAfter)
      else if ($date/@from) then 'from ' || f:format-iso($date/@from)
      else if ($date/@notBefore) then 'not before ' || f:format-iso($date/@notBefore)
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
