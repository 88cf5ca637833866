"""
Ablation variants of editio's stylesheets (README, Performance: "What the HTML stage's time is
made of"): each replaces one part of the HTML stage's XSLT work with a trivial one, so that
`editio bench` on each shows what that part costs. Usage: python3 ablate.py REPO OUT
"""
import os, shutil, sys
SRC = os.path.join(sys.argv[1], 'xslt')
OUT = sys.argv[2]

def cut(s, start, end, replacement):
    i = s.index(start); j = s.index(end, i) + len(end)
    return s[:i] + replacement + s[j:]

def variant(name, edits):
    d = os.path.join(OUT, name)
    shutil.rmtree(d, ignore_errors=True)
    shutil.copytree(SRC, os.path.join(d, 'xslt'))
    for path, fn in edits:
        p = os.path.join(d, 'xslt', path)
        s = open(p).read(); s = fn(s); open(p, 'w').write(s)

shell = ('html/document.xsl', lambda s: cut(s, '      <xsl:with-param name="content">',
         '      </xsl:with-param>\n    </xsl:call-template>\n  </xsl:template>',
         '<xsl:with-param name="content"><p>x</p></xsl:with-param>\n    </xsl:call-template>\n  </xsl:template>'))
nopage = ('html/document.xsl', lambda s: cut(s, '  <xsl:template match="/">', '</xsl:template>',
          '  <xsl:template match="/"><html><body><p><xsl:value-of select="f:title((tei:TEI | tei:teiCorpus)[1])"/></p></body></html></xsl:template>'))
def record(s):
    s = cut(s, '      <xsl:for-each select="f:year($tei)">', '    </doc>',
            '<field name="title"><seg><xsl:value-of select="f:title($tei)"/></seg></field>\n    </doc>')
    i = s.index('<doc id="{f:doc-id($tei)}"'); j = s.index('>', s.index('calendar="{f:is-calendar($tei)}"')) + 1
    return s[:i] + '<doc id="{f:doc-id($tei)}" page="x" title="" date="" sender="" addressee="" type="" calendar="false">' + s[j:]
norecord = ('html/search-data.xsl', record)
def site(s):
    s = cut(s, '<xsl:sequence select="string-join((\n        string(base-uri($doc)),', "), '&#10;')\"/>",
            '<xsl:sequence select="string(base-uri($doc))"/>')
    return cut(s, '    <xsl:variable name="here" select="f:path($page)"/>\n    <xsl:choose>', '</xsl:choose>',
               '<html><body><p><xsl:value-of select="$page"/></p></body></html>')
nosite = ('html/site.xsl', site)

variant('full', [])
variant('shell', [shell])
variant('nopage', [nopage])
variant('norecord', [nopage, norecord])
variant('noxslt', [nopage, norecord, nosite])
print('ok')
