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

  <!--
    Years before the common era are negative, as TEI's schema reads its dates (XML Schema 1.0, the
    datatypes Jing checks tei_all with) and EpiDoc writes them: -0044 is 44 BC, -0001 is 1 BC,
    and there is no year 0000 (the rule date-iso reports it). XSD 1.1 and ISO 8601:2004 read
    -0044 as 45 BC and 0000 as 1 BC; TEI's datatype does not, and neither does editio.
  -->

  <!-- The year of an ISO value (date, year and month, year, date and time): -44 for 44 BC; empty for a value without one (a time, -\-05-14). -->
  <xsl:function name="f:iso-year" as="xs:integer?">
    <xsl:param name="iso" as="xs:string"/>
    <!-- (a year may carry a time zone: 1937Z, 1937+01:00) -->
    <xsl:sequence select="if (matches($iso, '^-?\d{4,}([-+TZ]|$)')) then xs:integer(replace($iso, '^(-?\d{4,}).*$', '$1')) else ()"/>
  </xsl:function>

  <!--
    A sort key or ISO value as HTML's time element may carry it (datetime): a year of the common
    era, with its month and day if any; empty for a year before it (HTML's dates start at year 1),
    so that the renderers write such a date as text, not as a time with a value HTML rejects.
  -->
  <xsl:function name="f:html-datetime" as="xs:string?">
    <xsl:param name="key" as="xs:string?"/>
    <xsl:sequence select="$key[matches(., '^\d{4,}(-\d\d(-\d\d)?)?$') and not(starts-with(., '0000'))]"/>
  </xsl:function>

  <!-- An ISO value (xs:date, xs:gYearMonth, xs:gYear) read as "14 May 1937", "May 1937", "1937", "15 March 44 BC". -->
  <xsl:function name="f:format-iso" as="xs:string">
    <xsl:param name="iso" as="xs:string"/>
    <xsl:choose>
      <xsl:when test="$iso castable as xs:dateTime and not($iso castable as xs:date)">
        <xsl:sequence select="f:format-iso(substring-before($iso, 'T'))"/>
      </xsl:when>
      <xsl:when test="$iso castable as xs:date">
        <xsl:variable name="d" select="xs:date($iso)"/>
        <xsl:sequence select="f:label('date-day', (day-from-date($d), f:label('month-' || month-from-date($d)), f:year-text(f:iso-year($iso))))"/>
      </xsl:when>
      <xsl:when test="$iso castable as xs:gYearMonth">
        <xsl:variable name="d" select="xs:date($iso || '-01')"/>
        <xsl:sequence select="f:label('date-month', (f:label('month-' || month-from-date($d)), f:year-text(f:iso-year($iso))))"/>
      </xsl:when>
      <xsl:when test="$iso castable as xs:gYear and exists(f:iso-year($iso))">
        <xsl:sequence select="f:year-text(f:iso-year($iso))"/>
      </xsl:when>
      <xsl:otherwise><xsl:sequence select="$iso"/></xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- A year as a reader writes it: 1937, 12 (not 0012), 44 BC (44 v. Chr.). -->
  <xsl:function name="f:year-text" as="xs:string">
    <xsl:param name="year" as="xs:integer"/>
    <xsl:sequence select="if ($year lt 0) then f:label('year-bc', format-integer(-$year, '1')) else format-integer($year, '1')"/>
  </xsl:function>

  <!-- A year of f:year ('1937', '-44') as a reader writes it. -->
  <xsl:function name="f:year-label" as="xs:string">
    <xsl:param name="year" as="xs:string"/>
    <xsl:sequence select="if ($year castable as xs:integer) then f:year-text(xs:integer($year)) else $year"/>
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
                          and not(deep-equal(f:iso-year($date/@notBefore), f:iso-year($date/@notAfter)))"/>
  </xsl:function>

  <!-- The earliest ISO value the element gives, as written (what a time element's datetime says); sort by f:chronological-key. -->
  <xsl:function name="f:date-sort-key" as="xs:string">
    <xsl:param name="date" as="element()"/>
    <xsl:sequence select="string(($date/@when, $date/@from, $date/@notBefore, $date/@to, $date/@notAfter)[1])"/>
  </xsl:function>

  <!--
    A string that sorts chronologically, as strings sort: the earliest ISO value the element
    gives, a year before the common era written so that it sorts before the common era and the
    earlier before the later ("-0044-03-15" as "-9956-03-15", before "-9999" for 1 BC and "0012").
    Values of the common era are unchanged.
  -->
  <xsl:function name="f:chronological-key" as="xs:string">
    <xsl:param name="date" as="element()"/>
    <xsl:variable name="iso" select="f:date-sort-key($date)"/>
    <xsl:variable name="year" select="f:iso-year($iso)"/>
    <xsl:sequence select="if (exists($year) and $year lt 0 and $year gt -10000)
                          then '-' || format-integer(10000 + $year, '0000') || replace($iso, '^-?\d+', '')
                          else $iso"/>
  </xsl:function>
</xsl:stylesheet>
