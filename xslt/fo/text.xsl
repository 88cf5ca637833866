<?xml version="1.0" encoding="UTF-8"?>
<!--
  The XSL-FO renderer of the text: what each behaviour of common/text.xsl becomes on the page.
  What an element means was decided there; here is only XSL-FO. How a particular element is set
  (a dateline to the right in italics, a paragraph indented after another) is mode m:fo-style,
  the print counterpart of the HTML edition's CSS: templates that add attributes. Notes become
  footnotes at the foot of the page where their mark stands.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="http://editio.org/ns/function"
    xmlns:m="http://editio.org/ns/mode"
    xmlns:b="http://editio.org/ns/behaviour"
    exclude-result-prefixes="#all">

  <!-- ============================================================ styles -->

  <xsl:mode name="m:fo-style" on-no-match="deep-skip"/>

  <xsl:template match="tei:p | tei:ab" mode="m:fo-style">
    <xsl:attribute name="text-align">justify</xsl:attribute>
    <xsl:attribute name="space-after">4pt</xsl:attribute>
    <xsl:attribute name="text-indent" select="if (preceding-sibling::*[1][self::tei:p]) then '1.2em' else '0pt'"/>
  </xsl:template>
  <xsl:template match="tei:opener" mode="m:fo-style">
    <xsl:attribute name="space-after">8pt</xsl:attribute>
    <xsl:attribute name="keep-with-next.within-page">always</xsl:attribute>
  </xsl:template>
  <xsl:template match="tei:dateline" mode="m:fo-style">
    <xsl:attribute name="text-align">end</xsl:attribute>
    <xsl:attribute name="font-style">italic</xsl:attribute>
  </xsl:template>
  <xsl:template match="tei:closer | tei:postscript" mode="m:fo-style">
    <xsl:attribute name="space-before">8pt</xsl:attribute>
    <xsl:attribute name="keep-with-previous.within-page">always</xsl:attribute>
  </xsl:template>
  <xsl:template match="tei:signed | tei:salute" mode="m:fo-style">
    <xsl:attribute name="text-align">end</xsl:attribute>
  </xsl:template>
  <xsl:template match="tei:lg" mode="m:fo-style">
    <xsl:attribute name="space-after">6pt</xsl:attribute>
    <xsl:attribute name="start-indent">2em</xsl:attribute>
  </xsl:template>
  <xsl:template match="tei:l" mode="m:fo-style">
    <xsl:attribute name="text-align">start</xsl:attribute>
  </xsl:template>

  <!-- How each rendition of common/text.xsl (f:renditions) is set. -->
  <xsl:template name="f:fo-renditions">
    <xsl:param name="renditions" as="xs:string*"/>
    <xsl:if test="$renditions = 'italic'"><xsl:attribute name="font-style">italic</xsl:attribute></xsl:if>
    <xsl:if test="$renditions = 'bold'"><xsl:attribute name="font-weight">bold</xsl:attribute></xsl:if>
    <xsl:if test="$renditions = ('superscript', 'subscript')">
      <xsl:attribute name="baseline-shift" select="if ($renditions = 'superscript') then 'super' else 'sub'"/>
      <xsl:attribute name="font-size">70%</xsl:attribute>
    </xsl:if>
    <xsl:if test="$renditions = 'smallcaps'"><xsl:attribute name="font-variant">small-caps</xsl:attribute></xsl:if>
    <xsl:if test="$renditions = ('underline', 'strikethrough')">
      <xsl:attribute name="text-decoration" select="string-join(($renditions[. = 'underline'], 'line-through'[$renditions = 'strikethrough']), ' ')"/>
    </xsl:if>
    <xsl:if test="$renditions = 'code'"><xsl:attribute name="font-family">DejaVu Sans Mono</xsl:attribute></xsl:if>
  </xsl:template>

  <!-- Ids in a volume are scoped per document: the document id is part of every FO id. -->
  <xsl:function name="f:fo-id" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="if (starts-with($e/@xml:id, f:doc-id($e))) then $e/@xml:id else f:doc-id($e) || '--' || $e/@xml:id"/>
  </xsl:function>

  <xsl:template name="f:fo-id">
    <xsl:if test="@xml:id"><xsl:attribute name="id" select="f:fo-id(.)"/></xsl:if>
  </xsl:template>

  <!-- ============================================================ behaviours -->

  <xsl:template name="b:block">
    <xsl:param name="content" as="node()*" select="node()"/>
    <fo:block><xsl:apply-templates select="." mode="m:fo-style"/><xsl:call-template name="f:fo-id"/><xsl:apply-templates select="$content" mode="m:text"/></fo:block>
  </xsl:template>

  <xsl:template name="b:section">
    <xsl:call-template name="b:block"/>
  </xsl:template>

  <xsl:template name="b:paragraph">
    <xsl:call-template name="b:block"/>
  </xsl:template>

  <xsl:template name="b:heading">
    <xsl:param name="level" as="xs:integer"/>
    <fo:block font-family="{$f:heading-font}" font-weight="bold" keep-with-next.within-page="always"
        font-size="{if ($level le 1) then '13pt' else '11pt'}" space-before="{if ($level le 1) then '0pt' else '8pt'}"
        space-after="8pt" text-align="start" hyphenate="false" line-height="1.25">
      <xsl:call-template name="f:fo-id"/>
      <xsl:apply-templates mode="m:text"/>
    </fo:block>
  </xsl:template>

  <xsl:template name="b:quote">
    <xsl:param name="block" as="xs:boolean"/>
    <xsl:param name="before" as="xs:string?" select="()"/>
    <xsl:param name="after" as="xs:string?" select="()"/>
    <xsl:choose>
      <xsl:when test="$block">
        <fo:block start-indent="2em" end-indent="1em" space-after="4pt"><xsl:call-template name="f:fo-id"/><xsl:apply-templates mode="m:text"/></fo:block>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="b:inline">
          <xsl:with-param name="before" select="$before"/>
          <xsl:with-param name="after" select="$after"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="b:inline">
    <xsl:param name="content" as="node()*" select="node()"/>
    <xsl:param name="renditions" as="xs:string*" select="()"/>
    <xsl:param name="before" as="xs:string?" select="()"/>
    <xsl:param name="after" as="xs:string?" select="()"/>
    <fo:inline>
      <xsl:call-template name="f:fo-renditions"><xsl:with-param name="renditions" select="$renditions"/></xsl:call-template>
      <xsl:call-template name="f:fo-id"/>
      <xsl:value-of select="$before"/>
      <xsl:apply-templates select="$content" mode="m:text"/>
      <xsl:value-of select="$after"/>
    </fo:inline>
  </xsl:template>

  <xsl:template name="b:generated">
    <xsl:param name="text" as="xs:string"/>
    <xsl:param name="title" as="xs:string?" select="()"/>
    <xsl:param name="for" as="element()?" select="()"/>
    <fo:inline><xsl:value-of select="$text"/></fo:inline>
  </xsl:template>

  <xsl:template name="b:deletion">
    <fo:inline text-decoration="line-through"><xsl:call-template name="f:fo-id"/><xsl:apply-templates mode="m:text"/></fo:inline>
  </xsl:template>

  <xsl:template name="b:break">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:param name="n" as="xs:string?" select="()"/>
    <xsl:choose>
      <xsl:when test="$kind = 'line'"><fo:block/></xsl:when>
      <xsl:otherwise>
        <!-- a source page break: a mark in the line, the page number in the margin -->
        <fo:inline font-size="7pt" color="#555">|</fo:inline>
        <xsl:if test="$n">
          <fo:float float="outside"><fo:block font-size="7pt" color="#555" text-align="start"><xsl:value-of select="$n"/></fo:block></fo:float>
        </xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="b:list">
    <xsl:param name="ordered" as="xs:boolean"/>
    <xsl:param name="entries" as="map(xs:string, item()*)*"/>
    <xsl:if test="exists($entries)">
      <fo:list-block provisional-distance-between-starts="2em" space-after="4pt">
        <xsl:call-template name="f:fo-id"/>
        <xsl:for-each select="$entries">
          <fo:list-item>
            <fo:list-item-label end-indent="label-end()">
              <fo:block>
                <xsl:choose>
                  <xsl:when test="exists(?label)"><xsl:apply-templates select="?label/node()" mode="m:text"/></xsl:when>
                  <xsl:otherwise><xsl:value-of select="?generated"/></xsl:otherwise>
                </xsl:choose>
              </fo:block>
            </fo:list-item-label>
            <fo:list-item-body start-indent="body-start()">
              <fo:block><xsl:apply-templates select="?content" mode="m:text"/></fo:block>
            </fo:list-item-body>
          </fo:list-item>
        </xsl:for-each>
      </fo:list-block>
    </xsl:if>
  </xsl:template>

  <!-- A table's heads stand above it as headings; label cells are set in bold. -->
  <xsl:template name="b:table">
    <xsl:param name="caption" as="element()*"/>
    <xsl:param name="columns" as="xs:integer"/>
    <xsl:apply-templates select="$caption" mode="m:text"/>
    <xsl:if test="tei:row">
      <fo:table table-layout="fixed" width="100%" space-after="6pt">
        <xsl:call-template name="f:fo-id"/>
        <xsl:for-each select="1 to $columns">
          <fo:table-column column-width="proportional-column-width(1)"/>
        </xsl:for-each>
        <fo:table-body>
          <xsl:apply-templates select="tei:row" mode="m:text"/>
        </fo:table-body>
      </fo:table>
    </xsl:if>
  </xsl:template>

  <xsl:template name="b:row">
    <xsl:param name="label" as="xs:boolean"/>
    <fo:table-row>
      <xsl:if test="$label"><xsl:attribute name="keep-with-next.within-page">always</xsl:attribute></xsl:if>
      <xsl:apply-templates select="tei:cell" mode="m:text"/>
    </fo:table-row>
  </xsl:template>

  <xsl:template name="b:cell">
    <xsl:param name="label" as="xs:boolean"/>
    <xsl:param name="rows" as="xs:integer"/>
    <xsl:param name="cols" as="xs:integer"/>
    <fo:table-cell padding="2pt" border="0.3pt solid #999">
      <xsl:if test="$cols gt 1"><xsl:attribute name="number-columns-spanned" select="$cols"/></xsl:if>
      <xsl:if test="$rows gt 1"><xsl:attribute name="number-rows-spanned" select="$rows"/></xsl:if>
      <xsl:if test="$label"><xsl:attribute name="font-weight">bold</xsl:attribute></xsl:if>
      <fo:block><xsl:call-template name="f:fo-id"/><xsl:apply-templates mode="m:text"/></fo:block>
    </fo:table-cell>
  </xsl:template>

  <!--
    In print the shown reading stands in the text and the source's reading follows in brackets,
    labelled, as edition.xml's principle says: "Blum [source: bloom]" (brackets alone would mean
    an insertion). Other alternates (orig, abbr) follow in brackets without the label.
  -->
  <xsl:template name="b:alternate">
    <xsl:param name="shown" as="element()?"/>
    <xsl:param name="alternates" as="element()*"/>
    <fo:inline>
      <xsl:apply-templates select="$shown" mode="m:text"/>
      <xsl:if test="exists($alternates)">
        <xsl:text> [</xsl:text>
        <xsl:for-each select="$alternates">
          <xsl:if test="position() gt 1">; </xsl:if>
          <xsl:if test="self::tei:sic"><xsl:value-of select="f:label('source-reading')"/>: </xsl:if>
          <xsl:apply-templates select="." mode="m:text"/>
        </xsl:for-each>
        <xsl:text>]</xsl:text>
      </xsl:if>
    </fo:inline>
  </xsl:template>

  <xsl:template name="b:reading">
    <xsl:param name="shown" as="xs:boolean"/>
    <fo:inline>
      <xsl:if test="not($shown)"><xsl:attribute name="font-style">italic</xsl:attribute></xsl:if>
      <xsl:call-template name="f:fo-id"/>
      <xsl:apply-templates mode="m:text"/>
    </fo:inline>
  </xsl:template>

  <!-- A link inside the document goes to its target; others to their (safe) address. -->
  <xsl:template name="b:link">
    <xsl:param name="href" as="xs:string?"/>
    <xsl:param name="target" as="element()?"/>
    <xsl:param name="content" as="node()*"/>
    <xsl:choose>
      <xsl:when test="$target[@xml:id]">
        <fo:basic-link internal-destination="{f:fo-id($target)}" color="#1a4f8a"><xsl:apply-templates select="$content" mode="m:text"/></fo:basic-link>
      </xsl:when>
      <xsl:when test="$href and not(starts-with($href, '#'))">
        <fo:basic-link external-destination="url('{replace($href, '''', '%27')}')" color="#1a4f8a">
          <xsl:apply-templates select="$content" mode="m:text"/>
        </fo:basic-link>
      </xsl:when>
      <xsl:otherwise><xsl:call-template name="b:inline"><xsl:with-param name="content" select="$content"/></xsl:call-template></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A name pointing into a register is a mention: its id lets the index find its page. -->
  <xsl:template name="b:name">
    <xsl:param name="entry" as="element()?"/>
    <xsl:param name="mention" as="xs:string?"/>
    <xsl:choose>
      <!-- proper names are not hyphenated (issue 16) -->
      <xsl:when test="exists($mention)"><fo:inline id="{$mention}" hyphenate="false"><xsl:apply-templates mode="m:text"/></fo:inline></xsl:when>
      <xsl:otherwise><xsl:call-template name="b:inline"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="b:figure">
    <xsl:param name="caption" as="element()*"/>
    <xsl:call-template name="b:block"/>
  </xsl:template>

  <!-- Images are not set in print yet (the text of a figure is: its heads and figDesc). -->
  <xsl:template name="b:graphic">
    <xsl:param name="src" as="xs:string?"/>
    <xsl:param name="alt" as="xs:string"/>
  </xsl:template>

  <!--
    A note's mark stays on the line of the word before it, never alone at the start of a line.
    FOP lays out no line break between a word and the footnote that follows it directly, but it
    breaks at whitespace before the mark (TEI written with the note on a line of its own, or an
    element ending in a space), and it ignores keep-with-previous.within-line. A WORD JOINER
    (U+2060) before the mark takes that break away (Unicode line breaking, UAX #14 rule LB11: no
    break before WJ, even after a space); FOP draws nothing for it and it is not in the PDF's
    text. Whitespace at the end of an element just before a note gets its joiner there
    (m:text on text(), below), in the same text as the space.
  -->
  <xsl:template name="b:note">
    <xsl:param name="number" as="xs:integer"/>
    <xsl:param name="id" as="xs:string"/>
    <xsl:param name="source-mark" as="xs:string?"/>
    <xsl:text>&#x2060;</xsl:text>
    <fo:footnote>
      <fo:inline baseline-shift="super" font-size="65%"><xsl:if test="@type = 'editorial' or @resp"><xsl:attribute name="font-style">italic</xsl:attribute></xsl:if><xsl:value-of select="$number"/></fo:inline>
      <fo:footnote-body>
        <fo:list-block provisional-distance-between-starts="1.6em" font-size="8.5pt" line-height="1.3"
            text-indent="0pt" text-align="justify" start-indent="0pt" font-style="normal" font-weight="normal">
          <fo:list-item space-before="2pt">
            <xsl:call-template name="f:fo-id"/>
            <fo:list-item-label end-indent="label-end()"><fo:block><xsl:value-of select="$number"/></fo:block></fo:list-item-label>
            <fo:list-item-body start-indent="body-start()">
              <fo:block>
                <xsl:if test="@type = 'editorial' or @resp"><xsl:attribute name="font-style">italic</xsl:attribute></xsl:if>
                <xsl:for-each select="f:note-kind-label(.)"><fo:inline font-family="{$f:heading-font}" font-size="7.5pt" font-style="normal" font-weight="bold"><xsl:value-of select="."/>. </fo:inline></xsl:for-each>
                <xsl:apply-templates mode="m:text"/>
                <xsl:for-each select="$source-mark"> (<xsl:value-of select="f:label('source-mark')"/>: <xsl:value-of select="."/>)</xsl:for-each>
              </fo:block>
            </fo:list-item-body>
          </fo:list-item>
        </fo:list-block>
      </fo:footnote-body>
    </fo:footnote>
  </xsl:template>

  <!--
    The metadata block: a line under the document's heading (place, date, sender → addressee,
    classification), the calendar mark and the summary; the archival citation and the source
    follow the text (f:fo-sources).
  -->
  <xsl:template name="b:metadata">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:param name="fields" as="map(xs:string, item()*)*"/>
    <xsl:variable name="value" select="function($key) { $fields[?key = $key]?value }"/>
    <xsl:variable name="parts" select="(
      $value('place'), $value('date'),
      string-join(($value('sender'), $value('addressee')), ' → ')[.],
      $value('classification'))"/>
    <xsl:if test="exists($parts)">
      <fo:block font-family="{$f:heading-font}" font-size="8.5pt" color="#444" space-after="8pt"
          keep-with-next.within-page="always" hyphenate="false">
        <xsl:value-of select="string-join($parts, ' · ')"/>
      </fo:block>
    </xsl:if>
    <xsl:for-each select="$fields[?key = 'calendar']">
      <fo:block font-family="{$f:heading-font}" font-size="8.5pt" space-after="6pt" padding="2pt 4pt"
          border-left="2pt solid #c08a00" background-color="#fbf3dc" keep-with-next.within-page="always">
        <xsl:value-of select="?value"/>
      </fo:block>
    </xsl:for-each>
    <xsl:for-each select="$fields[?key = 'summary'][empty(f:summary-anchor($tei))]">
      <fo:block space-after="6pt" font-style="italic" keep-with-next.within-page="always">
        <xsl:apply-templates select="?content" mode="m:text"/>
      </fo:block>
    </xsl:for-each>
  </xsl:template>

  <!-- Where the document comes from, after its text: the archival citation and the source. -->
  <xsl:template name="f:fo-sources">
    <xsl:param name="fields" as="map(xs:string, item()*)*"/>
    <xsl:for-each select="$fields[?key = 'archive']">
      <fo:block font-size="8pt" color="#444" space-before="10pt" keep-with-previous.within-page="always" hyphenate="false">
        <xsl:value-of select="?label"/>: <xsl:value-of select="?value"/>
      </fo:block>
    </xsl:for-each>
    <xsl:for-each select="$fields[?key = 'source']">
      <fo:block font-size="8pt" color="#444" space-before="4pt" keep-with-previous.within-page="always" hyphenate="false">
        <xsl:value-of select="?label"/>: <xsl:value-of select="?title"/>,
        <xsl:choose>
          <xsl:when test="?href">
            <fo:basic-link external-destination="url('{replace(?href, '''', '%27')}')" color="#1a4f8a"><xsl:value-of select="?href"/></fo:basic-link>
          </xsl:when>
          <xsl:otherwise><xsl:value-of select="?value"/></xsl:otherwise>
        </xsl:choose>
      </fo:block>
    </xsl:for-each>
  </xsl:template>

  <!-- One document: its number, a generated heading when the text has none, metadata, text, sources. -->
  <xsl:template name="f:fo-document">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:param name="number" as="xs:string?" select="()"/>
    <xsl:variable name="fields" select="f:metadata-fields($tei)"/>
    <xsl:variable name="anchor" select="f:metadata-anchor($tei)"/>
    <fo:block id="{f:doc-id($tei)}">
      <fo:marker marker-class-name="document"><xsl:value-of select="(if ($number) then $number || '. ' else '') || f:title($tei)"/></fo:marker>
      <xsl:if test="$number">
        <fo:block font-family="{$f:heading-font}" font-size="9pt" color="#555" space-after="3pt" keep-with-next.within-page="always">
          <xsl:value-of select="$number"/>
          <xsl:call-template name="m:fo-source-note"><xsl:with-param name="tei" select="$tei"/></xsl:call-template>
        </fo:block>
      </xsl:if>
      <xsl:if test="f:needs-title($tei)">
        <fo:block font-family="{$f:heading-font}" font-weight="bold" font-size="13pt" space-after="8pt" keep-with-next.within-page="always">
          <xsl:value-of select="f:title($tei)"/>
        </fo:block>
      </xsl:if>
      <xsl:if test="not($anchor)">
        <xsl:call-template name="b:metadata">
          <xsl:with-param name="tei" select="$tei"/>
          <xsl:with-param name="fields" select="$fields"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:if test="$f:machine-translation and not(f:is-calendar($tei))">
        <fo:block font-family="{$f:heading-font}" font-size="8pt" color="#8a3d14" space-after="6pt" keep-with-next.within-page="always">
          <xsl:value-of select="f:label('machine-translation')"/>
        </fo:block>
      </xsl:if>
      <xsl:apply-templates select="$tei/tei:text" mode="m:text">
        <xsl:with-param name="metadata-after" select="$anchor" tunnel="yes"/>
      </xsl:apply-templates>
      <xsl:call-template name="f:fo-sources"><xsl:with-param name="fields" select="$fields"/></xsl:call-template>
    </fo:block>
  </xsl:template>

  <!--
    The source note, the first note of the document (as FRUS prints it): a footnote on the
    document's number, marked with an asterisk so it stands apart from the numbered notes.
  -->
  <xsl:template name="m:fo-source-note">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:for-each select="f:source-note($tei)">
      <fo:footnote>
        <fo:inline baseline-shift="super" font-size="7pt">*</fo:inline>
        <fo:footnote-body>
          <fo:block font-family="{$f:body-font}" font-size="8pt" color="#000" text-align="start" hyphenate="false"
              space-before="4pt" start-indent="0" end-indent="0" font-weight="normal" font-style="normal">
            <fo:inline font-family="{$f:heading-font}" font-weight="bold"><xsl:value-of select="'* ' || f:label('source-note')"/>. </fo:inline>
            <xsl:apply-templates select="?bibl/node()" mode="m:text"/>
            <xsl:for-each select="?href">
              <xsl:text> </xsl:text><fo:basic-link external-destination="url('{replace(., '''', '%27')}')" color="#1a4f8a"><xsl:value-of select="."/></fo:basic-link>
            </xsl:for-each>
            <xsl:text> </xsl:text><xsl:value-of select="?archive"/>
          </fo:block>
        </fo:footnote-body>
      </fo:footnote>
    </xsl:for-each>
  </xsl:template>

  <!-- Text ending in whitespace inside an element that a note follows (<hi>word </hi><note>): the joiner goes after the space (see b:note). -->
  <xsl:template match="text()[matches(., '\s$')][following::node()[1][self::tei:note]][not(following-sibling::node()[1][self::tei:note])]" mode="m:text">
    <xsl:next-match/>
    <xsl:text>&#x2060;</xsl:text>
  </xsl:template>
</xsl:stylesheet>
