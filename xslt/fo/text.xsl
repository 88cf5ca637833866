<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI text to XSL-FO, mode m:fo. As in the HTML module, every element keeps its text: the last
  template renders elements without a rule of their own as blocks or inlines. Notes become
  footnotes at the foot of the page where their mark stands.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="http://editio.org/ns/function"
    xmlns:m="http://editio.org/ns/mode"
    exclude-result-prefixes="#all">

  <xsl:variable name="f:fo-block-names" as="xs:string*" select="
    ('div', 'p', 'ab', 'head', 'opener', 'closer', 'dateline', 'salute', 'signed', 'postscript',
     'list', 'item', 'table', 'row', 'cell', 'lg', 'l', 'figure', 'sp', 'speaker', 'stage',
     'listBibl', 'byline', 'docTitle', 'titlePage', 'argument', 'epigraph', 'trailer',
     'floatingText', 'body', 'front', 'back', 'group', 'text', 'listPerson', 'listPlace', 'fw', 'address')"/>

  <xsl:function name="f:fo-is-block" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists(($e, $e//*[not(ancestor::tei:note)])[local-name() = $f:fo-block-names])
                          or ($e/self::tei:quote and $e/(tei:p | tei:lg | tei:l))"/>
  </xsl:function>

  <xsl:mode name="m:fo" on-no-match="text-only-copy"/>

  <xsl:template match="tei:*" mode="m:fo" priority="-1">
    <xsl:choose>
      <xsl:when test="f:fo-is-block(.)"><fo:block><xsl:call-template name="f:fo-id"/><xsl:apply-templates mode="m:fo"/></fo:block></xsl:when>
      <xsl:otherwise><fo:inline><xsl:call-template name="f:fo-id"/><xsl:apply-templates mode="m:fo"/></fo:inline></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Ids in a volume are scoped per document: the document id is part of every FO id. -->
  <xsl:template name="f:fo-id">
    <xsl:if test="@xml:id">
      <xsl:attribute name="id" select="if (starts-with(@xml:id, f:doc-id(.))) then @xml:id else f:doc-id(.) || '--' || @xml:id"/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:teiHeader" mode="m:fo"/>

  <xsl:template match="tei:head" mode="m:fo">
    <xsl:variable name="depth" select="count(ancestor::tei:div)"/>
    <fo:block font-family="{$f:heading-font}" font-weight="bold" keep-with-next.within-page="always"
        font-size="{if ($depth le 1) then '13pt' else '11pt'}" space-before="{if ($depth le 1) then '0pt' else '8pt'}"
        space-after="8pt" text-align="start" hyphenate="false" line-height="1.25">
      <xsl:call-template name="f:fo-id"/>
      <xsl:apply-templates mode="m:fo"/>
    </fo:block>
  </xsl:template>

  <xsl:template match="tei:p | tei:ab" mode="m:fo">
    <fo:block text-align="justify" space-after="4pt"
        text-indent="{if (preceding-sibling::*[1][self::tei:p]) then '1.2em' else '0pt'}">
      <xsl:call-template name="f:fo-id"/>
      <xsl:apply-templates mode="m:fo"/>
    </fo:block>
  </xsl:template>

  <xsl:template match="tei:opener" mode="m:fo">
    <fo:block space-after="8pt" keep-with-next.within-page="always"><xsl:call-template name="f:fo-id"/><xsl:apply-templates mode="m:fo"/></fo:block>
  </xsl:template>
  <xsl:template match="tei:dateline" mode="m:fo">
    <fo:block text-align="end" font-style="italic"><xsl:call-template name="f:fo-id"/><xsl:apply-templates mode="m:fo"/></fo:block>
  </xsl:template>
  <xsl:template match="tei:closer | tei:postscript" mode="m:fo">
    <fo:block space-before="8pt" keep-with-previous.within-page="always"><xsl:call-template name="f:fo-id"/><xsl:apply-templates mode="m:fo"/></fo:block>
  </xsl:template>
  <xsl:template match="tei:signed | tei:salute" mode="m:fo">
    <fo:block text-align="end"><xsl:call-template name="f:fo-id"/><xsl:apply-templates mode="m:fo"/></fo:block>
  </xsl:template>

  <xsl:template match="tei:list" mode="m:fo">
    <xsl:apply-templates select="tei:head" mode="m:fo"/>
    <fo:list-block provisional-distance-between-starts="2em" space-after="4pt">
      <xsl:for-each select="tei:item">
        <fo:list-item>
          <fo:list-item-label end-indent="label-end()">
            <fo:block><xsl:value-of select="if (preceding-sibling::*[1][self::tei:label]) then normalize-space(preceding-sibling::*[1])
              else if (../@type = ('ordered', 'numbered') or ../@rend = ('numbered', 'ordered')) then position() || '.' else '•'"/></fo:block>
          </fo:list-item-label>
          <fo:list-item-body start-indent="body-start()">
            <fo:block><xsl:apply-templates mode="m:fo"/></fo:block>
          </fo:list-item-body>
        </fo:list-item>
      </xsl:for-each>
    </fo:list-block>
    <!-- text or labels between items are kept too -->
    <xsl:if test="node()[not(self::tei:item or self::tei:head or self::tei:label)][self::* or normalize-space()]">
      <fo:block><xsl:apply-templates select="node()[not(self::tei:item or self::tei:head or self::tei:label)]" mode="m:fo"/></fo:block>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:table" mode="m:fo">
    <xsl:apply-templates select="tei:head" mode="m:fo"/>
    <fo:table table-layout="fixed" width="100%" space-after="6pt">
      <fo:table-body>
        <xsl:for-each select="tei:row">
          <fo:table-row>
            <xsl:for-each select="tei:cell">
              <fo:table-cell padding="2pt" border="0.3pt solid #999">
                <xsl:if test="@cols"><xsl:attribute name="number-columns-spanned" select="@cols"/></xsl:if>
                <fo:block><xsl:apply-templates mode="m:fo"/></fo:block>
              </fo:table-cell>
            </xsl:for-each>
          </fo:table-row>
        </xsl:for-each>
      </fo:table-body>
    </fo:table>
  </xsl:template>

  <xsl:template match="tei:lg" mode="m:fo">
    <fo:block space-after="6pt" start-indent="2em"><xsl:apply-templates mode="m:fo"/></fo:block>
  </xsl:template>
  <xsl:template match="tei:l" mode="m:fo">
    <fo:block text-align="start"><xsl:apply-templates mode="m:fo"/></fo:block>
  </xsl:template>
  <xsl:template match="tei:quote[f:fo-is-block(.)]" mode="m:fo">
    <fo:block start-indent="2em" end-indent="1em" space-after="4pt"><xsl:apply-templates mode="m:fo"/></fo:block>
  </xsl:template>

  <xsl:template match="tei:hi" mode="m:fo">
    <fo:inline>
      <xsl:if test="matches(@rend, 'italic')"><xsl:attribute name="font-style">italic</xsl:attribute></xsl:if>
      <xsl:if test="matches(@rend, 'bold')"><xsl:attribute name="font-weight">bold</xsl:attribute></xsl:if>
      <xsl:if test="matches(@rend, 'sup')"><xsl:attribute name="baseline-shift">super</xsl:attribute><xsl:attribute name="font-size">70%</xsl:attribute></xsl:if>
      <xsl:if test="matches(@rend, 'sub')"><xsl:attribute name="baseline-shift">sub</xsl:attribute><xsl:attribute name="font-size">70%</xsl:attribute></xsl:if>
      <xsl:if test="matches(@rend, 'small-?caps')"><xsl:attribute name="font-variant">small-caps</xsl:attribute></xsl:if>
      <xsl:if test="matches(@rend, 'underline')"><xsl:attribute name="text-decoration">underline</xsl:attribute></xsl:if>
      <xsl:apply-templates mode="m:fo"/>
    </fo:inline>
  </xsl:template>
  <xsl:template match="tei:emph | tei:foreign | tei:title[ancestor::tei:text] | tei:term" mode="m:fo">
    <fo:inline font-style="italic"><xsl:apply-templates mode="m:fo"/></fo:inline>
  </xsl:template>

  <xsl:template match="tei:lb" mode="m:fo"><fo:block/></xsl:template>

  <!-- A source page break: a marginal reference, never an inline line of text. -->
  <xsl:template match="tei:pb" mode="m:fo">
    <fo:inline font-size="7pt" color="#555">|</fo:inline>
    <xsl:if test="@n">
      <fo:float float="outside"><fo:block font-size="7pt" color="#555" text-align="start"><xsl:value-of select="@n"/></fo:block></fo:float>
    </xsl:if>
  </xsl:template>

  <!-- A name pointing into a register is a mention: its id lets the index find its page. -->
  <xsl:template match="tei:persName[@ref] | tei:placeName[@ref] | tei:orgName[@ref]" mode="m:fo">
    <fo:inline id="{f:mention-id(.)}"><xsl:apply-templates mode="m:fo"/></fo:inline>
  </xsl:template>

  <xsl:template match="tei:ref[@target]" mode="m:fo">
    <xsl:variable name="t" select="tokenize(@target)[1]"/>
    <fo:basic-link external-destination="url('{replace($t, '''', '%27')}')" color="#1a4f8a">
      <xsl:apply-templates mode="m:fo"/>
    </fo:basic-link>
  </xsl:template>

  <!-- In print the corrected reading stands in the text and the original in brackets after it. -->
  <xsl:template match="tei:choice[tei:sic and tei:corr]" mode="m:fo">
    <fo:inline><xsl:apply-templates select="tei:corr" mode="m:fo"/> [<fo:inline font-style="italic"><xsl:apply-templates select="tei:sic" mode="m:fo"/></fo:inline>]</fo:inline>
  </xsl:template>
  <xsl:template match="tei:choice[tei:orig and tei:reg]" mode="m:fo">
    <fo:inline><xsl:apply-templates select="tei:reg" mode="m:fo"/> [<fo:inline font-style="italic"><xsl:apply-templates select="tei:orig" mode="m:fo"/></fo:inline>]</fo:inline>
  </xsl:template>
  <xsl:template match="tei:choice[tei:abbr and tei:expan]" mode="m:fo">
    <fo:inline><xsl:apply-templates select="tei:abbr" mode="m:fo"/> [<xsl:apply-templates select="tei:expan" mode="m:fo"/>]</fo:inline>
  </xsl:template>

  <xsl:template match="tei:gap" mode="m:fo"><fo:inline><xsl:value-of select="f:label('gap')"/></fo:inline></xsl:template>
  <xsl:template match="tei:supplied" mode="m:fo"><fo:inline>[<xsl:apply-templates mode="m:fo"/>]</fo:inline></xsl:template>

  <xsl:template match="tei:note" mode="m:fo">
    <xsl:variable name="n" select="f:note-number(.)"/>
    <fo:footnote>
      <fo:inline baseline-shift="super" font-size="65%"><xsl:value-of select="$n"/></fo:inline>
      <fo:footnote-body>
        <fo:list-block provisional-distance-between-starts="1.6em" font-size="8.5pt" line-height="1.3"
            text-indent="0pt" text-align="justify" start-indent="0pt" font-style="normal" font-weight="normal">
          <fo:list-item space-before="2pt">
            <xsl:call-template name="f:fo-id"/>
            <fo:list-item-label end-indent="label-end()"><fo:block><xsl:value-of select="$n"/></fo:block></fo:list-item-label>
            <fo:list-item-body start-indent="body-start()">
              <fo:block><xsl:apply-templates mode="m:fo"/></fo:block>
            </fo:list-item-body>
          </fo:list-item>
        </fo:list-block>
      </fo:footnote-body>
    </fo:footnote>
  </xsl:template>

  <!-- The title block of a document: its metadata line under the text's own head. -->
  <xsl:template name="f:fo-metadata">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:variable name="date" select="f:document-date($tei)"/>
    <xsl:variable name="parts" select="(
      f:place($tei), $date ! f:format-date(.),
      string-join((f:party($tei, 'sender'), f:party($tei, 'addressee')), ' → ')[.],
      string-join(f:categories($tei, 'classifications') ! f:category-label(.), ', ')[.])"/>
    <xsl:if test="exists($parts)">
      <fo:block font-family="{$f:heading-font}" font-size="8.5pt" color="#444" space-after="8pt"
          keep-with-next.within-page="always" hyphenate="false">
        <xsl:value-of select="string-join($parts, ' · ')"/>
      </fo:block>
    </xsl:if>
    <xsl:if test="f:is-calendar($tei)">
      <fo:block font-family="{$f:heading-font}" font-size="8.5pt" space-after="6pt" padding="2pt 4pt"
          border-left="2pt solid #c08a00" background-color="#fbf3dc" keep-with-next.within-page="always">
        <xsl:value-of select="f:label('calendar')"/>
      </fo:block>
    </xsl:if>
    <xsl:for-each select="$tei/tei:teiHeader/tei:profileDesc/tei:abstract">
      <fo:block space-after="6pt" font-style="italic" keep-with-next.within-page="always">
        <xsl:apply-templates mode="m:fo"/>
      </fo:block>
    </xsl:for-each>
  </xsl:template>

  <!-- One document: a generated heading when the text has none, metadata, text, source. -->
  <xsl:template name="f:fo-document">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:param name="number" as="xs:string?" select="()"/>
    <fo:block id="{f:doc-id($tei)}">
      <fo:marker marker-class-name="document"><xsl:value-of select="(if ($number) then $number || '. ' else '') || f:title($tei)"/></fo:marker>
      <xsl:if test="$number">
        <fo:block font-family="{$f:heading-font}" font-size="9pt" color="#555" space-after="3pt" keep-with-next.within-page="always">
          <xsl:value-of select="$number"/>
        </fo:block>
      </xsl:if>
      <xsl:if test="not($tei/tei:text//tei:head)">
        <fo:block font-family="{$f:heading-font}" font-weight="bold" font-size="13pt" space-after="8pt" keep-with-next.within-page="always">
          <xsl:value-of select="f:title($tei)"/>
        </fo:block>
      </xsl:if>
      <xsl:apply-templates select="$tei/tei:text/tei:front" mode="m:fo"/>
      <xsl:variable name="body-head" select="($tei/tei:text/tei:body//tei:head)[1]"/>
      <xsl:apply-templates select="$tei/tei:text/(tei:body | tei:group | tei:back)" mode="m:fo">
        <xsl:with-param name="metadata-after" select="$body-head" tunnel="yes"/>
      </xsl:apply-templates>
      <xsl:if test="not($body-head)">
        <xsl:call-template name="f:fo-metadata"><xsl:with-param name="tei" select="$tei"/></xsl:call-template>
      </xsl:if>
      <xsl:for-each select="f:citation($tei)">
        <fo:block font-size="8pt" color="#444" space-before="10pt" keep-with-previous.within-page="always" hyphenate="false">
          <xsl:value-of select="f:label('archive')"/>: <xsl:value-of select="."/>
        </fo:block>
      </xsl:for-each>
      <xsl:for-each select="$tei/tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:bibl[tei:ref/@target][1]">
        <fo:block font-size="8pt" color="#444" space-before="4pt" keep-with-previous.within-page="always" hyphenate="false">
          <xsl:value-of select="f:label('source')"/>: <xsl:value-of select="normalize-space(tei:title[1])"/>,
          <fo:basic-link external-destination="url('{replace(tei:ref[1]/@target, '''', '%27')}')" color="#1a4f8a"><xsl:value-of select="tei:ref[1]/@target"/></fo:basic-link>
        </fo:block>
      </xsl:for-each>
    </fo:block>
  </xsl:template>

  <!-- The first head of the body is followed by the metadata line. -->
  <xsl:template match="tei:head" mode="m:fo" priority="1">
    <xsl:param name="metadata-after" as="element()?" tunnel="yes" select="()"/>
    <xsl:next-match/>
    <xsl:if test=". is $metadata-after">
      <xsl:call-template name="f:fo-metadata"><xsl:with-param name="tei" select="ancestor::tei:TEI[last()]"/></xsl:call-template>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
