<?xml version="1.0" encoding="UTF-8"?>
<!--
  What each TEI element of a text means, decided once for every output (mode m:text).

  Every template here answers "what is this element?" by calling a behaviour: a named template
  in the b: namespace (b:block, b:inline, b:heading, b:paragraph, b:list, b:table, b:note,
  b:alternate, b:link, b:name, b:break, b:generated, b:line, b:apparatus ...), with the element as
  the context item and the decisions as parameters (the heading's level, the list's entries and
  labels, the reading that shows, the note's number). Each renderer (html/text.xsl, fo/text.xsl,
  epub/text.xsl) defines every behaviour once, saying only what markup it becomes: the idea of TEI
  Publisher's processing model (elements mapped to behaviours, behaviours implemented per output)
  in plain XSLT.

  How an element is set (italic, bold, small capitals, centred ...) comes from its @rend, @rendition
  and @style, read once into words by f:renditions; renderers know the words, never the attributes
  (so nothing of an attribute's CSS reaches an output unread: it is made safe by being read).

  Adding an element is one template here (which behaviour, with which parameters) and, when no
  existing behaviour fits, one new behaviour in each renderer. An element without a template of
  its own is a block or an inline by f:is-block and keeps its text; so does an element of another
  namespace.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="http://editio.org/ns/function"
    xmlns:m="http://editio.org/ns/mode"
    xmlns:b="http://editio.org/ns/behaviour"
    exclude-result-prefixes="#all">

  <xsl:mode name="m:text" on-no-match="text-only-copy"/>

  <!-- ============================================================ blocks and inlines -->

  <!-- Which elements are blocks (f:is-block) is common/functions.xsl's: the search index cuts the text where the pages do. -->

  <xsl:template match="tei:*" mode="m:text" priority="-1">
    <xsl:choose>
      <xsl:when test="f:is-block(.)"><xsl:call-template name="b:block"/></xsl:when>
      <xsl:otherwise><xsl:call-template name="b:inline"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The indentation between the children of a choice, subst or app is no text (f:is-indentation). -->
  <xsl:template match="text()[f:is-indentation(.)]" mode="m:text"/>

  <!-- Elements of other namespaces (custom vocabularies inside TEI) keep their text. -->
  <xsl:template match="*" mode="m:text" priority="-2">
    <xsl:call-template name="b:inline"/>
  </xsl:template>

  <!--
    Elements whose content is elements only (a name's forename and surname, a bibliography's
    parts, a dictionary entry's form and grammar) often come without spaces between them in the
    source: between two of their inline children that nothing separates, a space is printed.
  -->
  <xsl:template match="*[f:spaced-after(.)]" mode="m:text" priority="5">
    <xsl:next-match/>
    <xsl:call-template name="b:generated"><xsl:with-param name="text" select="' '"/></xsl:call-template>
  </xsl:template>

  <xsl:function name="f:spaced-after" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e/parent::*[local-name() = $f:field-parents][not(text()[normalize-space()])])
                          and exists($e/following-sibling::node()[1][self::*][not(self::tei:note)]
                                     (: a role's description brings its own comma (below): HAMLET, Prinz, not HAMLET , Prinz :)
                                     [not(self::tei:roleDesc[preceding-sibling::*])])
                          and not(f:is-block($e))"/>
  </xsl:function>

  <xsl:variable name="f:field-parents" as="xs:string*" select="
    ('persName', 'placeName', 'orgName', 'name', 'person', 'place', 'org', 'biblStruct', 'analytic', 'monogr',
     'series', 'imprint', 'respStmt', 'bibl', 'entry', 'entryFree', 'superEntry', 'form', 'gramGrp', 'sense',
     're', 'cit', 'etym', 'msItem', 'castItem', 'roleDesc', 'docImprint',
     'byline', 'origin', 'provenance', 'acquisition', 'objectDesc', 'supportDesc', 'birth', 'death',
     'address', 'affiliation', 'event', 'date', 'dimensions', 'locusGrp')"/>

  <!-- ============================================================ the text and its divisions -->

  <!-- The header is metadata (the document's metadata block), not text; the text element is only a container. -->
  <xsl:template match="tei:teiHeader | tei:standOff | tei:facsimile | tei:sourceDoc" mode="m:text"/>
  <xsl:template match="tei:text" mode="m:text">
    <xsl:apply-templates mode="m:text"/>
  </xsl:template>

  <!-- A text of a group (an issue of a journal, an article in it) is a section of its own: pointers name it. -->
  <xsl:template match="tei:group/tei:text" mode="m:text">
    <xsl:call-template name="b:section"/>
  </xsl:template>

  <!-- A document's own text: its contents (f:contents) stand before it, unless it has a title page for them to follow. -->
  <xsl:template match="tei:text[parent::*[. is f:document(.)]]" mode="m:text" priority="1">
    <xsl:if test="empty(f:contents-anchor(..))">
      <xsl:call-template name="f:contents-here"><xsl:with-param name="tei" select=".."/></xsl:call-template>
    </xsl:if>
    <xsl:next-match/>
  </xsl:template>

  <xsl:template match="tei:titlePage" mode="m:text" priority="1">
    <xsl:next-match/>
    <xsl:if test=". is f:contents-anchor(f:document(.))">
      <xsl:call-template name="f:contents-here"><xsl:with-param name="tei" select="f:document(.)"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template name="f:contents-here">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="divisions" select="f:contents($tei)"/>
    <xsl:if test="exists($divisions)">
      <xsl:call-template name="b:contents"><xsl:with-param name="divisions" select="$divisions"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- A member of a teiCorpus: a part of the corpus's document, under its own title and dated line. -->
  <xsl:template match="tei:TEI[parent::tei:teiCorpus] | tei:teiCorpus[parent::tei:teiCorpus]" mode="m:text">
    <xsl:call-template name="b:section">
      <xsl:with-param name="title" select="f:title(.)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:div | tei:div1 | tei:div2 | tei:div3 | tei:div4 | tei:div5 | tei:div6 | tei:div7" mode="m:text">
    <xsl:call-template name="b:section"/>
  </xsl:template>

  <!-- The level of a division: how many divisions (and corpus members) it stands in, plus one. -->
  <xsl:function name="f:division-level" as="xs:integer">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="count($e/ancestor-or-self::*[self::tei:div or self::tei:div1 or self::tei:div2 or self::tei:div3
                          or self::tei:div4 or self::tei:div5 or self::tei:div6 or self::tei:div7 or self::tei:TEI[parent::tei:teiCorpus]])"/>
  </xsl:function>

  <!--
    The level of the heading editio prints for a section (b:section's $title): a division's level;
    parts of a manuscript description (printed after the document's title) one more for each
    section they stand in.
  -->
  <xsl:function name="f:section-level" as="xs:integer">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="if ($e/ancestor-or-self::tei:teiHeader)
                          then 1 + count($e/ancestor-or-self::*[self::tei:msDesc or self::tei:msPart or self::tei:msFrag
                               or self::tei:msContents or self::tei:physDesc or self::tei:history or self::tei:additional])
                          else max((1, f:division-level($e)))"/>
  </xsl:function>

  <!-- The head of the outermost division is level 1; heads of nested divisions, verse groups, lists, tables and figures step down. -->
  <xsl:function name="f:heading-level" as="xs:integer">
    <xsl:param name="head" as="element()"/>
    <xsl:sequence select="max((1, min((f:division-level($head) + count($head/(ancestor::tei:lg | ancestor::tei:list
                          | ancestor::tei:table | ancestor::tei:figure | ancestor::tei:castList | ancestor::tei:listBibl
                          | ancestor::tei:sp | ancestor::tei:floatingText)), 6))))"/>
  </xsl:function>

  <!--
    The rank of a heading inside a web page or an e-book chapter (h2 to h6) from its level (plus
    the levels the page's title takes): h1 is the page's title, and only it.
  -->
  <xsl:function name="f:heading-rank" as="xs:integer">
    <xsl:param name="level" as="xs:integer"/>
    <xsl:sequence select="max((2, min((6, $level))))"/>
  </xsl:function>

  <!-- A heading meant for the running heads of print: a line under the heading (print uses it above its pages too). -->
  <xsl:template match="tei:head[f:is-running-head(.)]" mode="m:text" priority="2">
    <xsl:call-template name="b:paragraph"/>
  </xsl:template>

  <xsl:function name="f:is-running-head" as="xs:boolean">
    <xsl:param name="head" as="element()"/>
    <xsl:sequence select="tokenize($head/@type) = ('running', 'running-head', 'runningHead', 'short', 'shortened-for-running-head', 'abbreviated')
                          and exists($head/preceding-sibling::tei:head | $head/following-sibling::tei:head)"/>
  </xsl:function>

  <xsl:template match="tei:head" mode="m:text">
    <xsl:call-template name="b:heading">
      <xsl:with-param name="level" select="f:heading-level(.)"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A document's metadata block follows the first head of its body (see common/document.xsl). -->
  <xsl:template match="tei:head" mode="m:text" priority="1">
    <xsl:param name="metadata-after" as="element()?" tunnel="yes" select="()"/>
    <xsl:next-match/>
    <xsl:if test=". is $metadata-after">
      <xsl:call-template name="b:metadata">
        <xsl:with-param name="tei" select="f:document(.)"/>
        <xsl:with-param name="fields" select="f:metadata-fields(f:document(.))"/>
      </xsl:call-template>
      <xsl:if test=". is f:contents-anchor(f:document(.))">
        <xsl:call-template name="f:contents-here"><xsl:with-param name="tei" select="f:document(.)"/></xsl:call-template>
      </xsl:if>
    </xsl:if>
  </xsl:template>

  <!-- The TEI (or teiCorpus) element a node belongs to: the document the outputs publish. -->
  <xsl:function name="f:document" as="element()">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="($node/ancestor-or-self::*[self::tei:TEI or self::tei:teiCorpus])[1]"/>
  </xsl:function>

  <xsl:template match="tei:p | tei:ab | tei:dateline | tei:salute | tei:signed | tei:byline | tei:trailer
                       | tei:docAuthor | tei:docDate | tei:docEdition | tei:docImprint | tei:addrLine | tei:argument/tei:p" mode="m:text">
    <xsl:call-template name="b:paragraph"/>
  </xsl:template>

  <!--
    A quotation in the line stands in the quotation marks of the edition's language; a quotation
    inside one in the inner marks ('quote-open-inner': English ‘ ’, German ‚ ‘), the next one
    inside that in the outer marks again.
  -->
  <xsl:template match="tei:quote | tei:q | tei:said | tei:soCalled" mode="m:text">
    <xsl:variable name="marked" select="f:is-marked-quotation(.)"/>
    <xsl:variable name="inner" select="count(ancestor::*[self::tei:quote or self::tei:q or self::tei:said or self::tei:soCalled]
                                             [f:is-marked-quotation(.)]) mod 2 = 1"/>
    <!-- the marks the TEI gives (TEI Simple's rend="pre(«) post(»)"), none when the source's own stand in the text -->
    <xsl:variable name="pre" select="f:rend-marks(., 'pre')"/>
    <xsl:variable name="post" select="f:rend-marks(., 'post')"/>
    <xsl:variable name="editio-marks" select="$marked and empty(($pre, $post)) and not(f:has-source-quotation-marks(.))"/>
    <xsl:call-template name="b:quote">
      <xsl:with-param name="block" select="f:is-block(.)"/>
      <xsl:with-param name="before" select="if (exists($pre)) then $pre else if ($editio-marks) then f:label(if ($inner) then 'quote-open-inner' else 'quote-open') else ()"/>
      <xsl:with-param name="after" select="if (exists($post)) then $post else if ($editio-marks) then f:label(if ($inner) then 'quote-close-inner' else 'quote-close') else ()"/>
    </xsl:call-template>
  </xsl:template>

  <!-- The text @rend puts before (pre) or after (post) an element, TEI Simple's way: rend="pre(«) post(»)". -->
  <xsl:function name="f:rend-marks" as="xs:string?">
    <xsl:param name="e" as="element()"/>
    <xsl:param name="which" as="xs:string"/>
    <xsl:sequence select="$e/@rend[contains(., $which || '(')] ! replace(., '^.*' || $which || '\(([^)]*)\).*$', '$1', 's')[. ne $e/@rend]"/>
  </xsl:function>

  <!--
    Whether a quotation's text already stands in quotation marks, the source's, kept by the
    transcriber (<q>“already marked”</q>): editio adds none, which doubled them ("““already marked””").
  -->
  <xsl:function name="f:has-source-quotation-marks" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="text" select="f:reading-text($e)"/>
    <xsl:sequence select="matches($text, '^[&quot;“”„«»‘’‚‹›「『].*[&quot;“”«»‘’‹›」』]$', 's') and string-length($text) gt 1"/>
  </xsl:function>

  <!-- Whether a quotation is printed in quotation marks: in the line, and not indirect speech. -->
  <xsl:function name="f:is-marked-quotation" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="not(f:is-block($e)) and not($e/self::tei:said and $e/@direct = 'false')"/>
  </xsl:function>

  <!-- ============================================================ how elements are set -->

  <!--
    How an element is set, read from its @rend, @rendition and @style: words the renderers know
    (italic, bold, superscript, subscript, smallcaps, underline, strikethrough, code, spaced,
    center, right, large, small). @rendition points to the document's tagsDecl/rendition (its CSS
    is read, a word of it at a time) or is a TEI Simple word ('simple:italic'); @style is CSS. What
    editio does not know is left out: nothing of an attribute is copied into an output.
  -->
  <xsl:function name="f:renditions" as="xs:string*">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="if (empty($e/(@rend, @rendition, @style))) then () else distinct-values((
      tokenize($e/@rend) ! f:rend-word(.),
      tokenize($e/@rendition) ! (if (starts-with(., '#'))
        then id(substring(., 2), root($e))[self::tei:rendition] ! (if (@scheme = ('css', '') or empty(@scheme)) then f:css-renditions(string(.)) else tokenize(.) ! f:rend-word(.))
        else f:rend-word(replace(., '^[^:]*:', ''))),
      $e/@style ! f:css-renditions(string(.))))"/>
  </xsl:function>

  <!-- One word of @rend (as editors write them: 'italic', 'it', 'sc', 'sup', 'spaced' ...) as a rendition. -->
  <xsl:function name="f:rend-word" as="xs:string?">
    <xsl:param name="word" as="xs:string"/>
    <xsl:variable name="w" select="lower-case(replace($word, '[()]', ''))"/>
    <xsl:sequence select="
      if (matches($w, '^(italics?|it|i|ital|em|emph|cursive|kursiv)$')) then 'italic'
      else if (matches($w, '^(bold|b|bf|strong|fett|heavy)$')) then 'bold'
      else if (matches($w, '^(sup|super|superscript|exp|above|superlinear)$')) then 'superscript'
      else if (matches($w, '^(sub|subscript|below|sublinear)$')) then 'subscript'
      else if (matches($w, '^(smallcaps|small-caps|smcap|sc|kapitaelchen)$')) then 'smallcaps'
      else if (matches($w, '^(underline|underlined|u|ul|uline)$')) then 'underline'
      else if (matches($w, '^(strike|strikethrough|strikeout|line-?through|overstrike|struck)$')) then 'strikethrough'
      else if (matches($w, '^(spaced|letterspace|letter-?spac(ed|ing)|gesperrt|g|spaced-?out|expanded)$')) then 'spaced'
      else if (matches($w, '^(center|centre|centered|centred|align-?center|c)$')) then 'center'
      else if (matches($w, '^(right|align-?right|flush-?right|ralign)$')) then 'right'
      else if (matches($w, '^(large|larger|big|x-large|xx-large|huge|in|initial|dropcap)$')) then 'large'
      else if (matches($w, '^(small|smaller|x-small|tiny)$')) then 'small'
      else if (matches($w, '^(code|monospace|mono|tt|typewriter|courier)$')) then 'code'
      else if (matches($w, '^(block|blockquote|display|indent|indented)$')) then 'indent'
      (: a project's own word that names one of them ('sectiontitlebold', 'italicTitle') :)
      else if (contains($w, 'bold')) then 'bold'
      else if (contains($w, 'italic')) then 'italic'
      else if (contains($w, 'smallcap') or contains($w, 'small-cap')) then 'smallcaps'
      else if (contains($w, 'underline')) then 'underline'
      else if (contains($w, 'strikethrough') or contains($w, 'line-through')) then 'strikethrough'
      else if (contains($w, 'superscript')) then 'superscript'
      else if (contains($w, 'subscript')) then 'subscript'
      else ()"/>
  </xsl:function>

  <!-- CSS read one declaration at a time, into the words above; any other property is left out. -->
  <xsl:function name="f:css-renditions" as="xs:string*">
    <xsl:param name="css" as="xs:string"/>
    <xsl:for-each select="tokenize($css, ';')[contains(., ':')]">
      <xsl:variable name="property" select="lower-case(normalize-space(substring-before(., ':')))"/>
      <xsl:variable name="value" select="lower-case(normalize-space(substring-after(., ':')))"/>
      <xsl:sequence select="
        if ($property = 'font-style' and $value = ('italic', 'oblique')) then 'italic'
        else if ($property = 'font-weight' and matches($value, '^(bold|bolder|[6-9]00)')) then 'bold'
        else if ($property = 'font-variant' and contains($value, 'small-caps')) then 'smallcaps'
        else if ($property = ('text-decoration', 'text-decoration-line')) then
          (('underline'[contains($value, 'underline')]), ('strikethrough'[contains($value, 'line-through')]))
        else if ($property = 'vertical-align' and $value = ('super', 'sup', 'top', 'text-top')) then 'superscript'
        else if ($property = 'vertical-align' and $value = ('sub', 'bottom', 'text-bottom')) then 'subscript'
        else if ($property = 'letter-spacing' and not($value = ('normal', '0', '0em', '0pt', '0px'))
                 and not(starts-with($value, '-'))) then 'spaced'
        else if ($property = 'text-align' and $value = ('center', 'centre')) then 'center'
        else if ($property = 'text-align' and $value = ('right', 'end')) then 'right'
        else if ($property = 'font-size' and ($value = ('larger', 'large', 'x-large', 'xx-large')
                 or (matches($value, '^[0-9.]+(em|%)$') and number(replace($value, '[a-z%]', '')) gt (if (ends-with($value, '%')) then 100 else 1))))
          then 'large'
        else if ($property = 'font-size' and ($value = ('smaller', 'small', 'x-small', 'xx-small')
                 or (matches($value, '^[0-9.]+(em|%)$') and number(replace($value, '[a-z%]', '')) lt (if (ends-with($value, '%')) then 100 else 1))))
          then 'small'
        else if ($property = 'font-family' and contains($value, 'monospace')) then 'code'
        else if ($property = ('margin-left', 'padding-left', 'text-indent') and matches($value, '^[1-9]')) then 'indent'
        else ()"/>
    </xsl:for-each>
  </xsl:function>

  <xsl:template match="tei:hi | tei:seg | tei:w | tei:c | tei:pc | tei:g | tei:am | tei:ex[not(ancestor::tei:expan)]
                       | tei:num | tei:measure | tei:unit | tei:rs | tei:date | tei:time | tei:gloss | tei:s | tei:phr | tei:cl" mode="m:text">
    <xsl:call-template name="b:inline"/>
  </xsl:template>

  <!--
    A g without a character of its own prints the one its declaration maps it to (f:glyph-mapping);
    one whose declaration has no mapping (or that points to none) a lozenge, named in its title.
  -->
  <xsl:template match="tei:g[f:is-empty-glyph(.)]" mode="m:text">
    <xsl:variable name="mapping" select="f:glyph-mapping(.)"/>
    <xsl:choose>
      <xsl:when test="$mapping">
        <xsl:call-template name="b:inline">
          <xsl:with-param name="content" as="text()"><xsl:value-of select="$mapping"/></xsl:with-param>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="declaration" select="f:glyph-declaration(.)"/>
        <xsl:call-template name="b:generated">
          <xsl:with-param name="text" select="'◊'"/>
          <xsl:with-param name="title" select="string-join((f:label('glyph-unmapped'),
              ($declaration/tei:charName, $declaration/tei:glyphName, $declaration/tei:desc, $declaration/@xml:id, @ref)[normalize-space()][1] ! normalize-space(.)), ': ')"/>
          <xsl:with-param name="for" select="."/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:emph | tei:foreign | tei:title[ancestor::tei:text][not(@level = 'a')] | tei:term | tei:mentioned
                       | tei:distinct | tei:stage[not(f:is-block(.))] | tei:move | tei:view | tei:usg | tei:lbl" mode="m:text">
    <xsl:call-template name="b:inline">
      <xsl:with-param name="renditions" select="'italic'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- An article's title stands in quotation marks. -->
  <xsl:template match="tei:title[ancestor::tei:text][@level = 'a']" mode="m:text">
    <xsl:call-template name="b:quote">
      <xsl:with-param name="block" select="false()"/>
      <xsl:with-param name="before" select="f:label('quote-open')"/>
      <xsl:with-param name="after" select="f:label('quote-close')"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:speaker | tei:orth[ancestor::tei:form[not(ancestor::tei:etym)]] | tei:label[ancestor::tei:castItem]" mode="m:text">
    <xsl:choose>
      <xsl:when test="f:is-block(.)"><xsl:call-template name="b:block"/></xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="b:inline"><xsl:with-param name="renditions" select="'bold'"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:pos | tei:gen | tei:number | tei:gram | tei:subc | tei:case | tei:tns | tei:mood | tei:per | tei:iType" mode="m:text">
    <xsl:call-template name="b:inline"><xsl:with-param name="renditions" select="'italic'"/></xsl:call-template>
  </xsl:template>

  <!-- A pronunciation between slashes. -->
  <xsl:template match="tei:pron" mode="m:text">
    <xsl:call-template name="b:inline">
      <xsl:with-param name="before" select="'/'"/>
      <xsl:with-param name="after" select="'/'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A cross-reference of a dictionary points on. -->
  <xsl:template match="tei:xr[not(tei:lbl)]" mode="m:text">
    <xsl:call-template name="b:inline"><xsl:with-param name="before" select="'→ '"/></xsl:call-template>
  </xsl:template>

  <!-- A role's description follows its name after a comma. -->
  <xsl:template match="tei:roleDesc" mode="m:text">
    <xsl:call-template name="b:inline">
      <xsl:with-param name="before" select="if (preceding-sibling::*) then ', ' else ()"/>
      <xsl:with-param name="renditions" select="'italic'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- An element name (in editorial principles): <name>, set as code. -->
  <xsl:template match="tei:gi" mode="m:text">
    <xsl:call-template name="b:inline">
      <xsl:with-param name="renditions" select="'code'"/>
      <xsl:with-param name="content" as="text()"><xsl:value-of select="'&lt;' || . || '&gt;'"/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:code | tei:att | tei:val | tei:tag | tei:ident" mode="m:text">
    <xsl:call-template name="b:inline"><xsl:with-param name="renditions" select="'code'"/></xsl:call-template>
  </xsl:template>

  <!-- ============================================================ lists -->

  <xsl:function name="f:is-ordered" as="xs:boolean">
    <xsl:param name="list" as="element(tei:list)"/>
    <xsl:sequence select="$list/@type = ('ordered', 'numbered', 'enumerated') or tokenize($list/@rend) = ('numbered', 'ordered', 'decimal', 'arabic')"/>
  </xsl:function>

  <!--
    A list's entries, in order: an item with the label before it (label/item pairs) is one entry;
    text or elements before the first label or item are an entry of their own. Each entry is a map:
      'label'     the TEI label, if any
      'content'   what the entry shows after its label: the item's children and whatever else
                  stands in the list up to the next entry (nothing is dropped)
      'number'    its number among the list's entries
      'generated' the label editio prints where the TEI has none (the item's @n, '3.' in ordered
                  lists, '•' else)
      'prefix'    true for the text before the first entry
  -->
  <xsl:function name="f:list-entries" as="map(xs:string, item()*)*">
    <xsl:param name="list" as="element(tei:list)"/>
    <xsl:variable name="ordered" select="f:is-ordered($list)"/>
    <xsl:variable name="groups" as="map(xs:string, item()*)*">
      <xsl:for-each-group select="$list/(node() except (tei:head, tei:headLabel, tei:headItem))"
          group-starting-with="tei:label | tei:item[not(preceding-sibling::*[1][self::tei:label])]">
        <xsl:variable name="starts" select="exists(current-group()[1][self::tei:item or self::tei:label])"/>
        <xsl:if test="$starts or current-group()[self::* or normalize-space()]">
          <xsl:sequence select="map{
            'label': current-group()[1][self::tei:label],
            'item': current-group()[self::tei:item][1],
            'content': (current-group() except current-group()[1][self::tei:label]) ! (if (self::tei:item) then node() else .),
            'prefix': not($starts)}"/>
        </xsl:if>
      </xsl:for-each-group>
    </xsl:variable>
    <xsl:for-each select="$groups">
      <xsl:variable name="n" select="count(subsequence($groups, 1, position())[not(?prefix)])"/>
      <xsl:sequence select="map:put(., 'number', $n) => map:put('generated', if (?prefix) then ''
          else if (?item/@n[normalize-space()]) then normalize-space(?item/@n) || (if ($ordered and matches(?item/@n, '^\w+$')) then '.' else '')
          else if ($ordered) then $n || '.' else '•')"/>
    </xsl:for-each>
  </xsl:function>

  <!--
    Whether a list shows the labels f:list-entries generates (its 'generated'), as print always
    does: where the source numbers its items itself (item/@n: "iv", "a)"), a browser's own
    numbering would replace the source's numbers with 1, 2, 3 (review 9c).
  -->
  <xsl:function name="f:list-numbered-by-source" as="xs:boolean">
    <xsl:param name="list" as="element(tei:list)"/>
    <xsl:sequence select="exists($list/tei:item[normalize-space(@n)]) and empty($list/tei:label)"/>
  </xsl:function>

  <xsl:template match="tei:list" mode="m:text">
    <xsl:apply-templates select="tei:head" mode="m:text"/>
    <xsl:call-template name="b:list">
      <xsl:with-param name="ordered" select="f:is-ordered(.)"/>
      <xsl:with-param name="entries" select="f:list-entries(.)"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A list's headings of its label and item columns (headLabel, headItem) keep their text, above the list. -->
  <xsl:template match="tei:list/tei:headLabel | tei:list/tei:headItem" mode="m:text"/>
  <xsl:template match="tei:list[tei:headLabel or tei:headItem]" mode="m:text" priority="1">
    <xsl:apply-templates select="tei:head" mode="m:text"/>
    <xsl:for-each select="tei:headLabel | tei:headItem"><xsl:call-template name="b:paragraph"/></xsl:for-each>
    <xsl:call-template name="b:list">
      <xsl:with-param name="ordered" select="f:is-ordered(.)"/>
      <xsl:with-param name="entries" select="f:list-entries(.)"/>
    </xsl:call-template>
  </xsl:template>

  <!-- ============================================================ tables -->

  <xsl:function name="f:is-label-cell" as="xs:boolean">
    <xsl:param name="cell" as="element(tei:cell)"/>
    <xsl:sequence select="$cell/@role = 'label' or $cell/parent::tei:row/@role = 'label'"/>
  </xsl:function>

  <xsl:function name="f:span" as="xs:integer">
    <xsl:param name="value" as="attribute()?"/>
    <xsl:sequence select="if ($value castable as xs:integer and xs:integer($value) ge 1) then min((xs:integer($value), 1000)) else 1"/>
  </xsl:function>

  <!--
    How many columns a table has: its rows laid out on a grid, cells spanning @cols columns and
    @rows rows (a cell spanning rows takes its columns in the rows below).
  -->
  <xsl:function name="f:table-columns" as="xs:integer">
    <xsl:param name="table" as="element(tei:table)"/>
    <xsl:iterate select="$table/tei:row">
      <!-- for each column: how many more rows a cell from above still covers -->
      <xsl:param name="covered" as="xs:integer*" select="()"/>
      <xsl:param name="width" as="xs:integer" select="0"/>
      <xsl:on-completion><xsl:sequence select="max(($width, 1))"/></xsl:on-completion>
      <xsl:variable name="after" as="xs:integer*">
        <xsl:iterate select="tei:cell">
          <xsl:param name="grid" as="xs:integer*" select="$covered"/>
          <xsl:param name="at" as="xs:integer" select="1"/>
          <xsl:on-completion><xsl:sequence select="$grid"/></xsl:on-completion>
          <!-- the first column from $at that no cell from above covers -->
          <xsl:variable name="free" select="(for $i in $at to count($grid) + 1 return $i[not($grid[$i] gt 0)])[1]"/>
          <xsl:variable name="cols" select="f:span(@cols)"/>
          <xsl:variable name="rows" select="f:span(@rows)"/>
          <xsl:next-iteration>
            <xsl:with-param name="grid" select="for $i in 1 to max((count($grid), $free + $cols - 1))
                return if ($i ge $free and $i lt $free + $cols) then $rows else ($grid[$i], 0)[1]"/>
            <xsl:with-param name="at" select="$free + $cols"/>
          </xsl:next-iteration>
        </xsl:iterate>
      </xsl:variable>
      <xsl:next-iteration>
        <xsl:with-param name="covered" select="$after ! max((. - 1, 0))"/>
        <xsl:with-param name="width" select="max(($width, count($after)))"/>
      </xsl:next-iteration>
    </xsl:iterate>
  </xsl:function>

  <!--
    What TEI allows between a table's rows (model.global: a note, a page break, a milestone, an
    anchor; a graphic) has no place of its own in an HTML or FO table (a browser moves it above the
    table, FOP drops it): the renderers put it into a cell. For a row's last cell: what follows the
    row up to the next row; for the first row's first cell: what precedes the first row, but the
    heads (the caption). Whitespace-only text is left out.
  -->
  <xsl:function name="f:between-rows" as="node()*">
    <xsl:param name="cell" as="element(tei:cell)"/>
    <xsl:variable name="row" select="$cell/parent::tei:row"/>
    <xsl:sequence select="(if (empty($cell/preceding-sibling::tei:cell) and empty($row/preceding-sibling::tei:row))
        then $row/preceding-sibling::node()[self::* or normalize-space()][not(self::tei:head)] else (),
      $row/following-sibling::node()[self::* or normalize-space()][not(self::tei:row)][preceding-sibling::tei:row[1] is $row]
        [empty($cell/following-sibling::tei:cell)])"/>
  </xsl:function>

  <xsl:template match="tei:table" mode="m:text">
    <xsl:call-template name="b:table">
      <xsl:with-param name="caption" select="tei:head"/>
      <xsl:with-param name="columns" select="f:table-columns(.)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:row" mode="m:text">
    <xsl:call-template name="b:row">
      <xsl:with-param name="label" select="@role = 'label'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:cell" mode="m:text">
    <xsl:call-template name="b:cell">
      <xsl:with-param name="label" select="f:is-label-cell(.)"/>
      <xsl:with-param name="rows" select="f:span(@rows)"/>
      <xsl:with-param name="cols" select="f:span(@cols)"/>
    </xsl:call-template>
  </xsl:template>

  <!-- ============================================================ alternate readings -->

  <!-- Which reading of a choice shows (f:shown-reading) is common/functions.xsl's: the search index finds both. -->
  <xsl:template match="tei:choice" mode="m:text">
    <xsl:variable name="shown" select="f:shown-reading(.)"/>
    <xsl:call-template name="b:alternate">
      <xsl:with-param name="shown" select="$shown"/>
      <xsl:with-param name="alternates" select="f:alternate-readings(.)"/>
      <!-- (tunnel parameters: a renderer or an edition's stylesheet that does not ask for them still works) -->
      <xsl:with-param name="sources" select="f:source-readings(.)" tunnel="yes"/>
      <xsl:with-param name="others" select="f:other-readings(.)" tunnel="yes"/>
    </xsl:call-template>
  </xsl:template>

  <!--
    A reading inside a choice: shown or alternate; $reading-kind says which: 'shown', 'source' (the
    source's reading: sic, orig, abbr) or 'other' (another reading of the editors'), as the tunnel
    parameter reading-kind. Outside a
    choice, sic, orig and abbr are simply the text.
  -->
  <xsl:template match="tei:choice/*" mode="m:text">
    <xsl:variable name="shown" select=". is f:shown-reading(..)"/>
    <xsl:call-template name="b:reading">
      <xsl:with-param name="shown" select="$shown"/>
      <xsl:with-param name="reading-kind" select="if ($shown) then 'shown' else if (f:is-source-reading(.)) then 'source' else 'other'" tunnel="yes"/>
    </xsl:call-template>
  </xsl:template>

  <!-- ============================================================ critical apparatus -->

  <!-- The reading an apparatus entry shows in the text (f:lemma) is common/functions.xsl's: titles read it too. -->

  <!-- The sigla of the witnesses a reading names (@wit, @source; wit elements): a witness's @n, abbreviation or id. -->
  <xsl:function name="f:witnesses" as="xs:string?">
    <xsl:param name="reading" as="element()"/>
    <xsl:variable name="sigla" select="(
      ($reading/@wit, $reading/parent::tei:rdgGrp/@wit)[1] ! tokenize(.) ! f:siglum(., $reading),
      $reading/@source ! tokenize(.) ! f:siglum(., $reading),
      $reading/tei:wit ! normalize-space(.))"/>
    <xsl:sequence select="string-join($sigla[.], ' ')[.]"/>
  </xsl:function>

  <xsl:function name="f:siglum" as="xs:string">
    <xsl:param name="pointer" as="xs:string"/>
    <xsl:param name="context" as="element()"/>
    <xsl:variable name="witness" select="f:resolve($pointer, $context)"/>
    <xsl:sequence select="if ($witness) then ($witness/@n, $witness/tei:abbr, $witness/tei:idno, $witness/@xml:id)[normalize-space()][1] ! normalize-space(.)
                          else replace($pointer, '^.*#', '')"/>
  </xsl:function>

  <!--
    Apparatus entries are numbered per document, apart from the notes (their marks are letters);
    not those of a location-referenced apparatus (listApp), which is printed where it stands.
  -->
  <xsl:key name="f:text-apparatus" match="tei:text//tei:app[not(ancestor::tei:app)][not(ancestor::tei:listApp)]" use="generate-id(f:document(.))"/>

  <!-- The apparatus entries of a document that have a mark in its text, in order: what the renderers list after the text or at the page's foot. -->
  <xsl:function name="f:apparatus-entries" as="element(tei:app)*">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="$tei//tei:text//tei:app[not(ancestor::tei:app)][not(ancestor::tei:listApp)]"/>
  </xsl:function>

  <!--
    Where an entry of a location-referenced apparatus belongs: its @loc ("8"), else its @from–@to
    as the text numbers the lines they point to (lb n="8": "8–9"; the pointer itself when the
    element has no number), else nothing.
  -->
  <xsl:function name="f:apparatus-location" as="xs:string">
    <xsl:param name="app" as="element(tei:app)"/>
    <xsl:sequence select="(normalize-space($app/@loc)[.],
        string-join(($app/@from, $app/@to) ! normalize-space(.)
          ! (if (starts-with(., '#')) then (id(substring(., 2), root($app))[1]/@n/normalize-space(.)[.], substring(., 2))[1] else .), '–')[.], '')[1]"/>
  </xsl:function>

  <!--
    A location-referenced apparatus (listApp: EpiDoc's div type="apparatus", TEI's
    location-referenced method): printed where it stands, an entry per line, each under the line
    it refers to (its location); its entries are no marks in the text.
  -->
  <xsl:template match="tei:listApp" mode="m:text">
    <xsl:call-template name="b:block"/>
  </xsl:template>

  <xsl:function name="f:apparatus-number" as="xs:integer">
    <xsl:param name="app" as="element(tei:app)"/>
    <xsl:sequence select="f:place-in-order(key('f:text-apparatus', generate-id(f:document($app)), root($app)), $app)"/>
  </xsl:function>

  <!-- An apparatus entry's mark: a, b, ... z, aa, ab ... -->
  <xsl:function name="f:apparatus-label" as="xs:string">
    <xsl:param name="n" as="xs:integer"/>
    <xsl:sequence select="if ($n le 26) then codepoints-to-string(96 + $n)
                          else f:apparatus-label(($n - 1) idiv 26) || codepoints-to-string(97 + ($n - 1) mod 26)"/>
  </xsl:function>

  <xsl:function name="f:apparatus-id" as="xs:string">
    <xsl:param name="app" as="element(tei:app)"/>
    <xsl:sequence select="if ($app/@xml:id) then string($app/@xml:id) else f:doc-id($app) || '-app' || f:apparatus-number($app)"/>
  </xsl:function>

  <!--
    An apparatus entry: the lemma stands in the text; the other readings, each with its witnesses,
    go into the apparatus (at the foot of the page in print, after the text in HTML), under the
    entry's mark. An entry inside another's reading is part of that reading (the outer entry's
    apparatus shows it in brackets).
  -->
  <xsl:template match="tei:app" mode="m:text">
    <xsl:param name="in-apparatus" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="lemma" select="f:lemma(.)"/>
    <xsl:call-template name="b:apparatus">
      <!-- an entry of a listApp: a line of its own, under its location -->
      <xsl:with-param name="location" select="if (parent::tei:listApp) then f:apparatus-location(.) else ()"/>
      <xsl:with-param name="lemma" select="$lemma"/>
      <xsl:with-param name="readings" select="f:readings(.)"/>
      <xsl:with-param name="lemma-witnesses" select="$lemma ! f:witnesses(.)"/>
      <xsl:with-param name="notes" select="f:apparatus-notes(.)"/>
      <xsl:with-param name="label" select="if ($in-apparatus or ancestor::tei:app or ancestor::tei:listApp) then () else f:apparatus-label(f:apparatus-number(.))"/>
      <xsl:with-param name="id" select="if ($in-apparatus or ancestor::tei:app or ancestor::tei:listApp) then () else f:apparatus-id(.)"/>
    </xsl:call-template>
  </xsl:template>

  <!--
    An entry inside another entry's lemma, where the text prints that lemma: its own lemma only.
    Its readings belong to the apparatus, where the outer entry shows them in brackets (above);
    printed in the text, a reading of another witness stood in the edited text ("leminner
    [INNER-RDG B] rest").
  -->
  <xsl:template match="tei:app[ancestor::tei:app]" mode="m:text" priority="1">
    <xsl:param name="in-apparatus" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:choose>
      <xsl:when test="$in-apparatus or ancestor::tei:listApp"><xsl:next-match/></xsl:when>
      <xsl:otherwise><xsl:apply-templates select="f:lemma(.)/node()" mode="m:text"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The readings of an entry besides the one it shows, each with its witnesses: maps of 'reading' and 'witnesses'. -->
  <xsl:function name="f:readings" as="map(xs:string, item()*)*">
    <xsl:param name="app" as="element(tei:app)"/>
    <xsl:sequence select="(($app/tei:lem, $app/tei:rdg, $app/tei:rdgGrp/(tei:lem | tei:rdg)) except f:lemma($app))
                          ! map{'reading': ., 'witnesses': f:witnesses(.)}"/>
  </xsl:function>

  <!-- What an entry says besides its readings: its notes and details of witnesses. -->
  <xsl:function name="f:apparatus-notes" as="element()*">
    <xsl:param name="app" as="element(tei:app)"/>
    <xsl:sequence select="$app/(tei:note | tei:witDetail | tei:rdgGrp/tei:note)"/>
  </xsl:function>

  <!-- The parts of an entry the behaviour places itself. -->
  <xsl:template match="tei:app/tei:note | tei:app/tei:witDetail | tei:rdgGrp/tei:note | tei:wit" mode="m:text">
    <xsl:call-template name="b:inline"/>
  </xsl:template>

  <!-- The witnesses of a document (listWit), as the apparatus lists them: siglum and description. -->
  <xsl:function name="f:witness-list" as="map(xs:string, item()*)*">
    <xsl:param name="tei" as="element()"/>
    <xsl:for-each select="$tei//tei:listWit//tei:witness">
      <xsl:sequence select="map{'siglum': f:siglum('#' || @xml:id, .), 'witness': .}"/>
    </xsl:for-each>
  </xsl:function>

  <!-- ============================================================ editorial interventions -->

  <!-- A gap the source marks in print (its dots, "[.. .]") keeps that mark: desc is the source's text
       (the importer records it there); a gap without one gets editio's sign. -->
  <xsl:template match="tei:gap[normalize-space(tei:desc)]" mode="m:text">
    <xsl:call-template name="b:inline">
      <xsl:with-param name="content" select="tei:desc/node()"/>
    </xsl:call-template>
  </xsl:template>

  <!-- (its extent, when the TEI gives one, stands in the sign itself, "[… 3 words]": print and the e-book show no title) -->
  <xsl:template match="tei:gap" mode="m:text">
    <xsl:variable name="extent" select="(@quantity[normalize-space()] ! normalize-space(string-join((., ../@unit), ' ')), @extent[normalize-space()] ! normalize-space(.))[1]"/>
    <xsl:call-template name="b:generated">
      <xsl:with-param name="text" select="if ($extent) then f:label('gap-extent', $extent) else f:label('gap')"/>
      <xsl:with-param name="title" select="string-join((@reason, @extent, @quantity ! (. || ' ' || ../@unit)), ', ')"/>
      <xsl:with-param name="for" select="."/>
    </xsl:call-template>
  </xsl:template>

  <!-- Space left blank in the source: a blank of about its size, said in its title. -->
  <xsl:template match="tei:space" mode="m:text">
    <xsl:variable name="n" select="if (@quantity castable as xs:integer) then max((1, min((xs:integer(@quantity), 12)))) else 1"/>
    <xsl:call-template name="b:generated">
      <xsl:with-param name="text" select="string-join((1 to (if (@unit = ('line', 'lines')) then 1 else $n)) ! '&#x2003;')"/>
      <xsl:with-param name="title" select="string-join((f:label('space'), @quantity ! (. || ' ' || ../@unit), @extent), ', ')"/>
      <xsl:with-param name="for" select="."/>
    </xsl:call-template>
  </xsl:template>

  <!-- Text the writer struck out stays in the edition, marked as deleted. -->
  <xsl:template match="tei:del" mode="m:text">
    <xsl:call-template name="b:deletion"/>
  </xsl:template>

  <!--
    A deletion the writer cancelled (restore: <del><restore>word</restore></del>, or
    <restore><del>word</del></restore>, the Guidelines' example) is text again: not struck.
  -->
  <xsl:template match="tei:del[parent::tei:restore] | tei:del[tei:restore][not(text()[normalize-space()])][not(* except tei:restore)]" mode="m:text" priority="1">
    <xsl:call-template name="b:inline"/>
  </xsl:template>

  <!--
    A deletion or addition written as a span (delSpan, addSpan: from the element to the anchor its
    @spanTo names, across paragraphs if need be): each piece of text in the span is set as a del
    or an add of its own would be (the span's @rend and @hand kept). Before, the span's text was
    printed as plain text: a deleted passage read as kept.
  -->
  <xsl:key name="f:spans" match="tei:text//tei:delSpan[@spanTo] | tei:text//tei:addSpan[@spanTo]" use="'all'"/>

  <xsl:function name="f:spans-over" as="element()*">
    <xsl:param name="node" as="node()"/>
    <xsl:variable name="spans" select="key('f:spans', 'all', root($node))"/>
    <xsl:sequence select="if (empty($spans)) then () else
        $spans[. &lt;&lt; $node][f:local-target(tokenize(@spanTo)[1], .) ! ($node &lt;&lt; .)]"/>
  </xsl:function>

  <xsl:template match="tei:text//text()[normalize-space()][exists(f:spans-over(.))]" mode="m:text" priority="1">
    <xsl:variable name="span" select="f:spans-over(.)[last()]"/>
    <xsl:variable name="piece" as="element()">
      <xsl:element name="{if ($span/self::tei:delSpan) then 'del' else 'add'}" namespace="http://www.tei-c.org/ns/1.0">
        <xsl:copy-of select="$span/(@rend, @hand, @place)"/>
        <xsl:value-of select="."/>
      </xsl:element>
    </xsl:variable>
    <xsl:apply-templates select="$piece" mode="m:text"/>
  </xsl:template>

  <!-- Supplied text stands in brackets; surplus text in braces; an expansion's letters in parentheses. -->
  <xsl:template match="tei:supplied" mode="m:text">
    <xsl:call-template name="b:inline">
      <xsl:with-param name="before" select="if (@reason = 'omitted') then '⟨' else '['"/>
      <xsl:with-param name="after" select="if (@reason = 'omitted') then '⟩' else ']'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:surplus | tei:secl" mode="m:text">
    <xsl:call-template name="b:inline">
      <xsl:with-param name="before" select="'{'"/>
      <xsl:with-param name="after" select="'}'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:expan//tei:ex" mode="m:text">
    <xsl:call-template name="b:inline">
      <xsl:with-param name="before" select="'('"/>
      <xsl:with-param name="after" select="')'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Additions above or below the line are set there; other additions, unclear or damaged text, substitutions keep their text (the renderer marks them). -->
  <xsl:template match="tei:add" mode="m:text">
    <xsl:call-template name="b:inline">
      <xsl:with-param name="renditions" select="if (@place = ('above', 'sup', 'superlinear', 'top')) then 'superscript'
                                                 else if (@place = ('below', 'sub', 'sublinear', 'bottom')) then 'subscript' else ()"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A sic outside a choice: the source's reading, followed by [sic]. -->
  <xsl:template match="tei:sic[not(parent::tei:choice)]" mode="m:text">
    <xsl:call-template name="b:inline">
      <xsl:with-param name="after" select="' [' || f:label('sic') || ']'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- ============================================================ breaks and milestones -->

  <xsl:template match="tei:lb" mode="m:text">
    <xsl:call-template name="b:break"><xsl:with-param name="kind" select="'line'"/></xsl:call-template>
  </xsl:template>

  <!-- A page break of the source: a marginal page reference, never a line of text. -->
  <xsl:template match="tei:pb" mode="m:text">
    <xsl:call-template name="b:break">
      <xsl:with-param name="kind" select="'page'"/>
      <xsl:with-param name="n" select="@n[normalize-space()] ! normalize-space(.)"/>
    </xsl:call-template>
    <xsl:call-template name="f:space-between-words"/>
  </xsl:template>

  <!--
    A page or column break written between two words without a space ("Column<cb/>break"), and
    not inside a word (break="no"), separates them: a space follows it, as it does in the reading
    text and the search index. Before, the page read (and a reader copied) "Columnbreak".
  -->
  <xsl:template name="f:space-between-words">
    <xsl:if test="not(f:is-word-break(.)) and matches(string(preceding::text()[1]), '\S$') and matches(string(following::text()[1]), '^\S')">
      <xsl:call-template name="b:generated"><xsl:with-param name="text" select="' '"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- A column break, a gathering break, a milestone: a marginal reference when it is numbered. -->
  <xsl:template match="tei:cb | tei:gb | tei:milestone" mode="m:text">
    <xsl:call-template name="b:break">
      <xsl:with-param name="kind" select="'milestone'"/>
      <xsl:with-param name="n" select="@n[normalize-space()] ! normalize-space(string-join((
          if (self::tei:cb) then f:label('column') else if (self::tei:gb) then f:label('gathering')
          else ../@unit[not(. = ('unnumbered', 'undefined'))] ! string(.), .), ' '))"/>
    </xsl:call-template>
    <xsl:if test="self::tei:cb"><xsl:call-template name="f:space-between-words"/></xsl:if>
  </xsl:template>

  <!-- ============================================================ manuscript descriptions -->

  <!--
    A manuscript description (msDesc), printed where it is the substance of its document (see
    f:described-manuscripts): its heading (its head, else its identifier), its parts under headings
    of their own (contents, physical description, history, additional information, its parts),
    everything else in the order written.
  -->
  <xsl:template match="tei:msDesc | tei:msPart | tei:msFrag" mode="m:text">
    <xsl:call-template name="b:section">
      <xsl:with-param name="title" select="if (tei:head) then () else
          string-join((f:label('ms-part')[current()/self::tei:msPart],
                       tei:msIdentifier/(tei:settlement, tei:institution, tei:repository, tei:collection, tei:idno, tei:altIdentifier/tei:idno)[normalize-space()][1]
                       ! normalize-space(.)), ' ')[.]"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:msContents | tei:physDesc | tei:history | tei:additional" mode="m:text">
    <xsl:call-template name="b:section">
      <xsl:with-param name="title" select="f:label(map{'msContents': 'ms-contents', 'physDesc': 'ms-physical',
          'history': 'ms-history', 'additional': 'ms-additional'}(local-name()))"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A manuscript's identifier: its parts in a line, separated by commas. -->
  <xsl:template match="tei:msIdentifier/*[following-sibling::*[normalize-space()]][normalize-space()]" mode="m:text" priority="4">
    <xsl:next-match/>
    <xsl:call-template name="b:generated"><xsl:with-param name="text" select="', '"/></xsl:call-template>
  </xsl:template>

  <!-- A locus without text of its own says which leaves it names. -->
  <xsl:template match="tei:locus[not(normalize-space())][@from or @to]" mode="m:text">
    <xsl:call-template name="b:generated">
      <xsl:with-param name="text" select="f:label('folio') || ' ' || string-join(distinct-values((@from, @to) ! string(.)), '–')"/>
    </xsl:call-template>
  </xsl:template>

  <!-- ============================================================ verse -->

  <!--
    The number a line of verse shows: its @n where lines are numbered here and there (every fifth,
    or at a stanza's start), else every fifth line's @n.
  -->
  <xsl:function name="f:line-number" as="xs:string?">
    <xsl:param name="l" as="element(tei:l)"/>
    <xsl:variable name="n" select="normalize-space($l/@n)"/>
    <xsl:variable name="every" select="not($l/preceding-sibling::tei:l[not(@n)] or $l/following-sibling::tei:l[not(@n)])"/>
    <xsl:sequence select="if ($n = '') then ()
                          else if (not($every)) then $n
                          else if ($n castable as xs:integer) then $n[xs:integer(.) mod 5 = 0]
                          else $n"/>
  </xsl:function>

  <xsl:template match="tei:l" mode="m:text">
    <xsl:call-template name="b:line">
      <xsl:with-param name="number" select="f:line-number(.)"/>
    </xsl:call-template>
  </xsl:template>

  <!-- ============================================================ links and names -->

  <!-- The element a pointer inside the same document names (#id, and the start of #range(a,b)), if any. -->
  <xsl:function name="f:local-target" as="element()?">
    <xsl:param name="pointer" as="xs:string?"/>
    <xsl:param name="context" as="node()"/>
    <xsl:variable name="p" select="f:pointer(string($pointer), $context)"/>
    <xsl:sequence select="if ($p?kind = 'local' and exists($p?id)) then id($p?id, root($context))[1] else ()"/>
  </xsl:function>

  <!--
    Where a pointer leads in the outputs, as a map: 'href' (a safe URL: a web address, or a
    document of the edition's page from the layout, with its fragment) and 'target' (the element it
    names in the same document, or in another document of the edition when the renderer has it).
    A pointer into a file that is not published leads nowhere (its text stays).
  -->
  <xsl:function name="f:link" as="map(xs:string, item()*)">
    <xsl:param name="pointer" as="xs:string"/>
    <xsl:param name="context" as="element()"/>
    <xsl:param name="here" as="xs:string"/>
    <xsl:variable name="p" select="f:pointer($pointer, $context)"/>
    <xsl:choose>
      <xsl:when test="$p?kind = 'local'">
        <xsl:variable name="target" select="$p?id ! id(., root($context))[1]"/>
        <!-- only what the outputs print has an id there (f:is-printed) -->
        <xsl:sequence select="map{'target': $target, 'kind': 'local', 'href': $target[f:is-printed(.)] ! ('#' || f:output-id(.))}"/>
      </xsl:when>
      <xsl:when test="$p?kind = 'file' and map:contains($registers, $p?file)">
        <!-- a register entry: its register's page -->
        <xsl:variable name="page" select="f:href($here, 'html:register:' || $p?file)"/>
        <xsl:sequence select="map{'href': $page ! (. || ($p?id ! ('#' || .))), 'kind': 'register'}"/>
      </xsl:when>
      <xsl:when test="$p?kind = 'file' and $document-files($p?file) = f:doc-id($context)">
        <!-- its own file: as a local pointer -->
        <xsl:variable name="target" select="$p?id ! id(., root($context))[1]"/>
        <xsl:sequence select="map{'target': $target, 'kind': 'local', 'href': $target[f:is-printed(.)] ! ('#' || f:output-id(.))}"/>
      </xsl:when>
      <xsl:when test="$p?kind = 'file'">
        <!-- another document of the edition: its page (its PDF from a PDF), at the element named
             when a page prints it; the element itself when this transform prints that document too -->
        <xsl:variable name="id" select="$document-files($p?file)"/>
        <xsl:variable name="page" select="$id ! f:href($here, f:link-key($here) || .)"/>
        <xsl:variable name="document" select="$document-trees($p?file)"/>
        <xsl:variable name="element" select="$document ! id($p?id, .)[1][f:is-printed(.)]"/>
        <xsl:sequence select="map{'href': $page ! (. || ($p?id[not(ends-with($here, '.pdf'))] ! ('#' || .))),
                                  'target': ($element, $document/(tei:TEI | tei:teiCorpus))[1],
                                  'document': $id, 'fragment': $p?id, 'kind': 'file'}"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="map{'href': $p?href, 'kind': $p?kind}"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- Which output a link from the file being written goes to: a page links pages, a PDF links PDFs. -->
  <xsl:function name="f:link-key" as="xs:string">
    <xsl:param name="here" as="xs:string"/>
    <xsl:sequence select="if (ends-with($here, '.pdf')) then 'pdf:document:' else 'html:document:'"/>
  </xsl:function>

  <!-- The id an element has in the outputs: its xml:id (notes and apparatus entries: their own ids). -->
  <xsl:function name="f:output-id" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="if ($e/self::tei:note) then f:note-id($e) else if ($e/self::tei:app) then f:apparatus-id($e) else f:id($e)"/>
  </xsl:function>

  <!--
    The documents a transform prints together (the PDF volume, the e-book), by the URI of their
    file (f:uri-key), from the Java side (Run.documentTrees); empty for a document's page or PDF.
    A pointer into one of them names its element (f:link).
  -->
  <xsl:param name="document-trees" as="map(xs:string, document-node())" select="map{}"/>

  <!-- (a @target of whitespace only points nowhere: such a ref is its text, such a ptr nothing) -->
  <xsl:template match="tei:ref[normalize-space(@target)] | tei:ptr[normalize-space(@target)]" mode="m:text">
    <xsl:param name="here" as="xs:string" tunnel="yes" select="$here"/>
    <xsl:variable name="pointer" select="tokenize(@target)[1]"/>
    <xsl:variable name="link" select="f:link($pointer, ., $here)"/>
    <xsl:call-template name="b:link">
      <xsl:with-param name="href" select="$link?href"/>
      <xsl:with-param name="target" select="$link?target"/>
      <!-- what the address is ('file': another document's output, which editio made; 'register', 'local', a URI's kind):
           a tunnel parameter, so that renderers and edition stylesheets that do not ask for it keep working -->
      <xsl:with-param name="link-kind" select="string($link?kind)" tunnel="yes"/>
      <!-- a pointer has no text: it shows where it leads; so does a ref left empty (<ref target="https://…"/>) -->
      <xsl:with-param name="content" as="node()*">
        <xsl:choose>
          <xsl:when test="self::tei:ptr or (not(*) and not(normalize-space()))">
            <xsl:value-of select="if ($link?target) then f:pointer-text($link?target) else (f:pointer($pointer, .)?href, $pointer)[1]"/>
          </xsl:when>
          <xsl:otherwise><xsl:sequence select="node()"/></xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- What a pointer to an element of the text shows: its heading or label, else its number. -->
  <xsl:function name="f:pointer-text" as="xs:string">
    <xsl:param name="target" as="element()"/>
    <xsl:sequence select="(f:reading-text($target/tei:head[1]),
                           $target/@n ! string(.), '↗')[.][1]"/>
  </xsl:function>

  <!--
    Whether a mention is a link to its register entry where links are made (web pages, e-book): not
    in a heading, which would read as a run of links (issue 16); it keeps its mention id there.
  -->
  <xsl:function name="f:is-linked-mention" as="xs:boolean">
    <xsl:param name="name" as="element()"/>
    <xsl:sequence select="empty($name/ancestor::tei:head)"/>
  </xsl:function>

  <!--
    A name that points into a register is a mention: linked to its entry, counted, and indexed in
    print. A referring string with @ref ("the prime minister", rs) is a name in this sense.
  -->
  <xsl:template match="tei:persName | tei:placeName | tei:orgName | tei:name | tei:geogName | tei:rs[@ref]" mode="m:text">
    <xsl:variable name="entry" select="tokenize(@ref)[1] ! f:resolve(., current())"/>
    <xsl:call-template name="b:name">
      <xsl:with-param name="entry" select="$entry"/>
      <xsl:with-param name="mention" select="f:mention-anchor(.)"/>
    </xsl:call-template>
  </xsl:template>

  <!-- ============================================================ figures -->

  <xsl:template match="tei:figure" mode="m:text">
    <xsl:call-template name="b:figure">
      <xsl:with-param name="caption" select="tei:head"/>
    </xsl:call-template>
  </xsl:template>

  <!-- The description of a figure is its image's alternative text; where no image shows, the renderer prints it. -->
  <xsl:template match="tei:figDesc" mode="m:text">
    <xsl:if test="empty(../(tei:graphic | tei:media) ! f:image(.)?file)">
      <xsl:call-template name="b:block"/>
    </xsl:if>
  </xsl:template>

  <!--
    An image (f:image: a file of the edition, or a web address) with its alternative text (the
    figure's figDesc, else its head).
  -->
  <xsl:template match="tei:graphic | tei:media" mode="m:text">
    <xsl:variable name="image" select="f:image(.)"/>
    <xsl:call-template name="b:graphic">
      <xsl:with-param name="alt" select="normalize-space(string-join((
          (parent::tei:figure/tei:figDesc, tei:desc)[1],
          if (parent::tei:figure/tei:figDesc or tei:desc) then () else parent::tei:figure/tei:head) ! f:reading-text(.), ' '))"/>
      <xsl:with-param name="url" select="$image?url"/>
      <xsl:with-param name="file" select="$image?file"/>
    </xsl:call-template>
  </xsl:template>

  <!--
    Where an image's file is: 'file' (its URI key, when it is a file of the edition the Java side
    found and may read: the HTML layout has its copy as 'html:image:URI', print reads the file), or
    'url' (a web address: linked, never fetched). Images the Java side could not find, or refused,
    have neither: the alternative text stands.
  -->
  <xsl:function name="f:image" as="map(xs:string, item()*)">
    <xsl:param name="graphic" as="element()"/>
    <xsl:variable name="p" select="f:pointer(string($graphic/@url), $graphic)"/>
    <xsl:variable name="uri" select="if ($p?kind = ('file', 'web')) then f:uri-key(f:resolve-reference(replace($p?expanded, '#.*$', ''), $graphic)) else ()"/>
    <xsl:sequence select="map{
      'file': $uri[map:contains($images, .)],
      'url': if ($p?kind = 'external') then $p?href else ()}"/>
  </xsl:function>

  <!-- The images of the edition that exist and may be read (URI key -> its file name): from the Java side. -->
  <xsl:param name="images" as="map(xs:string, xs:string)" select="map{}"/>

  <!-- ============================================================ notes -->

  <!-- The mark a note's source printed, when it differs from what editio prints (shown with the note). -->
  <xsl:function name="f:note-source-mark" as="xs:string?">
    <xsl:param name="note" as="element(tei:note)"/>
    <xsl:sequence select="$note/@n[normalize-space()][normalize-space(.) ne f:note-label($note)] ! string(.)"/>
  </xsl:function>

  <!--
    What a note's mark prints: the source's own marks (@n) when every note of the document has one
    (a book that numbers its notes per chapter keeps its numbers), else editio's number.
  -->
  <xsl:function name="f:note-label" as="xs:string">
    <xsl:param name="note" as="element(tei:note)"/>
    <xsl:variable name="doc" select="f:document($note)"/>
    <xsl:sequence select="if ($note/ancestor::tei:text and f:notes-numbered-by-source($doc)) then normalize-space($note/@n)
                          else string(f:note-number($note))"/>
  </xsl:function>

  <xsl:function name="f:notes-numbered-by-source" as="xs:boolean" cache="yes">
    <xsl:param name="doc" as="element()"/>
    <xsl:variable name="notes" select="key('f:text-notes', 'all', root($doc))"/>
    <xsl:sequence select="exists($notes) and (every $n in $notes satisfies normalize-space($n/@n))
                          and (some $n in $notes satisfies string($n/@n) ne string(f:note-number($n)))"/>
  </xsl:function>

  <!--
    Where a note's text goes: 'foot' (at the foot of the page in print, in the notes after the text
    in HTML: the mark stays where it stands), 'end' (endnotes: after the document in print too),
    'block' (a note standing among blocks, in a division of notes: printed where it stands, with its
    number), 'inline' (the note is part of the running text: printed there, in brackets; also a note
    of the header, f:is-inline-note: the outputs gather only the text's notes after it, and a mark
    there would point at nothing).
  -->
  <xsl:function name="f:note-place" as="xs:string">
    <xsl:param name="note" as="element(tei:note)"/>
    <xsl:sequence select="
      if (f:is-inline-note($note)) then 'inline'
      else if ($note/parent::*[self::tei:div or self::tei:div1 or self::tei:div2 or self::tei:div3 or self::tei:div4
               or self::tei:back or self::tei:front or self::tei:body or self::tei:noteGrp or self::tei:listNote]
               and not(f:note-attached-to($note))) then 'block'
      else if ($note/@place = ('end', 'endnote', 'endnotes') or (empty($note/@place) and $note/ancestor::*[tokenize(@rend) = 'endnotes'])) then 'end'
      else 'foot'"/>
  </xsl:function>

  <!--
    The element a note is attached to by @target (or @targetEnd, where its mark goes), when that
    element is elsewhere in the same text (an anchor, a passage): the note's mark goes there, not
    where the note stands.
  -->
  <xsl:function name="f:note-attached-to" as="element()?">
    <xsl:param name="note" as="element(tei:note)"/>
    <xsl:variable name="pointer" select="tokenize(($note/@targetEnd, $note/@target)[1])[last()]"/>
    <xsl:variable name="target" select="if ($pointer and $note/ancestor::tei:text) then f:local-target($pointer, $note) else ()"/>
    <xsl:sequence select="$target[ancestor::tei:text][not(. is $note or . = $note/ancestor::*)][not(ancestor::tei:note)]"/>
  </xsl:function>

  <xsl:key name="f:attached-notes" match="tei:text//tei:note[@target | @targetEnd]"
      use="let $note := . return tokenize(($note/@targetEnd, $note/@target)[1])[last()] ! f:pointer(., $note)[?kind = 'local']?id"/>

  <!-- A note leaves its mark where it stands (or where it is attached); where its text goes is the renderer's. -->
  <xsl:template match="tei:note" mode="m:text">
    <xsl:param name="in-apparatus" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:choose>
      <!-- a note of a lemma is printed in the text, where the lemma stands (its mark): not again in the apparatus entry -->
      <xsl:when test="$in-apparatus and f:is-lemma-note(.)"/>
      <!-- inside an apparatus entry, or in a part the renderer prints elsewhere, a note is text in brackets -->
      <xsl:when test="$in-apparatus">
        <xsl:call-template name="b:inline">
          <xsl:with-param name="before" select="' ('"/>
          <xsl:with-param name="after" select="')'"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="ancestor::tei:text and exists(f:note-attached-to(.))"/>
      <xsl:otherwise><xsl:call-template name="f:note"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A note inside the lemma of an apparatus entry of the text (not in a reading): numbered, its mark in the text. -->
  <xsl:function name="f:is-lemma-note" as="xs:boolean">
    <xsl:param name="note" as="element(tei:note)"/>
    <xsl:sequence select="exists($note/ancestor::tei:lem[ancestor::tei:text]) and empty($note/ancestor::tei:rdg) and empty($note/ancestor::tei:listApp)
                          and not($note/parent::tei:app or $note/parent::tei:rdgGrp)"/>
  </xsl:function>

  <xsl:template name="f:note">
    <xsl:call-template name="b:note">
      <xsl:with-param name="number" select="f:note-number(.)"/>
      <xsl:with-param name="label" select="f:note-label(.)"/>
      <xsl:with-param name="id" select="f:note-id(.)"/>
      <xsl:with-param name="source-mark" select="f:note-source-mark(.)"/>
      <xsl:with-param name="place" select="f:note-place(.)"/>
    </xsl:call-template>
  </xsl:template>

  <!-- The marks of the notes attached to an element follow it. -->
  <xsl:template match="tei:text//*[@xml:id][not(self::tei:note)][key('f:attached-notes', @xml:id)]" mode="m:text" priority="6">
    <xsl:next-match/>
    <xsl:for-each select="key('f:attached-notes', @xml:id)[f:note-attached-to(.) is current()]">
      <xsl:call-template name="f:note"/>
    </xsl:for-each>
  </xsl:template>

  <!--
    An index entry marks a place for a back-of-book index (TEI: "marks a location to be indexed"):
    its terms are not words of the sentence. Printed, they ran into it ("An index termINDEX-TERM
    here"); the place keeps its id, if it has one.
  -->
  <xsl:template match="tei:index" mode="m:text">
    <xsl:if test="@xml:id">
      <xsl:call-template name="b:inline"><xsl:with-param name="content" select="()"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- An anchor: a place pointers name (an id in the outputs), nothing to read. -->
  <xsl:template match="tei:anchor | tei:interp | tei:interpGrp | tei:span | tei:spanGrp | tei:link | tei:linkGrp
                       | tei:join | tei:joinGrp | tei:alt | tei:altGrp | tei:timeline | tei:handShift | tei:witStart | tei:witEnd
                       | tei:lacunaStart | tei:lacunaEnd | tei:fLib | tei:fvLib | tei:fs" mode="m:text">
    <xsl:call-template name="b:inline"/>
  </xsl:template>
</xsl:stylesheet>
