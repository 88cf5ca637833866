<?xml version="1.0" encoding="UTF-8"?>
<!-- Page geometry and type: page masters, fonts and sizes shared by the volume and the per-document PDFs. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:fox="http://xmlgraphics.apache.org/fop/extensions"
    xmlns:f="http://editio.org/ns/function"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!-- a4 | letter | 6x9in -->
  <xsl:param name="page-size" as="xs:string" select="'a4'"/>
  <!-- true: bleed (FOP's fox: extensions) and crop marks (f:crop-marks) for the printer -->
  <xsl:param name="print" as="xs:boolean" select="false()"/>

  <xsl:variable name="f:page-width" select="map{'a4': '210mm', 'letter': '8.5in', '6x9in': '6in'}($page-size)"/>
  <xsl:variable name="f:page-height" select="map{'a4': '297mm', 'letter': '11in', '6x9in': '9in'}($page-size)"/>


  <!-- The family names of the edition's own fonts (EDITION/fonts/), in the order of their files:
       listed after DejaVu, so that FOP prints with them the characters DejaVu lacks. An edition's
       fo.xsl may put them first to set the book in them:
       <xsl:variable name="f:body-font" select="string-join(($edition-fonts, 'DejaVu Serif', 'DejaVu Sans'), ', ')"/> -->
  <xsl:param name="edition-fonts" as="xs:string*" select="()"/>

  <xsl:variable name="f:body-font" select="string-join(('DejaVu Serif', 'DejaVu Sans', $edition-fonts), ', ')"/>
  <xsl:variable name="f:heading-font" select="string-join(('DejaVu Sans', 'DejaVu Serif', $edition-fonts), ', ')"/>
  <xsl:variable name="f:code-font" select="string-join(('DejaVu Sans Mono', $edition-fonts), ', ')"/>

  <xsl:attribute-set name="f:text">
    <xsl:attribute name="font-family" select="$f:body-font"/>
    <xsl:attribute name="font-size">10.5pt</xsl:attribute>
    <xsl:attribute name="line-height">1.4</xsl:attribute>
    <!-- a raised note mark or superscript does not widen its line: the lines keep one grid -->
    <xsl:attribute name="line-height-shift-adjustment">disregard-shifts</xsl:attribute>
    <xsl:attribute name="hyphenate">true</xsl:attribute>
    <!-- hyphenation patterns of the edition's language -->
    <xsl:attribute name="language" select="lower-case(substring-before($language || '-', '-'))"/>
    <xsl:attribute name="widows">2</xsl:attribute>
    <xsl:attribute name="orphans">2</xsl:attribute>
  </xsl:attribute-set>

  <!--
    Mirrored margins: inner margin narrower than the outer one. Heads on every page but chapter
    openings. Two sets of pages: "chapter" (one column) and "columns" (two columns, for the
    indexes, as printed indexes are set).
  -->
  <xsl:template name="f:layout-master-set">
    <fo:layout-master-set>
      <xsl:for-each select="('', 'columns-')">
        <xsl:variable name="set" select="."/>
        <xsl:for-each select="('odd', 'even', 'first')">
          <fo:simple-page-master master-name="{$set || .}" page-width="{$f:page-width}" page-height="{$f:page-height}"
              margin-top="15mm" margin-bottom="15mm"
              margin-left="{if (. = 'even') then '25mm' else '20mm'}"
              margin-right="{if (. = 'even') then '20mm' else '25mm'}">
            <xsl:if test="$print">
              <xsl:attribute name="fox:bleed">3mm</xsl:attribute>
              <xsl:attribute name="fox:crop-offset">10mm</xsl:attribute>
              <xsl:attribute name="fox:crop-box">media-box</xsl:attribute>
            </xsl:if>
            <fo:region-body margin-top="12mm" margin-bottom="12mm">
              <xsl:if test="$set = 'columns-'">
                <xsl:attribute name="column-count">2</xsl:attribute>
                <xsl:attribute name="column-gap">8mm</xsl:attribute>
              </xsl:if>
            </fo:region-body>
            <fo:region-before region-name="{if (. = 'first') then 'none-before' else 'head-' || .}" extent="8mm"/>
            <fo:region-after region-name="{if (. = 'first') then 'folio-first' else 'folio'}" extent="8mm"/>
            <xsl:if test="$print">
              <!-- an empty region whose static content draws the crop marks (f:crop-marks) -->
              <fo:region-start region-name="crop-marks" extent="0mm"/>
            </xsl:if>
          </fo:simple-page-master>
        </xsl:for-each>
        <fo:page-sequence-master master-name="{if ($set) then 'columns' else 'chapter'}">
          <fo:repeatable-page-master-alternatives>
            <fo:conditional-page-master-reference master-reference="{$set}first" page-position="first"/>
            <fo:conditional-page-master-reference master-reference="{$set}odd" odd-or-even="odd"/>
            <fo:conditional-page-master-reference master-reference="{$set}even" odd-or-even="even"/>
          </fo:repeatable-page-master-alternatives>
        </fo:page-sequence-master>
      </xsl:for-each>
    </fo:layout-master-set>
  </xsl:template>

  <!--
    The PDF's metadata (XMP), which FOP merges into what it writes and copies into the document
    information dictionary. Title and description are language alternatives, the creators a
    sequence, as PDF/A requires (FOP's own values from the user agent are plain text, which
    veraPDF rejects).
  -->
  <xsl:template name="f:declarations">
    <xsl:param name="title" as="xs:string"/>
    <xsl:param name="description" as="xs:string?" select="()"/>
    <xsl:param name="creators" as="xs:string*" select="()"/>
    <fo:declarations>
      <x:xmpmeta xmlns:x="adobe:ns:meta/">
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
          <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <dc:title><rdf:Alt><rdf:li xml:lang="x-default"><xsl:value-of select="$title"/></rdf:li></rdf:Alt></dc:title>
            <xsl:if test="$description">
              <dc:description><rdf:Alt><rdf:li xml:lang="x-default"><xsl:value-of select="$description"/></rdf:li></rdf:Alt></dc:description>
            </xsl:if>
            <xsl:if test="exists($creators)">
              <dc:creator><rdf:Seq><xsl:for-each select="$creators"><rdf:li><xsl:value-of select="."/></rdf:li></xsl:for-each></rdf:Seq></dc:creator>
            </xsl:if>
          </rdf:Description>
        </rdf:RDF>
      </x:xmpmeta>
    </fo:declarations>
  </xsl:template>

  <!--
    Crop marks for the printer (with $print): FOP's fox:bleed and fox:crop-offset only enlarge the
    page's boxes (MediaBox 10 mm beyond the trim on each side, BleedBox 3 mm) and draw nothing, so
    editio draws the eight trim marks itself: thin black lines on the lines of the trim edges,
    outside the bleed (from 4 mm to 10 mm beyond the trim), each a block-container positioned on
    the page (absolute-position="fixed": relative to the trim box, outside it with negative
    offsets), in the static content of an empty region every page master has. role="artifact":
    they are no part of the text (tagged PDF). Every page-sequence calls this template.
  -->
  <xsl:template name="f:crop-marks">
    <xsl:if test="$print">
      <fo:static-content flow-name="crop-marks" role="artifact">
        <!-- [left, top, width, height, border side] of each mark; the line is 0.25pt wide -->
        <xsl:variable name="w" select="$f:page-width"/>
        <xsl:variable name="h" select="$f:page-height"/>
        <xsl:for-each select="(
            ['-10mm', '-0.125pt', '6mm', '0mm', 'top'], ['-0.125pt', '-10mm', '0mm', '6mm', 'left'],
            ['(' || $w || ' + 4mm)', '-0.125pt', '6mm', '0mm', 'top'], ['(' || $w || ' - 0.125pt)', '-10mm', '0mm', '6mm', 'left'],
            ['-10mm', '(' || $h || ' - 0.125pt)', '6mm', '0mm', 'top'], ['-0.125pt', '(' || $h || ' + 4mm)', '0mm', '6mm', 'left'],
            ['(' || $w || ' + 4mm)', '(' || $h || ' - 0.125pt)', '6mm', '0mm', 'top'],
            ['(' || $w || ' - 0.125pt)', '(' || $h || ' + 4mm)', '0mm', '6mm', 'left'])">
          <fo:block-container absolute-position="fixed" left="{?1}" top="{?2}" width="{?3}" height="{?4}">
            <xsl:attribute name="border-{?5}">0.25pt solid black</xsl:attribute>
            <fo:block/>
          </fo:block-container>
        </xsl:for-each>
      </fo:static-content>
    </xsl:if>
  </xsl:template>

  <!--
    A running head is one line: FOP wraps and hyphenates a long one (a document's title in 6×9 in,
    FRUS's long titles in A4), and the head's rule then touches the text. A title longer than the
    line holds (its characters at 0.56 em of the head's 8.5 pt on average, the width of DejaVu
    Serif Italic's lower case, with room to spare) is cut at a word and ends with an ellipsis.
  -->
  <xsl:function name="f:fo-running-head" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:variable name="width" select="map{'a4': 467.7, 'letter': 484.4, '6x9in': 304.4}($page-size)"/>
    <xsl:variable name="room" select="xs:integer(floor($width div (8.5 * 0.56))) - 1"/>
    <xsl:variable name="text" select="normalize-space($text)"/>
    <xsl:sequence select="if (string-length($text) le $room) then $text
        else replace(replace(substring($text, 1, $room + 1), '\s+\S*$', ''), '[\s,;:.–-]+$', '') || '…'"/>
  </xsl:function>

  <!-- A document's title for its running heads: its short title (titleStmt/title type="short", as FRUS gives one), else its title. -->
  <xsl:function name="f:fo-short-title" as="xs:string">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="(($tei/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title[@type = 'short'])[normalize-space()][1] ! normalize-space(.),
        f:title($tei))[1]"/>
  </xsl:function>

  <!-- Running heads (edition on verso, document on recto) and the folio. -->
  <xsl:template name="f:static-content">
    <xsl:param name="verso" as="xs:string"/>
    <xsl:param name="recto" as="xs:string"/>
    <xsl:call-template name="f:crop-marks"/>
    <fo:static-content flow-name="head-even">
      <fo:block font-family="{$f:body-font}" font-size="8.5pt" font-style="italic" text-align="start"
          border-bottom="0.3pt solid #777" padding-bottom="1mm" hyphenate="false"><xsl:value-of select="f:fo-running-head($verso)"/></fo:block>
    </fo:static-content>
    <fo:static-content flow-name="head-odd">
      <fo:block font-family="{$f:body-font}" font-size="8.5pt" font-style="italic" text-align="end"
          border-bottom="0.3pt solid #777" padding-bottom="1mm" hyphenate="false">
        <xsl:choose>
          <xsl:when test="$recto = ('#document', '#division')">
            <fo:retrieve-marker retrieve-class-name="{substring($recto, 2)}" retrieve-position="first-including-carryover"
                retrieve-boundary="page-sequence"/>
          </xsl:when>
          <xsl:otherwise><xsl:value-of select="f:fo-running-head($recto)"/></xsl:otherwise>
        </xsl:choose>
      </fo:block>
    </fo:static-content>
    <fo:static-content flow-name="folio">
      <fo:block font-family="{$f:body-font}" font-size="9pt" text-align="center"><fo:page-number/></fo:block>
    </fo:static-content>
    <fo:static-content flow-name="folio-first">
      <fo:block font-family="{$f:body-font}" font-size="9pt" text-align="center"><fo:page-number/></fo:block>
    </fo:static-content>
    <fo:static-content flow-name="xsl-footnote-separator">
      <fo:block><fo:leader leader-pattern="rule" leader-length="30%" rule-thickness="0.4pt"/></fo:block>
    </fo:static-content>
  </xsl:template>
</xsl:stylesheet>
