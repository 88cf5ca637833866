<?xml version="1.0" encoding="UTF-8"?>
<!--
  Functions that both outputs need, written once: document ids, titles, dates, note numbering,
  pointer resolution. The HTML and FO modules differ only in what they emit.
  Namespaces as in DocBook xslTNG: f: for functions, m: for modes.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="http://editio.org/ns/function"
    exclude-result-prefixes="#all">

  <xsl:include href="labels.xsl"/>
  <xsl:include href="dates.xsl"/>

  <!-- Register files loaded once by the Java side: absolute URI of the file -> its document. -->
  <xsl:param name="registers" as="map(xs:string, document-node())" select="map{}"/>

  <!-- The id of the document a node belongs to: TEI/@xml:id, else the file name without extension. -->
  <xsl:function name="f:doc-id" as="xs:string">
    <xsl:param name="node" as="node()"/>
    <xsl:variable name="tei" select="($node/ancestor-or-self::tei:TEI)[last()]"/>
    <xsl:sequence select="
      if ($tei/@xml:id) then string($tei/@xml:id)
      else replace(tokenize(string(base-uri($node)), '/')[last()], '\.[^.]*$', '')"/>
  </xsl:function>

  <!-- The document's title: the first title of its titleStmt, whitespace normalized. -->
  <xsl:function name="f:title" as="xs:string">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="t" select="normalize-space(string-join(
      ($tei/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title)[1]//text()[not(ancestor::tei:note)], ''))"/>
    <xsl:sequence select="if ($t) then $t else f:doc-id($tei)"/>
  </xsl:function>

  <!-- The date element that dates a document: its dateline, else the header's creation or sending date. -->
  <xsl:function name="f:document-date" as="element()?">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="(
      $tei/tei:text//tei:dateline//tei:date[@when or @from or @notBefore],
      $tei/tei:teiHeader/tei:profileDesc/tei:creation//tei:date[@when or @from or @notBefore],
      $tei/tei:teiHeader/tei:profileDesc/tei:correspDesc/tei:correspAction[@type='sent']/tei:date[@when or @from or @notBefore]
      )[1]"/>
  </xsl:function>

  <!-- Notes of the text, numbered per document in document order. -->
  <!--
    Notes and names of the text are counted among their document's notes (names) taken from a key:
    Saxon builds a key's index once per document, so numbering every note of a document costs a
    pass over its notes, not over all its preceding nodes for each (which grew with the square of
    the document's length). Nested notes count in document order, after the note around them.
  -->
  <xsl:key name="f:text-notes" match="tei:text//tei:note" use="'all'"/>
  <xsl:key name="f:text-mentions" match="tei:text//*[@ref]" use="'all'"/>

  <xsl:function name="f:note-number" as="xs:integer">
    <xsl:param name="note" as="element(tei:note)"/>
    <xsl:sequence select="if ($note/ancestor::tei:text)
                          then count(key('f:text-notes', 'all', root($note))[. &lt;&lt; $note]) + 1
                          else count($note/ancestor::tei:note) + 1"/>
  </xsl:function>

  <!-- A note's id in outputs: its xml:id, else one derived from its document and number. -->
  <xsl:function name="f:note-id" as="xs:string">
    <xsl:param name="note" as="element(tei:note)"/>
    <xsl:sequence select="if ($note/@xml:id) then string($note/@xml:id)
                          else f:doc-id($note) || '-note' || f:note-number($note)"/>
  </xsl:function>

  <!-- Any element's id in outputs; generated ids are stable for the same input. -->
  <xsl:function name="f:id" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="if ($e/@xml:id) then string($e/@xml:id)
                          else f:doc-id($e) || '-' || local-name($e) || '-' || generate-id($e)"/>
  </xsl:function>

  <!--
    Resolves a pointer (#id, file.xml#id) written on $context to the element it names:
    inside the same document, or in a register loaded by the Java side. Empty when it does not resolve.
  -->
  <xsl:function name="f:resolve" as="element()?">
    <xsl:param name="pointer" as="xs:string"/>
    <xsl:param name="context" as="node()"/>
    <xsl:variable name="fragment" select="substring-after($pointer, '#')"/>
    <xsl:variable name="file" select="substring-before($pointer, '#')"/>
    <xsl:choose>
      <xsl:when test="not(contains($pointer, '#')) or $fragment = ''"/>
      <xsl:when test="$file = ''">
        <!-- id() uses the document's index of xml:id values: no scan of the tree -->
        <xsl:sequence select="id($fragment, root($context))[1]"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="uri" select="f:uri-key(string(resolve-uri($file, base-uri($context))))"/>
        <xsl:variable name="register" select="map:get($registers, $uri)"/>
        <xsl:sequence select="if (exists($register)) then id($fragment, $register)[1] else ()"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- File URIs in one spelling (file:///path), the form the Java side uses for register keys. -->
  <xsl:function name="f:uri-key" as="xs:string">
    <xsl:param name="uri" as="xs:string"/>
    <xsl:sequence select="replace($uri, '^file:/+', 'file:///')"/>
  </xsl:function>

  <!-- The standard name of a register entry (persName/placeName/orgName[@type='standard'], else the first). -->
  <xsl:function name="f:standard-name" as="xs:string?">
    <xsl:param name="entry" as="element()?"/>
    <xsl:variable name="names" select="$entry/(tei:persName | tei:placeName | tei:orgName | tei:name)"/>
    <xsl:sequence select="($names[@type = 'standard'], $names)[1] ! normalize-space(.)"/>
  </xsl:function>

  <!-- The register entry of the sender / addressee of a letter or telegram, as a display name. -->
  <xsl:function name="f:party" as="xs:string?">
    <xsl:param name="tei" as="element()"/>
    <xsl:param name="role" as="xs:string"/>
    <xsl:variable name="pd" select="$tei/tei:teiHeader/tei:profileDesc"/>
    <xsl:variable name="action-type" select="if ($role = 'sender') then 'sent' else 'received'"/>
    <xsl:variable name="names" select="
      $pd/tei:particDesc//(tei:person | tei:org)[@role = $role]/(tei:persName | tei:orgName)[1],
      $pd/tei:correspDesc/tei:correspAction[@type = $action-type]/(tei:persName | tei:orgName)"/>
    <xsl:sequence select="if ($names) then string-join($names ! normalize-space(.), '; ') else ()"/>
  </xsl:function>

  <!-- The place a document was written, from its header. -->
  <xsl:function name="f:place" as="xs:string?">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="pd" select="$tei/tei:teiHeader/tei:profileDesc"/>
    <xsl:sequence select="($pd/tei:creation//tei:placeName,
                           $pd/tei:correspDesc/tei:correspAction[@type='sent']/tei:placeName)[1]
                          ! normalize-space(.)"/>
  </xsl:function>

  <!-- The edition's taxonomies (edition.xml): a category's label by its id, e.g. 'type-telegram'. -->
  <xsl:param name="edition" as="document-node()?" select="()"/>

  <xsl:function name="f:category-label" as="xs:string">
    <xsl:param name="pointer" as="xs:string"/>
    <xsl:variable name="id" select="if (contains($pointer, '#')) then substring-after($pointer, '#') else $pointer"/>
    <!-- id() reads the edition's index of ids; a descendant search would scan edition.xml at every call -->
    <xsl:variable name="category" select="$edition ! id($id, .)[self::tei:category]"/>
    <xsl:sequence select="if ($category) then normalize-space($category/tei:catDesc)
                          else if ($id = 'none') then f:label('none')
                          else replace(replace($id, '^(type|country|class)-', ''), '-', ' ')"/>
  </xsl:function>

  <!-- The category ids a document has in one scheme: 'document-types', 'countries', 'classifications'. -->
  <xsl:function name="f:categories" as="xs:string*">
    <xsl:param name="tei" as="element()"/>
    <xsl:param name="scheme" as="xs:string"/>
    <xsl:sequence select="$tei/tei:teiHeader/tei:profileDesc/tei:textClass/tei:catRef[ends-with(@scheme, '#' || $scheme)]
                          ! tokenize(@target) ! substring-after(., '#')"/>
  </xsl:function>

  <!-- A calendar entry: a document known but not transcribed in the edition. -->
  <xsl:function name="f:is-calendar" as="xs:boolean">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="exists($tei/tei:text/tei:body/tei:div[@type = 'calendar'])"/>
  </xsl:function>

  <!-- The year a document is dated to, or empty. -->
  <xsl:function name="f:year" as="xs:string?">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="date" select="f:document-date($tei)[not(f:is-vague(.))]"/>
    <xsl:sequence select="$date ! substring(f:date-sort-key(.), 1, 4)[matches(., '^\d{4}$')]"/>
  </xsl:function>

  <!-- The archival citation of a document as printed, or its publication. -->
  <xsl:function name="f:citation" as="xs:string?">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="sd" select="$tei/tei:teiHeader/tei:fileDesc/tei:sourceDesc"/>
    <xsl:sequence select="($sd/tei:msDesc/tei:p, $sd/tei:bibl[@type = 'publication'])[1] ! normalize-space(.)"/>
  </xsl:function>

  <!-- A pointer written on $context, as the key registers and mention lists use: file URI # id. -->
  <xsl:function name="f:pointer-key" as="xs:string?">
    <xsl:param name="pointer" as="xs:string"/>
    <xsl:param name="context" as="node()"/>
    <xsl:variable name="file" select="substring-before($pointer, '#')"/>
    <xsl:sequence select="if (contains($pointer, '#') and $file != '')
                          then f:uri-key(string(resolve-uri($file, base-uri($context)))) || '#' || substring-after($pointer, '#')
                          else ()"/>
  </xsl:function>

  <!-- The id of a mention (a name pointing into a register): stable, counted in document order. -->
  <xsl:function name="f:mention-id" as="xs:string">
    <xsl:param name="name" as="element()"/>
    <!-- the names with @ref of the text up to this one (see f:note-number on the key) -->
    <xsl:sequence select="f:doc-id($name) || '-m' || (count(key('f:text-mentions', 'all', root($name))[. &lt;&lt; $name]) + 1)"/>
  </xsl:function>

  <!-- The register page and entry a pointer leads to in the HTML edition, from the site's root. -->
  <xsl:function name="f:register-href" as="xs:string?">
    <xsl:param name="entry" as="element()?"/>
    <xsl:sequence select="$entry ! ('registers/' || replace(tokenize(base-uri(.), '/')[last()], '\.xml$', '.html') || '#' || @xml:id)"/>
  </xsl:function>

  <!-- What Java needs to order and list documents: computed here so there is one definition. -->
  <xsl:function name="f:metadata" as="map(xs:string, xs:string)" visibility="public">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:variable name="tei" select="$doc/*"/>
    <xsl:variable name="date" select="f:document-date($tei)"/>
    <xsl:sequence select="map{
      'id': f:doc-id($tei),
      'title': f:title($tei),
      'sort-date': if ($date and not(f:is-vague($date))) then f:date-sort-key($date) else '',
      'date': if ($date) then f:format-date($date) else '',
      'published': string(($tei/tei:teiHeader/tei:fileDesc/tei:publicationStmt/tei:date/(@when, .))[1]),
      'editors': string-join($tei/tei:teiHeader/tei:fileDesc/tei:titleStmt/(tei:editor, tei:respStmt/tei:name) ! normalize-space(.), ', ')
    }"/>
  </xsl:function>
</xsl:stylesheet>
