<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI pointers as TEI defines them (Guidelines 1.3.1.1.3 teidata.pointer, 16.2 pointer schemes),
  read once for every output and for validation (org.editio.validate.CorpusChecks calls f:pointers).

  A pointer attribute holds one or more URI references. Each is one of:

    none       empty
    local      '#id' or '#scheme(...)': an element of the same document
    file       a relative reference to an XML file ('letter2.xml#p3', '../registers/persons.xml#x'):
               a file of the edition when it is one, else a file editio does not publish; also a
               reference without extension to a document of the edition ('letter2#p3' beside
               letter2.xml: sites such as history.state.gov address documents by their file's name)
    web        any other relative reference ('../chapter-12#fn43', 'page.html', 'pmb2121'): a link
               relative to where the TEI is published, kept as written, never read
    external   an absolute URI ('https://...', 'mailto:', 'urn:'), a private URI whose prefix no
               prefixDef expands ('FFimg:x.jpg'), or a network path ('//host/x'): never read

  Private URIs ('tcp:110643:1') are expanded by the document's prefixDef (listPrefixDef), then
  read as above. Fragments in a pointer scheme ('#range(a,b)', '#string-range(a,0,5)',
  '#left(a)', '#xpath(//p[1])', '#xpointer(id('a'))', '#element(a/1)') are recognised: the ids
  they name are checked, the scheme is never taken for an id, and a link goes to the first id
  named (a range links its start).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="http://editio.org/ns/function"
    exclude-result-prefixes="#all">

  <!--
    The documents of the edition by the URI of their file (f:uri-key) to their ids: what pointers
    between documents resolve by (given by the Java side, Edition.stylesheetParams).
  -->
  <xsl:param name="document-files" as="map(xs:string, xs:string)" select="map{}"/>

  <!-- The attributes that hold pointers, as validation checks them. -->
  <xsl:variable name="f:pointer-attributes" as="xs:string+" select="('ref', 'corresp', 'target', 'resp', 'scheme', 'who', 'wit')"/>

  <!-- Whether the attribute holds pointers here: rendition/@scheme names a styling language (css, xslfo), not a pointer. -->
  <xsl:function name="f:is-pointer-attribute" as="xs:boolean">
    <xsl:param name="attribute" as="attribute()"/>
    <xsl:sequence select="local-name($attribute) = $f:pointer-attributes and namespace-uri($attribute) = ''
                          and not($attribute/parent::tei:rendition and local-name($attribute) = 'scheme')"/>
  </xsl:function>

  <!-- A private URI expanded by the prefixDef of its document (or of edition.xml); else unchanged. -->
  <xsl:function name="f:expand-prefix" as="xs:string">
    <xsl:param name="pointer" as="xs:string"/>
    <xsl:param name="context" as="node()"/>
    <xsl:variable name="prefix" select="substring-before($pointer, ':')"/>
    <xsl:variable name="rest" select="substring-after($pointer, ':')"/>
    <xsl:variable name="definitions" select="(root($context)//tei:teiHeader//tei:prefixDef[@ident = $prefix],
                                              $edition//tei:prefixDef[@ident = $prefix])"/>
    <xsl:variable name="expanded" as="xs:string*">
      <xsl:for-each select="$definitions">
        <xsl:variable name="pattern" select="'^(' || string(@matchPattern) || ')$'"/>
        <xsl:try>
          <!-- the pattern must match the whole rest; $1.. of the replacement are the pattern's own groups -->
          <xsl:sequence select="if (@matchPattern and matches($rest, $pattern))
                                then replace($rest, '^' || string(@matchPattern) || '$', string(@replacementPattern))
                                else ()"/>
          <xsl:catch/>
        </xsl:try>
      </xsl:for-each>
    </xsl:variable>
    <xsl:sequence select="if ($prefix and exists($expanded)) then $expanded[1] else $pointer"/>
  </xsl:function>

  <!-- The arguments of a pointer scheme, split at the commas that are not inside brackets or quotes. -->
  <xsl:function name="f:scheme-arguments" as="xs:string*">
    <xsl:param name="arguments" as="xs:string"/>
    <xsl:iterate select="string-to-codepoints($arguments) ! codepoints-to-string(.)">
      <xsl:param name="depth" as="xs:integer" select="0"/>
      <xsl:param name="quote" as="xs:string" select="''"/>
      <xsl:param name="current" as="xs:string" select="''"/>
      <xsl:on-completion><xsl:sequence select="normalize-space($current)"/></xsl:on-completion>
      <xsl:choose>
        <xsl:when test="$quote != ''">
          <xsl:next-iteration>
            <xsl:with-param name="quote" select="if (. = $quote) then '' else $quote"/>
            <xsl:with-param name="current" select="$current || ."/>
          </xsl:next-iteration>
        </xsl:when>
        <xsl:when test=". = ('''', '&quot;')">
          <xsl:next-iteration><xsl:with-param name="quote" select="."/><xsl:with-param name="current" select="$current || ."/></xsl:next-iteration>
        </xsl:when>
        <xsl:when test=". = ('(', '[')">
          <xsl:next-iteration><xsl:with-param name="depth" select="$depth + 1"/><xsl:with-param name="current" select="$current || ."/></xsl:next-iteration>
        </xsl:when>
        <xsl:when test=". = (')', ']')">
          <xsl:next-iteration><xsl:with-param name="depth" select="$depth - 1"/><xsl:with-param name="current" select="$current || ."/></xsl:next-iteration>
        </xsl:when>
        <xsl:when test=". = ',' and $depth = 0">
          <xsl:sequence select="normalize-space($current)"/>
          <xsl:next-iteration><xsl:with-param name="current" select="''"/></xsl:next-iteration>
        </xsl:when>
        <xsl:otherwise>
          <xsl:next-iteration><xsl:with-param name="current" select="$current || ."/></xsl:next-iteration>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:iterate>
  </xsl:function>

  <!--
    The ids a fragment names: a bare fragment is one id; a pointer scheme names the ids among its
    arguments (an argument that is a name, '#name', or a scheme itself); XPath arguments name none
    (editio does not evaluate them), except id('x').
  -->
  <xsl:function name="f:fragment-ids" as="xs:string*">
    <xsl:param name="fragment" as="xs:string"/>
    <xsl:variable name="scheme" select="f:fragment-scheme($fragment)"/>
    <xsl:choose>
      <xsl:when test="$fragment = ''"/>
      <xsl:when test="empty($scheme)"><xsl:sequence select="$fragment"/></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="arguments" select="replace($fragment, '^[^(]*\((.*)\)$', '$1', 's')"/>
        <xsl:choose>
          <xsl:when test="$scheme = ('range', 'string-range', 'left', 'right', 'match')">
            <!-- range(a,b), string-range(a,offset,length), left(a), right(a), match(a,'text'): ids among the pointer arguments -->
            <xsl:for-each select="f:scheme-arguments($arguments)[position() le (if ($scheme = 'range') then 2 else 1)]">
              <xsl:sequence select="if (f:fragment-scheme(.)) then f:fragment-ids(.)
                                    else if (matches(., '^#?[\i][\c]*$')) then replace(., '^#', '')
                                    else f:xpath-ids(.)"/>
            </xsl:for-each>
          </xsl:when>
          <xsl:when test="$scheme = 'element'">
            <xsl:sequence select="tokenize($arguments, '/')[1][matches(., '^[\i][\c]*$')]"/>
          </xsl:when>
          <xsl:when test="$scheme = 'id'">
            <xsl:sequence select="replace($arguments, '^\s*[''&quot;]?([^''&quot;]*)[''&quot;]?\s*$', '$1')[.]"/>
          </xsl:when>
          <xsl:otherwise>
            <!-- xpath(), xpointer(), and schemes editio does not know: the ids an id('x') names, if any -->
            <xsl:sequence select="f:xpath-ids($arguments)"/>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- The ids an XPath names literally: id('x'), @xml:id='x'. -->
  <xsl:function name="f:xpath-ids" as="xs:string*">
    <xsl:param name="xpath" as="xs:string"/>
    <xsl:analyze-string select="$xpath" regex="(id\(\s*|@xml:id\s*=\s*)['&quot;]([^'&quot;]+)['&quot;]">
      <xsl:matching-substring><xsl:sequence select="regex-group(2)"/></xsl:matching-substring>
    </xsl:analyze-string>
  </xsl:function>

  <!-- The name of the pointer scheme of a fragment ('range' of 'range(a,b)'), or empty for a plain id. -->
  <xsl:function name="f:fragment-scheme" as="xs:string?">
    <xsl:param name="fragment" as="xs:string"/>
    <xsl:sequence select="if (matches($fragment, '^[A-Za-z][A-Za-z0-9._-]*\(.*\)$', 's'))
                          then substring-before($fragment, '(') else ()"/>
  </xsl:function>

  <!--
    One pointer read as TEI defines it (see the head of this module), as a map:
      'kind'      none | local | file | web | external
      'pointer'   the pointer as written;  'expanded': after prefixDef
      'file'      for kind file: the file's URI in the form register keys use (f:uri-key)
      'fragment'  what follows '#', if anything;  'scheme': its pointer scheme, if any
      'ids'       the ids it names (to check);  'id': the first (where a link goes)
      'href'      for web and external: the URL as a link may carry it (safe), else empty
  -->
  <xsl:function name="f:pointer" as="map(xs:string, item()*)">
    <xsl:param name="pointer" as="xs:string"/>
    <xsl:param name="context" as="node()"/>
    <xsl:variable name="p" select="normalize-space($pointer)"/>
    <xsl:variable name="expanded" select="if (matches($p, '^[A-Za-z][A-Za-z0-9+.-]*:')) then f:expand-prefix($p, $context) else $p"/>
    <xsl:variable name="fragment" select="if (contains($expanded, '#')) then substring-after($expanded, '#') else ()"/>
    <xsl:variable name="path" select="if (contains($expanded, '#')) then substring-before($expanded, '#') else $expanded"/>
    <xsl:variable name="ids" select="f:fragment-ids(string($fragment))"/>
    <xsl:variable name="relative" select="not(matches($expanded, '^[A-Za-z][A-Za-z0-9+.-]*:|^//|^#')) and $expanded != ''"/>
    <xsl:variable name="resolved" select="if ($relative) then f:resolve-reference($path, $context) else ()"/>
    <!-- a reference without extension to a document of the edition: that document's file -->
    <xsl:variable name="document" select="if ($relative and $path != '' and not(contains(tokenize($path, '/')[last()], '.'))
                                              and starts-with($resolved, 'file:'))
                                          then f:uri-key($resolved || '.xml')[map:contains($document-files, .)] else ()"/>
    <xsl:variable name="kind" as="xs:string">
      <xsl:choose>
        <xsl:when test="$expanded = ''">none</xsl:when>
        <xsl:when test="starts-with($expanded, '#')">local</xsl:when>
        <xsl:when test="matches($expanded, '^[A-Za-z][A-Za-z0-9+.-]*:') or starts-with($expanded, '//')">external</xsl:when>
        <xsl:otherwise>
          <xsl:sequence select="if (empty($resolved) or not(starts-with($resolved, 'file:'))) then 'external'
                                else if (matches($path, '\.xml$', 'i') or exists($document)) then 'file' else 'web'"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <!-- a relative reference under an xml:base that is a web address is that address -->
    <xsl:variable name="absolute" select="if ($kind = 'external' and $relative) then $resolved || ($fragment ! ('#' || .)) else $expanded"/>
    <xsl:sequence select="map{
      'kind': $kind,
      'pointer': $p,
      'expanded': $expanded,
      'file': if ($kind = 'file') then ($document, f:uri-key($resolved))[1] else (),
      'fragment': $fragment,
      'scheme': f:fragment-scheme(string($fragment)),
      'ids': $ids,
      'id': $ids[1],
      'href': if ($kind = ('web', 'external')) then f:safe-url($absolute) else ()
    }"/>
  </xsl:function>

  <!--
    A relative reference resolved against the base URI of $context (xml:base counts); empty when it
    is not a URI. Written as URIs are (iri-to-uri: a space, non-ASCII letters percent-encoded), the
    spelling of the files' URIs the Java side gives ('Опись.xml' is '%D0%9E%D0%BF%D0%B8%D1%81%D1%8C.xml').
  -->
  <xsl:function name="f:resolve-reference" as="xs:string?">
    <xsl:param name="reference" as="xs:string"/>
    <xsl:param name="context" as="node()"/>
    <xsl:try>
      <xsl:sequence select="string(resolve-uri(iri-to-uri($reference), base-uri($context)))"/>
      <xsl:catch/>
    </xsl:try>
  </xsl:function>

  <!--
    Every pointer of a document, for validation: one map per token of every pointer attribute, the
    map of f:pointer plus 'element' (the element it stands on) and 'attribute' (its name). The
    header's prefixDef, refsDecl and @cRef hold patterns and canonical references, not pointers.
  -->
  <xsl:function name="f:pointers" as="map(xs:string, item()*)*" visibility="public">
    <xsl:param name="root" as="node()"/>
    <xsl:for-each select="$root//@*[f:is-pointer-attribute(.)]">
      <xsl:variable name="attribute" select="."/>
      <xsl:for-each select="tokenize(.)">
        <xsl:sequence select="map:merge((f:pointer(., $attribute/..),
                                         map{'element': $attribute/.., 'attribute': local-name($attribute)}))"/>
      </xsl:for-each>
    </xsl:for-each>
  </xsl:function>
</xsl:stylesheet>
