<?xml version="1.0" encoding="UTF-8"?>
<!-- The shell every HTML page shares: head, skip link, site header and footer. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="http://editio.org/ns/function"
    xmlns:m="http://editio.org/ns/mode"
    exclude-result-prefixes="#all">

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no" include-content-type="no"/>


  <!-- The stylesheets every page links, in order: editio's, then the edition's own (EDITION/assets/*.css). -->
  <xsl:param name="stylesheets" as="xs:string*" select="()"/>

  <!-- The site's navigation: the documents, each register, search, about (as keys of the layout). -->
  <xsl:function name="f:navigation" as="map(xs:string, xs:string)*">
    <xsl:sequence select="$f:navigation"/>
  </xsl:function>

  <!-- f:navigation, made once per transform: it is the same on every page. -->
  <xsl:variable name="f:navigation" as="map(xs:string, xs:string)*" select="(
      map{'key': 'html:documents', 'label': f:label('documents')},
      f:register-keys() ! map{'key': 'html:register:' || ., 'label': f:register-label(.)},
      map{'key': 'html:search', 'label': f:label('search')},
      map{'key': 'html:about', 'label': f:label('about')})"/>

  <!-- Wraps $content in a complete page. $here is the page's path in the output (its links are relative to it). -->
  <xsl:template name="f:page">
    <xsl:param name="title" as="xs:string"/>
    <xsl:param name="here" as="xs:string"/>
    <xsl:param name="content" as="node()*"/>
    <html lang="{$f:labels-language}">
      <head>
        <meta charset="UTF-8"/>
        <!-- org.editio.html.Csp.POLICY: nothing inline, nothing from elsewhere (a test keeps the two equal) -->
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'self'; object-src 'none'"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="$title"/> · <xsl:value-of select="$edition-title"/></title>
        <xsl:for-each select="$stylesheets">
          <link rel="stylesheet" href="{f:relative($here, .)}"/>
        </xsl:for-each>
        <xsl:for-each select="f:href($here, 'html:asset:editio.js')">
          <script src="{.}" defer=""></script>
        </xsl:for-each>
      </head>
      <body>
        <a class="skip-link" href="#main"><xsl:value-of select="f:label('skip')"/></a>
        <header class="site-header">
          <a class="site-title" href="{f:href($here, 'html:home')}"><xsl:value-of select="$edition-title"/></a>
          <nav aria-label="{f:label('site-navigation')}">
            <xsl:for-each select="f:navigation()[exists(f:path(?key))]">
              <a href="{f:href($here, ?key)}"><xsl:value-of select="?label"/></a>
            </xsl:for-each>
          </nav>
        </header>
        <main id="main" tabindex="-1">
          <xsl:sequence select="$content"/>
        </main>
        <footer class="site-footer">
          <p>
            <xsl:value-of select="$edition-title"/>
            <xsl:for-each select="$edition//tei:availability/tei:licence[1][f:safe-url(@target)]">
              <xsl:text> · </xsl:text>
              <a href="{f:safe-url(@target)}" rel="license">
                <xsl:value-of select="if (contains(., '(CC BY')) then 'CC BY 4.0' else f:label('licence')"/>
              </a>
            </xsl:for-each>
            <xsl:text> · </xsl:text>
            <xsl:value-of select="f:label('published-with')"/>
          </p>
        </footer>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
