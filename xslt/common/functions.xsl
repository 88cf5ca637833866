<?xml version="1.0" encoding="UTF-8"?>
<!--
  What a TEI document is, written once for every output: ids, titles, dates, parties, categories,
  note and mention numbering, pointer resolution into the registers (and the entries a document
  points to), register kinds, which elements are blocks and which reading of a choice shows (the
  renderers' common/text.xsl and the search index's html/search-data.xsl both ask), safe URLs,
  and f:metadata (which the Java loader calls to order the documents). Nothing here knows what an
  output looks like or where its files go (that is common/links.xsl and the renderers).
  Namespaces as in DocBook xslTNG: f: for functions, m: for modes, b: for behaviours.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="http://editio.org/ns/function"
    xmlns:m="http://editio.org/ns/mode"
    exclude-result-prefixes="#all">

  <xsl:include href="labels.xsl"/>
  <xsl:include href="dates.xsl"/>
  <xsl:include href="pointers.xsl"/>
  <xsl:include href="languages.xsl"/>

  <!-- Register files loaded once by the Java side: absolute URI of the file -> its document. -->
  <xsl:param name="registers" as="map(xs:string, document-node())" select="map{}"/>

  <!-- The id of the document a node belongs to: TEI/@xml:id, else (also when it is empty) the file name
       without extension. What files the id names is decided by the Java side's OutputLayout ($layout). -->
  <xsl:function name="f:doc-id" as="xs:string">
    <xsl:param name="node" as="node()"/>
    <xsl:variable name="tei" select="($node/ancestor-or-self::*[self::tei:TEI or self::tei:teiCorpus])[1]"/>
    <!-- the URI is read only when it is needed: this function is called for most elements a page shows -->
    <xsl:variable name="given" select="if (empty($document-ids) or map:size($document-ids) eq 0) then ()
        else $document-ids(f:uri-key(f:node-uri($node)))"/>
    <xsl:sequence select="
      if (exists($given)) then $given
      else if (normalize-space($tei/@xml:id)) then string($tei/@xml:id)
      else replace(f:decode-uri(tokenize(f:node-uri($node), '/')[last()]), '\.[^.]*$', '')"/>
  </xsl:function>

  <!-- The URI of the file a node was read from. -->
  <xsl:function name="f:node-uri" as="xs:string">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="string((document-uri(root($node)), base-uri($node))[1])"/>
  </xsl:function>

  <!-- Documents published under another id than their own (two loose files with one id), by their URI: from the Java side. -->
  <xsl:param name="document-ids" as="map(xs:string, xs:string)?" select="()"/>

  <!-- A URI's percent-escapes decoded (UTF-8), so that a file name reads as it was written:
       'Опись%201' is 'Опись 1'. An escape that is not UTF-8 is kept as written. -->
  <xsl:function name="f:decode-uri" as="xs:string">
    <xsl:param name="uri" as="xs:string"/>
    <xsl:variable name="parts" as="xs:string*">
      <xsl:analyze-string select="$uri" regex="(%[0-9A-Fa-f]{{2}})+">
        <xsl:matching-substring>
          <xsl:variable name="bytes" select="tokenize(substring(., 2), '%') ! f:hex(.)"/>
          <xsl:variable name="codepoints" as="xs:integer*">
            <xsl:iterate select="$bytes">
              <xsl:param name="code" as="xs:integer" select="0"/>
              <xsl:param name="left" as="xs:integer" select="0"/>
              <xsl:choose>
                <xsl:when test="$left gt 0">
                  <xsl:variable name="next" select="$code * 64 + (. mod 64)"/>
                  <xsl:if test="$left = 1"><xsl:sequence select="$next"/></xsl:if>
                  <xsl:next-iteration>
                    <xsl:with-param name="code" select="$next"/>
                    <xsl:with-param name="left" select="$left - 1"/>
                  </xsl:next-iteration>
                </xsl:when>
                <xsl:when test=". lt 128"><xsl:sequence select="."/></xsl:when>
                <xsl:when test=". ge 240">
                  <xsl:next-iteration><xsl:with-param name="code" select=". mod 8"/><xsl:with-param name="left" select="3"/></xsl:next-iteration>
                </xsl:when>
                <xsl:when test=". ge 224">
                  <xsl:next-iteration><xsl:with-param name="code" select=". mod 16"/><xsl:with-param name="left" select="2"/></xsl:next-iteration>
                </xsl:when>
                <xsl:otherwise>
                  <xsl:next-iteration><xsl:with-param name="code" select=". mod 32"/><xsl:with-param name="left" select="1"/></xsl:next-iteration>
                </xsl:otherwise>
              </xsl:choose>
            </xsl:iterate>
          </xsl:variable>
          <xsl:sequence select="if (every $c in $codepoints satisfies ($c ge 32 and $c le 1114111 and not($c = (65534, 65535))
                                    and not($c ge 55296 and $c le 57343)))
                                then codepoints-to-string($codepoints) else ."/>
        </xsl:matching-substring>
        <xsl:non-matching-substring><xsl:sequence select="."/></xsl:non-matching-substring>
      </xsl:analyze-string>
    </xsl:variable>
    <xsl:sequence select="string-join($parts)"/>
  </xsl:function>

  <!-- Two hexadecimal digits as a number. -->
  <xsl:function name="f:hex" as="xs:integer">
    <xsl:param name="hex" as="xs:string"/>
    <xsl:variable name="digits" select="string-to-codepoints(lower-case($hex))
      ! (index-of(string-to-codepoints('0123456789abcdef'), .) - 1)"/>
    <xsl:sequence select="$digits[1] * 16 + $digits[2]"/>
  </xsl:function>

  <!--
    The document's title, from whatever shape its header has: the titleStmt's main (or complete)
    title, else its first title that is not a subtitle or short title, else its first title; else
    the source's title (sourceDesc), the text's own title page (docTitle) or first heading; else the
    document's id (its file name).
  -->
  <xsl:function name="f:title" as="xs:string">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="titles" select="$tei/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title[normalize-space()]"/>
    <xsl:variable name="candidates" select="(
      $titles[@type = ('main', 'complete', 'full', 'uniform')],
      $titles[not(@type = ('sub', 'subtitle', 'alt', 'alternative', 'short', 'desc', 'parallel', 'abbreviated'))],
      $titles,
      $tei/tei:teiHeader/tei:fileDesc/tei:sourceDesc//(tei:title | tei:msIdentifier/tei:idno | tei:head)[normalize-space()],
      ($tei/tei:text | $tei/tei:TEI/tei:text)[1]//tei:docTitle[normalize-space()],
      ($tei/tei:text | $tei/tei:TEI/tei:text)[1]//tei:head[normalize-space()])"/>
    <xsl:variable name="t" select="f:reading-text($candidates[1])"/>
    <xsl:sequence select="if ($t) then $t else f:doc-id($tei)"/>
  </xsl:function>

  <!--
    The main title of a header's titleStmt (main, complete, full, uniform; else the first title
    that is not a sub-title, alternative or short title), or nothing: what an edition is called
    (edition.xml); unlike f:title, never a sub-title (the site prints that under the title).
  -->
  <xsl:function name="f:main-title" as="xs:string?">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="titles" select="$tei/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title[normalize-space()]"/>
    <xsl:variable name="main" select="($titles[@type = ('main', 'complete', 'full', 'uniform')],
        $titles[not(@type = ('sub', 'subtitle', 'alt', 'alternative', 'short', 'desc', 'parallel', 'abbreviated'))])[1]"/>
    <xsl:sequence select="f:reading-text($main)[.]"/>
  </xsl:function>

  <!--
    The date element that dates a document, from whatever shape its header has: when it was sent
    (correspDesc), else its dateline, else when it was written (creation), else a creation date in
    its publication statement (as some projects record it), else when its manuscript was made
    (msDesc's origDate), else the date of its source (a book's first edition). Only dates with ISO
    attributes date a document (the text of a date is not parsed). The editorial rule corresp-date keeps the
    first two alike in an edition.
  -->
  <xsl:function name="f:document-date" as="element()?">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="header" select="$tei/tei:teiHeader"/>
    <xsl:sequence select="(
      f:sending($tei)/tei:date,
      $tei/tei:text//tei:dateline//tei:date,
      $header/tei:profileDesc/tei:creation//(tei:date | tei:origDate),
      $header/tei:fileDesc/tei:publicationStmt/tei:date[@type = ('created', 'creation', 'original', 'document', 'composition')],
      $header/tei:fileDesc/tei:sourceDesc//tei:msDesc/tei:history/tei:origin//tei:origDate,
      $header/tei:fileDesc/tei:sourceDesc/(tei:bibl | tei:biblStruct | tei:biblFull | tei:listBibl)//(tei:date | tei:origDate)
      )[@when or @from or @notBefore][1]"/>
  </xsl:function>

  <!-- Who wrote a document that is not a letter (a book, a poem, a play): the titleStmt's authors, else its source's. -->
  <xsl:function name="f:authors" as="xs:string*">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="fd" select="$tei/tei:teiHeader/tei:fileDesc"/>
    <xsl:variable name="authors" select="($fd/tei:titleStmt/tei:author[normalize-space()],
        ($fd/tei:sourceDesc//(tei:bibl | tei:biblStruct | tei:biblFull)//tei:author[normalize-space()])[1])[1]/(., following-sibling::tei:author)"/>
    <xsl:sequence select="distinct-values($authors ! normalize-space(string-join(.//text()[not(ancestor::tei:note)][not(ancestor::tei:idno)], ' ')))[.]"/>
  </xsl:function>

  <!-- Notes of the text, numbered per document in document order. -->
  <!--
    Notes and names of the text are counted among their document's notes (names) taken from a key:
    Saxon builds a key's index once per document, so numbering every note of a document costs a
    pass over its notes, not over all its preceding nodes for each (which grew with the square of
    the document's length). Nested notes count in document order, after the note around them.
  -->
  <!-- (a note inside an apparatus entry's reading is part of that reading, not numbered) -->
  <xsl:key name="f:text-notes" match="tei:text//tei:note[not(parent::tei:app or parent::tei:rdgGrp or ancestor::tei:rdg)]" use="'all'"/>
  <xsl:key name="f:text-mentions" match="tei:text//*[@ref]" use="'all'"/>

  <xsl:function name="f:note-number" as="xs:integer">
    <xsl:param name="note" as="element(tei:note)"/>
    <xsl:sequence select="if ($note/ancestor::tei:text)
                          then f:place-in-order(key('f:text-notes', 'all', root($note)), $note)
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
                          else f:doc-id($e) || '-' || local-name($e) || '-' || f:node-key($e)"/>
  </xsl:function>

  <!--
    A key for a node that is the same in every build, unique within its document (callers add the
    document's id): generate-id() without the number Saxon gives the tree ('d12e1065' is 'e1065'),
    which counts the trees read before it, in parallel and so in any order.
  -->
  <xsl:function name="f:node-key" as="xs:string">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="replace(generate-id($node), '^d[0-9]+(.)', '$1')"/>
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
        <xsl:variable name="uri" select="f:uri-key(string(resolve-uri(iri-to-uri($file), base-uri($context))))"/>
        <xsl:variable name="register" select="map:get($registers, $uri)"/>
        <xsl:sequence select="if (exists($register)) then id($fragment, $register)[1] else ()"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- File URIs in one spelling (file:///path), the form the Java side uses for register keys. -->
  <xsl:function name="f:uri-key" as="xs:string">
    <xsl:param name="uri" as="xs:string"/>
    <!-- most URIs are already in that spelling: no regular expression for them -->
    <xsl:sequence select="if (not(starts-with($uri, 'file:/'))
                              or (starts-with($uri, 'file:///') and not(starts-with($uri, 'file:////')))) then $uri
                          else replace($uri, '^file:/+', 'file:///')"/>
  </xsl:function>

  <!--
    The name a register entry is shown and sorted by, in every output (registers, indexes, the
    e-book, search facets, a name's tooltip): its recorded name (f:recorded-name), else, for an
    entry without one (valid TEI: <person xml:id="x"/>, warned by the rule register-entry-name),
    its xml:id, the one thing that always identifies it; else "(no name)". Empty only for no entry.
  -->
  <xsl:function name="f:standard-name" as="xs:string?">
    <xsl:param name="entry" as="element()?"/>
    <xsl:sequence select="$entry ! (f:recorded-name(.), normalize-space(@xml:id)[.], f:label('entry-unnamed'))[1]"/>
  </xsl:function>

  <!-- The name a register entry records (persName/placeName/orgName/name[@type='standard'], else the first), or nothing. -->
  <xsl:function name="f:recorded-name" as="xs:string?">
    <xsl:param name="entry" as="element()?"/>
    <xsl:variable name="names" select="$entry/(tei:persName | tei:placeName | tei:orgName | tei:name)"/>
    <xsl:sequence select="($names[@type = 'standard'], $names)[1] ! normalize-space(.)[.]"/>
  </xsl:function>

  <!-- Every form of a register entry's name (the standard one and the variants), whitespace normalized, each once. -->
  <xsl:function name="f:name-forms" as="xs:string*">
    <xsl:param name="entry" as="element()?"/>
    <xsl:sequence select="distinct-values($entry/(tei:persName | tei:placeName | tei:orgName | tei:name) ! normalize-space(.))[.]"/>
  </xsl:function>

  <!-- The register entry (person, place, organization) an element pointed to belongs to: itself, or the entry whose name it is. -->
  <xsl:function name="f:entry-of" as="element()?">
    <xsl:param name="target" as="element()?"/>
    <xsl:sequence select="$target[self::tei:person or self::tei:place or self::tei:org or self::tei:persName
        or self::tei:placeName or self::tei:orgName]/(ancestor-or-self::tei:person | ancestor-or-self::tei:place | ancestor-or-self::tei:org)[last()]"/>
  </xsl:function>

  <!--
    Every register entry a document points to, each once, in the order it is first pointed to:
    from the names of its text (@ref), then from its header (correspondents and places with @ref,
    participants with @corresp). What a reader may look the document up by (the search index).
  -->
  <xsl:function name="f:entries-pointed-to" as="element()*">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="pointing" select="($tei/tei:text//*[@ref], $tei/tei:teiHeader/tei:profileDesc//*[@ref or @corresp])"/>
    <xsl:variable name="targets" select="
        if (root($tei)//@xml:base)
        then (for $n in $pointing return tokenize(($n/@ref, $n/@corresp)[1]) ! f:resolve(., $n))
        else f:resolve-all($pointing ! tokenize((@ref, @corresp)[1]), root($tei))"/>
    <!-- grouped by node, not "/": a path would sort entries of different registers by the order the registers were loaded in -->
    <xsl:for-each-group select="$targets ! f:entry-of(.)" group-by="generate-id()">
      <xsl:sequence select="."/>
    </xsl:for-each-group>
  </xsl:function>

  <!--
    What pointers written in a document without xml:base point to, in their order: as f:resolve
    on each, but each file named is resolved once for the document, not once per pointer
    (resolving a URI against a node's base URI is the costly part).
  -->
  <xsl:function name="f:resolve-all" as="element()*">
    <xsl:param name="pointers" as="xs:string*"/>
    <xsl:param name="doc" as="document-node()"/>
    <xsl:variable name="base" select="base-uri($doc/*)"/>
    <xsl:variable name="files" as="map(xs:string, document-node()?)" select="map:merge(
        distinct-values($pointers[contains(., '#')] ! substring-before(., '#'))[. != '']
        ! map:entry(., map:get($registers, f:uri-key(string(resolve-uri(iri-to-uri(.), $base))))))"/>
    <xsl:sequence select="for $p in $pointers[contains(., '#') and substring-after(., '#') != '']
        return if (starts-with($p, '#')) then id(substring-after($p, '#'), $doc)[1]
        else map:get($files, substring-before($p, '#')) ! id(substring-after($p, '#'), .)[1]"/>
  </xsl:function>

  <!-- A document's sending: correspDesc's correspAction of type sent. -->
  <xsl:function name="f:sending" as="element(tei:correspAction)?">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="($tei/tei:teiHeader/tei:profileDesc/tei:correspDesc/tei:correspAction[@type = 'sent'])[1]"/>
  </xsl:function>

  <!--
    The name elements of a document's sender ($role 'sender') or addressees ('addressee'): those of
    correspDesc (correspAction sent, received), else, for TEI without correspDesc, the participants
    of particDesc with that @role (their first name).
  -->
  <xsl:function name="f:parties" as="element()*" visibility="public">
    <xsl:param name="tei" as="element()"/>
    <xsl:param name="role" as="xs:string"/>
    <xsl:variable name="pd" select="$tei/tei:teiHeader/tei:profileDesc"/>
    <xsl:variable name="action" select="$pd/tei:correspDesc/tei:correspAction[@type = (if ($role = 'sender') then 'sent' else 'received')]"/>
    <xsl:sequence select="if ($pd/tei:correspDesc) then $action/(tei:persName | tei:orgName | tei:name)
                          else $pd/tei:particDesc//(tei:person | tei:org)[tokenize(@role) = $role]/(tei:persName | tei:orgName)[1]"/>
  </xsl:function>

  <!-- The sender / addressees of a letter or telegram, as the document names them (display text). -->
  <xsl:function name="f:party" as="xs:string?">
    <xsl:param name="tei" as="element()"/>
    <xsl:param name="role" as="xs:string"/>
    <xsl:variable name="names" select="f:parties($tei, $role)"/>
    <xsl:sequence select="if ($names) then string-join($names ! normalize-space(.), '; ') else ()"/>
  </xsl:function>

  <!-- The name element of the place a document was sent from (correspDesc), else written at (creation). -->
  <xsl:function name="f:place-name" as="element()?">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="(f:sending($tei)/tei:placeName, $tei/tei:teiHeader/tei:profileDesc/tei:creation//tei:placeName)[1]"/>
  </xsl:function>

  <!-- The place a document was sent from or written at, from its header. -->
  <xsl:function name="f:place" as="xs:string?">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="f:place-name($tei) ! normalize-space(.)"/>
  </xsl:function>

  <!-- edition.xml, when the edition has one. -->
  <xsl:param name="edition" as="document-node()?" select="()"/>
  <!-- The edition's title (from edition.xml, else from the TEI headers: computed by the Java side). -->
  <xsl:param name="edition-title" as="xs:string" select="'Edition'"/>

  <!-- The edition's taxonomies (edition.xml): a category's label by its id, e.g. 'type-telegram'. -->

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

  <!-- The year a document is dated to ('1937', '12', '-44' for 44 BC: f:year-label writes it for readers), or empty. -->
  <xsl:function name="f:year" as="xs:string?">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="date" select="f:document-date($tei)[not(f:is-vague(.))]"/>
    <xsl:sequence select="$date ! f:iso-year(f:date-sort-key(.)) ! string(.)"/>
  </xsl:function>

  <!-- The archival citation of a document as printed, or its publication. -->
  <!--
    The archival citation of a document as printed (msDesc/p), else its manuscript's identifier
    (place, institution, repository, collection, shelfmark, each named once: a library is often
    both), else its publication.
  -->
  <xsl:function name="f:citation" as="xs:string?">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="sd" select="$tei/tei:teiHeader/tei:fileDesc/tei:sourceDesc"/>
    <xsl:variable name="identifier" select="($sd//tei:msDesc/tei:msIdentifier)[1]"/>
    <xsl:sequence select="($sd/tei:msDesc/tei:p ! normalize-space(.),
        $identifier ! string-join(distinct-values((tei:settlement, tei:institution, tei:repository, tei:collection, tei:idno[1])[normalize-space()] ! normalize-space(.)), ', ')[.],
        $sd/tei:bibl[@type = 'publication'] ! normalize-space(.))[.][1]"/>
  </xsl:function>

  <!-- A pointer written on $context, as the key registers and mention lists use: file URI # id. -->
  <xsl:function name="f:pointer-key" as="xs:string?">
    <xsl:param name="pointer" as="xs:string"/>
    <xsl:param name="context" as="node()"/>
    <xsl:variable name="file" select="substring-before($pointer, '#')"/>
    <xsl:sequence select="if (contains($pointer, '#') and $file != '')
                          then f:uri-key(string(resolve-uri(iri-to-uri($file), base-uri($context)))) || '#' || substring-after($pointer, '#')
                          else ()"/>
  </xsl:function>

  <!-- The id of a mention (a name pointing into a register): stable, counted in document order. -->
  <xsl:function name="f:mention-id" as="xs:string">
    <xsl:param name="name" as="element()"/>
    <!-- its place among the names with @ref of the text (the key lists them in document order, see f:note-number) -->
    <xsl:sequence select="f:doc-id($name) || '-m' || f:place-in-order(key('f:text-mentions', 'all', root($name)), $name)"/>
  </xsl:function>

  <!--
    The place of $node among $nodes (in document order): its position if it is one of them, else
    the position it would take (the number before it, plus one). Found by halving: counting the
    ones before it, for every note, mention or apparatus entry of a document, took time with the
    square of their number (one document of 8,000 mentions: editio html 7.9 s, by halving 2.4 s).
  -->
  <xsl:function name="f:place-in-order" as="xs:integer">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="f:place-in-order($nodes, $node, 1, count($nodes) + 1)"/>
  </xsl:function>

  <!-- f:place-in-order between positions $from and $to. -->
  <xsl:function name="f:place-in-order" as="xs:integer">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:param name="node" as="node()"/>
    <xsl:param name="from" as="xs:integer"/>
    <xsl:param name="to" as="xs:integer"/>
    <xsl:variable name="middle" select="($from + $to) idiv 2"/>
    <xsl:sequence select="if ($from ge $to) then $from
                          else if ($nodes[$middle] &lt;&lt; $node) then f:place-in-order($nodes, $node, $middle + 1, $to)
                          else f:place-in-order($nodes, $node, $from, $middle)"/>
  </xsl:function>

  <!--
    Where a register entry's list of mentions links to: the element of the text that points to it
    (any element with @ref: a name, a referring string, an author in a bibl ...), at its xml:id,
    else at its mention id. Every output gives each mention this id, so no link from a register or
    an index lands on a page without its target. Empty for what is not a mention of the text.
  -->
  <xsl:function name="f:mention-anchor" as="xs:string?">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="if ($e/@ref and $e/ancestor::tei:text) then ($e/@xml:id ! string(.), f:mention-id($e))[1] else ()"/>
  </xsl:function>

  <!--
    The names of a document that point into the registers: the names of its text with @ref, then
    the parties of its correspondence (correspDesc's names, particDesc's participants), then every
    other name of its header with @ref (the repository of its archival citation: the archive's
    entry lists the documents it holds, as validation counts them). Register pages and indexes
    list a document under every entry it names here.
  -->
  <xsl:function name="f:mentions-of" as="element()*">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="header" select="$tei/tei:teiHeader"/>
    <xsl:variable name="parties" select="$header/tei:profileDesc/(tei:correspDesc//*[@ref] | tei:particDesc//*[@corresp])"/>
    <xsl:sequence select="$tei/tei:text//*[@ref], $parties, $header//*[@ref] except $parties"/>
  </xsl:function>

  <!--
    Every mention of a register entry in $docs, by the entry's key (file URI # id), in the order of
    the documents. Grouped in one pass: merging one-entry maps with 'combine' copied the growing
    sequence of a frequent entry at every mention.
  -->
  <xsl:function name="f:mentions" as="map(xs:string, element()*)">
    <xsl:param name="docs" as="element()*"/>
    <xsl:map>
      <xsl:for-each-group select="$docs ! f:mentions-of(.)" group-by="tokenize((@ref, @corresp)[1]) ! f:pointer-key(., current())">
        <xsl:map-entry key="current-grouping-key()" select="current-group()"/>
      </xsl:for-each-group>
    </xsl:map>
  </xsl:function>

  <!-- The key of the register an entry stands in (the file's URI, as $registers has it). -->
  <xsl:function name="f:register-key" as="xs:string">
    <xsl:param name="entry" as="node()"/>
    <xsl:sequence select="f:uri-key(string(base-uri($entry)))"/>
  </xsl:function>

  <!-- What a register lists: 'persons', 'places', 'organizations', or 'other'; from its entries, not its file name. -->
  <xsl:function name="f:register-kind" as="xs:string">
    <xsl:param name="register" as="document-node()"/>
    <xsl:sequence select="(($register//(tei:person | tei:place | tei:org))[1] ! f:entry-kind(.), 'other')[1]"/>
  </xsl:function>

  <xsl:function name="f:entry-kind" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="if ($entry/self::tei:person) then 'persons' else if ($entry/self::tei:place) then 'places'
                          else if ($entry/self::tei:org) then 'organizations' else 'other'"/>
  </xsl:function>

  <!-- The register kinds in the order the outputs list them. -->
  <xsl:variable name="f:register-kinds" as="xs:string+" select="('persons', 'places', 'organizations', 'other')"/>

  <!-- The edition's registers (their keys) in that order, then by title. -->
  <xsl:function name="f:register-keys" as="xs:string*">
    <xsl:sequence select="$f:register-keys"/>
  </xsl:function>

  <!-- f:register-keys, sorted once per transform (every page's navigation lists them). -->
  <xsl:variable name="f:register-keys" as="xs:string*" select="sort(map:keys($registers), (), function($k) {
                          index-of($f:register-kinds, f:register-kind($registers($k))), f:title($registers($k)/*), $k })"/>

  <!-- How outputs name a register: by what it lists ("Persons"), or by its title when that does not tell it apart. -->
  <xsl:function name="f:register-label" as="xs:string">
    <xsl:param name="key" as="xs:string"/>
    <xsl:variable name="kind" select="f:register-kind($registers($key))"/>
    <xsl:sequence select="if ($kind = 'other' or count(map:keys($registers)[f:register-kind($registers(.)) = $kind]) gt 1)
                          then f:title($registers($key)/*) else f:label($kind)"/>
  </xsl:function>

  <!-- ============================================================ the text's model, for every output and the search index -->

  <!-- Elements that are blocks: an element that contains one is a block too. -->
  <!-- ($f:block-name-set holds them for lookup: asked of every element, a scan of 150 names was the text's costliest test.) -->
  <xsl:variable name="f:block-name-set" as="map(xs:string, xs:boolean)" select="map:merge($f:block-names ! map:entry(., true()))"/>
  <xsl:variable name="f:block-names" as="xs:string*" select="
    ('div', 'div1', 'div2', 'div3', 'div4', 'div5', 'div6', 'div7', 'p', 'ab', 'head', 'opener', 'closer',
     'dateline', 'salute', 'signed', 'postscript', 'list', 'item', 'table', 'row', 'cell', 'lg', 'l',
     'figure', 'quote', 'sp', 'speaker', 'stage', 'castList', 'castGroup', 'castItem', 'listBibl', 'bibl',
     'biblStruct', 'byline', 'docTitle', 'titlePage', 'titlePart', 'docImprint', 'docAuthor', 'docDate',
     'docEdition', 'argument', 'epigraph', 'trailer', 'floatingText', 'body', 'front', 'back', 'group',
     'text', 'TEI', 'listPerson', 'listPlace', 'listOrg', 'listEvent', 'listNym', 'listRelation',
     'person', 'personGrp', 'place', 'org', 'event', 'label', 'fw', 'cit', 'address', 'addrLine', 'spGrp',
     'set', 'entry', 'entryFree', 'superEntry', 'sense', 're', 'noteGrp', 'listApp', 'listWit', 'witness',
     'app', 'msDesc', 'msContents', 'msItem', 'physDesc', 'history', 'additional', 'msPart', 'msFrag',
     'egXML', 'eg', 'respStmt', 'u', 'msIdentifier', 'msItemStruct', 'summary', 'rubric', 'incipit', 'explicit',
     'finalRubric', 'colophon', 'filiation', 'decoNote', 'handNote', 'condition', 'support', 'extent', 'foliation',
     'collation', 'layout', 'binding', 'origin', 'provenance', 'acquisition', 'custodialHist', 'recordHist',
     'surrogates', 'objectDesc', 'supportDesc', 'layoutDesc', 'handDesc', 'decoDesc', 'bindingDesc', 'sealDesc',
     'scriptDesc', 'typeDesc', 'accMat', 'adminInfo', 'musicNotation', 'availability', 'seal', 'typeNote',
     'scriptNote', 'musicNotation', 'listTranspose', 'recording', 'equipment', 'broadcast')"/>

  <!--
    Whether an element is set as a block: it is one of the block elements, or contains one (notes
    aside: they leave only a mark). A quotation is a block when it holds paragraphs or verse, is
    set as one (rend "block"), or stands among blocks (directly in a division); a bibl, cit or
    label inside a paragraph is part of the line; an apparatus entry is a block only around blocks.
  -->
  <xsl:function name="f:is-block" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="f:is-block-itself($e) or exists($e//*[not(ancestor::tei:note)][f:is-block-itself(.)])"/>
  </xsl:function>

  <xsl:function name="f:is-block-itself" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="
      if (namespace-uri($e) ne 'http://www.tei-c.org/ns/1.0') then false()
      else if ($e/self::tei:quote or $e/self::tei:cit or $e/self::tei:q)
        then exists($e/(tei:p | tei:lg | tei:l | tei:ab)) or tokenize($e/@rend) = ('block', 'blockquote', 'display')
             or f:stands-among-blocks($e)
      else if ($e/self::tei:app) then false()
      else if ($e/self::tei:graphic) then f:stands-among-blocks($e)
      else if ($e/(self::tei:bibl | self::tei:label | self::tei:stage | self::tei:address | self::tei:biblStruct))
        then not($e/ancestor::*[self::tei:p or self::tei:ab or self::tei:l or self::tei:head or self::tei:s or self::tei:seg
                                or self::tei:hi or self::tei:title or self::tei:quote[not(f:is-block-itself(.))]])
      else map:contains($f:block-name-set, local-name($e))"/>
  </xsl:function>

  <xsl:function name="f:is-block-name" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="map:contains($f:block-name-set, local-name($e)) and namespace-uri($e) eq 'http://www.tei-c.org/ns/1.0'"/>
  </xsl:function>

  <!-- An element that stands directly in a division (or the text's parts), among blocks. -->
  <xsl:function name="f:stands-among-blocks" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e/parent::*[self::tei:div or self::tei:div1 or self::tei:div2 or self::tei:div3 or self::tei:div4
        or self::tei:div5 or self::tei:div6 or self::tei:div7 or self::tei:body or self::tei:front or self::tei:back
        or self::tei:epigraph or self::tei:figure or self::tei:sp or self::tei:argument or self::tei:floatingText
        or self::tei:titlePage or self::tei:cit[f:is-block-itself(.)] or self::tei:item or self::tei:cell
        or self::tei:note[not(f:is-inline-note(.))]])"/>
  </xsl:function>

  <!--
    Whether a note is part of the running text, printed where it stands (in brackets): so placed
    (@place inline), or a note of the header (a manuscript description's notes on its additions,
    binding, provenance), since the outputs gather only the text's notes after it. Inside such a
    note nothing stands among blocks (see f:note-place in text.xsl).
  -->
  <xsl:function name="f:is-inline-note" as="xs:boolean">
    <xsl:param name="note" as="element(tei:note)"/>
    <xsl:sequence select="$note/@place = ('inline', 'in-line', 'inspace') or empty($note/ancestor::tei:text)"/>
  </xsl:function>

  <!--
    Elements whose content TEI defines as elements only, set inside a line: the whitespace between
    their children is indentation (an editor's "format and indent"), never text. Printed, it split
    the word the element stands in ("organi z ation", "re a e d"); every output and the search
    index leave it out (f:is-indentation). Blocks of elements only (lg, list, table) need no such
    rule: whitespace between blocks prints nothing.
  -->
  <xsl:variable name="f:element-only-inlines" as="map(xs:string, xs:boolean)"
      select="map:merge(('choice', 'subst', 'app', 'rdgGrp') ! map:entry(., true()))"/>

  <xsl:function name="f:is-indentation" as="xs:boolean">
    <xsl:param name="text" as="text()"/>
    <xsl:sequence select="not(normalize-space($text))
                          and exists($text/parent::*[namespace-uri() eq 'http://www.tei-c.org/ns/1.0'][map:contains($f:element-only-inlines, local-name())])"/>
  </xsl:function>

  <!--
    An element's text as the outputs read it, in one line: what titles, contents entries, running
    heads, PDF and e-book metadata, a pointer's label and an image's alternative text print. A line,
    column or page break is a space (unless break="no": then the word runs on over it, the
    whitespace around it goes, and a weak pc before it, a hyphen the source set at the line's end,
    with it); a choice gives the reading the text shows (f:shown-reading), an apparatus entry its
    lemma; notes, deletions and index entries are left out, and so is the indentation of
    element-only containers (f:is-indentation). Blocks inside (verse lines in a head) and the parts
    of a name (forename, surname) are separated by a space. Before, each of these read the
    element's text nodes as they stand: "Book with<lb/>broken titles" was "Book withbroken titles",
    and a choice printed both readings ("Viertes KapitlViertes Kapitel").
  -->
  <xsl:function name="f:reading-text" as="xs:string">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:variable name="parts" as="xs:string*">
      <xsl:apply-templates select="$nodes" mode="m:reading-text"/>
    </xsl:variable>
    <xsl:sequence select="normalize-space(replace(string-join($parts), '\s*&#xFDD0;\s*', ''))"/>
  </xsl:function>

  <xsl:mode name="m:reading-text" on-no-match="shallow-skip"/>
  <xsl:template match="document-node()" mode="m:reading-text"><xsl:apply-templates select="*" mode="m:reading-text"/></xsl:template>
  <xsl:template match="text()" mode="m:reading-text"><xsl:sequence select="string(.)"/></xsl:template>
  <xsl:template match="text()[f:is-indentation(.)]" mode="m:reading-text"/>
  <xsl:template match="*" mode="m:reading-text">
    <xsl:variable name="spaced" select="f:is-block(.) or exists(parent::*[local-name() = ('persName', 'placeName', 'orgName', 'name', 'bibl', 'respStmt')]
                                        [not(text()[normalize-space()])])"/>
    <xsl:if test="$spaced"><xsl:sequence select="' '"/></xsl:if>
    <xsl:apply-templates mode="m:reading-text"/>
    <xsl:if test="$spaced"><xsl:sequence select="' '"/></xsl:if>
  </xsl:template>
  <xsl:template match="tei:note | tei:del[not(parent::tei:restore)][not(tei:restore)] | tei:index" mode="m:reading-text"/>
  <xsl:template match="tei:g[f:is-empty-glyph(.)]" mode="m:reading-text"><xsl:sequence select="f:glyph-mapping(.)"/></xsl:template>
  <xsl:template match="tei:choice" mode="m:reading-text">
    <xsl:apply-templates select="f:shown-reading(.)" mode="m:reading-text"/>
  </xsl:template>
  <xsl:template match="tei:app" mode="m:reading-text">
    <xsl:apply-templates select="f:lemma(.)" mode="m:reading-text"/>
  </xsl:template>
  <xsl:template match="tei:lb | tei:cb | tei:pb" mode="m:reading-text">
    <xsl:sequence select="if (f:is-word-break(.)) then '&#xFDD0;' else ' '"/>
  </xsl:template>
  <xsl:template match="tei:pc[f:ends-broken-word(.)]" mode="m:reading-text">
    <xsl:sequence select="'&#xFDD0;'"/>
  </xsl:template>

  <!--
    A text node with the whitespace next to a break inside a word (f:is-word-break) taken away,
    before or after the break: "inter<lb break="no"/>⏎  national" is one word again (the search
    index reads text node by text node).
  -->
  <xsl:function name="f:word-break-trimmed" as="xs:string">
    <xsl:param name="text" as="text()"/>
    <xsl:variable name="before" select="matches($text, '\s$') and exists($text/following::node()[not(self::text()[not(normalize-space())])][1]
        [(self::tei:lb or self::tei:cb or self::tei:pb) and f:is-word-break(.) or self::tei:pc and f:ends-broken-word(.)])"/>
    <xsl:variable name="after" select="matches($text, '^\s') and exists($text/preceding::node()[not(self::text()[not(normalize-space())])][1]
        [self::tei:lb or self::tei:cb or self::tei:pb][f:is-word-break(.)])"/>
    <xsl:variable name="trimmed" select="if ($before) then replace($text, '\s+$', '') else string($text)"/>
    <xsl:sequence select="if ($after) then replace($trimmed, '^\s+', '') else $trimmed"/>
  </xsl:function>

  <!-- A line, column or page break inside a word (break="no"): the word runs on over it. -->
  <xsl:function name="f:is-word-break" as="xs:boolean">
    <xsl:param name="break" as="element()"/>
    <xsl:sequence select="$break/@break = ('no', 'false', 'n')"/>
  </xsl:function>

  <!-- A weak pc (a hyphen the source set at a line's end, force="weak") before a break inside a word: it goes with the break. -->
  <xsl:function name="f:ends-broken-word" as="xs:boolean">
    <xsl:param name="pc" as="element(tei:pc)"/>
    <xsl:sequence select="$pc/@force = 'weak'
                          and exists($pc/following::node()[not(self::text()[not(normalize-space())])][1]
                                     [self::tei:lb or self::tei:cb or self::tei:pb][f:is-word-break(.)])"/>
  </xsl:function>

  <!--
    A choice shows one reading, the edited one (corr, reg, expan; else its first reading that is
    not the source's, else its first child), and keeps the others as alternates the renderer shows
    beside it (f:alternate-readings): the source's readings (sic, orig, abbr: f:source-readings)
    and the editors' other readings (a second corr, reg or expan, a second unclear or seg:
    f:other-readings). Only the first are what the source has: labelling every alternate "source"
    said that a second correction was the source's, and the page's source view glued them
    ("recieverelieve").
  -->
  <xsl:function name="f:shown-reading" as="element()?">
    <xsl:param name="choice" as="element(tei:choice)"/>
    <xsl:sequence select="($choice/(tei:corr | tei:reg | tei:expan), $choice/*[not(f:is-source-reading(.))], $choice/*)[1]"/>
  </xsl:function>

  <xsl:function name="f:alternate-readings" as="element()*">
    <xsl:param name="choice" as="element(tei:choice)"/>
    <xsl:sequence select="$choice/* except f:shown-reading($choice)"/>
  </xsl:function>

  <xsl:function name="f:source-readings" as="element()*">
    <xsl:param name="choice" as="element(tei:choice)"/>
    <xsl:sequence select="f:alternate-readings($choice)[f:is-source-reading(.)]"/>
  </xsl:function>

  <xsl:function name="f:other-readings" as="element()*">
    <xsl:param name="choice" as="element(tei:choice)"/>
    <xsl:sequence select="f:alternate-readings($choice)[not(f:is-source-reading(.))]"/>
  </xsl:function>

  <!--
    A source's reading that is empty: the source has nothing where the editors supply a word
    (<choice><sic/><corr>the</corr></choice>, the TEI's way to supply an omitted word). The outputs
    say "not in the source" rather than an empty "[source: ]".
  -->
  <xsl:function name="f:is-omitted-reading" as="xs:boolean">
    <xsl:param name="reading" as="element()"/>
    <xsl:sequence select="f:is-source-reading($reading) and empty($reading/*) and not(normalize-space($reading))"/>
  </xsl:function>

  <!-- A reading of a choice that is the source's: sic, orig, abbr. -->
  <xsl:function name="f:is-source-reading" as="xs:boolean">
    <xsl:param name="reading" as="element()"/>
    <xsl:sequence select="exists($reading[self::tei:sic or self::tei:orig or self::tei:abbr])"/>
  </xsl:function>

  <!-- The reading an apparatus entry shows in the text: its lemma, else its first reading. -->
  <xsl:function name="f:lemma" as="element()?">
    <xsl:param name="app" as="element(tei:app)"/>
    <xsl:sequence select="($app/tei:lem, $app/tei:rdgGrp/tei:lem, $app/(tei:rdg | tei:rdgGrp/tei:rdg))[1]"/>
  </xsl:function>

  <!--
    The character or glyph a g stands for (its @ref: a char or glyph of the document's charDecl,
    or of a file the edition loaded), and the character an empty g prints for it: its mapping,
    the standard one first, then any other, a private-use one (MUFI's PUA) last. An empty
    <g ref="#rrot"/> is the Guidelines' own way of writing a non-standard character; it printed
    nothing ("Wot" for "Wo<g ref="#rrot"/>t"). Empty when the declaration has no mapping (the
    outputs print a sign in its place, and validation warns: glyph-mapping).
  -->
  <xsl:function name="f:glyph-declaration" as="element()?">
    <xsl:param name="g" as="element(tei:g)"/>
    <xsl:sequence select="tokenize($g/@ref)[1] ! f:resolve(., $g)[self::tei:char or self::tei:glyph]"/>
  </xsl:function>

  <xsl:function name="f:glyph-mapping" as="xs:string?">
    <xsl:param name="g" as="element(tei:g)"/>
    <xsl:variable name="mappings" select="f:glyph-declaration($g)/tei:mapping[normalize-space()]"/>
    <xsl:sequence select="($mappings[@type = 'standard'], $mappings[not(lower-case(@type) = ('pua', 'private'))], $mappings)[1] ! normalize-space(.)"/>
  </xsl:function>

  <!-- Whether a g has no character of its own (nothing but whitespace): it prints its declaration's (f:glyph-mapping). -->
  <xsl:function name="f:is-empty-glyph" as="xs:boolean">
    <xsl:param name="g" as="element(tei:g)"/>
    <xsl:sequence select="not($g/*) and not(normalize-space($g))"/>
  </xsl:function>

  <!-- Only URLs that cannot run script: http(s), mailto, relative paths and fragments. -->
  <xsl:function name="f:safe-url" as="xs:string?">
    <xsl:param name="url" as="xs:string?"/>
    <xsl:variable name="u" select="normalize-space($url)"/>
    <xsl:sequence select="
      if (not($u)) then ()
      else if (matches($u, '^(https?:|mailto:|#|[^:/?#]*([/?#]|$))', 'i')) then $u
      else ()"/>
  </xsl:function>

  <!-- What Java needs to order and list documents: computed here so there is one definition. -->
  <xsl:function name="f:metadata" as="map(xs:string, xs:string)" visibility="public">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:variable name="tei" select="$doc/*"/>
    <xsl:variable name="date" select="f:document-date($tei)"/>
    <xsl:sequence select="map{
      'id': f:doc-id($tei),
      'title': f:title($tei),
      'main-title': string(f:main-title($tei)),
      'sort-date': if ($date and not(f:is-vague($date))) then f:chronological-key($date) else '',
      'date': if ($date) then f:format-date($date) else '',
      'published': string(($tei/tei:teiHeader/tei:fileDesc/tei:publicationStmt/tei:date)[1] ! (@when, .)[1]),
      'editors': string-join($tei/tei:teiHeader/tei:fileDesc/tei:titleStmt/(tei:editor, tei:respStmt/tei:name) ! normalize-space(.), ', ')
    }"/>
  </xsl:function>
</xsl:stylesheet>
