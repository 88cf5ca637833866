/* editio search: queries the index that editio built when the edition was published
   (assets/search/, see SearchIndex.java). The index is split so that a query loads only what it
   needs: the root, the chunks of the dictionary holding its words, the document chunks of the
   documents found, and the texts of the results shown. Every file is a script that hands its data
   to editioSearch (scripts, not fetch, so that the edition works from file:// too).

   Words are found and normalised as on the Java side (SearchAnalyzer.java): apostrophes unified,
   Unicode word boundaries (Intl.Segmenter), possessive 's removed, NFKD without combining marks,
   Lucene's ASCII folding (its table, made by editio, in fold.js), lower case, then Snowball's
   English stemmer (snowball-english.js). SearchBrowserTest compares both sides word for word.

   No eval, no inline handlers, no HTML strings, no style attributes: every text from the edition
   reaches the page as text (textContent, createTextNode), and the page works under editio's
   Content-Security-Policy (scripts of the site only). What the page says comes from the page
   (data-label-*, from labels.xsl in the edition's language); a result links the document's page
   the index names (OutputLayout's path, relative to the search page), as it is. */
(function () {
  'use strict';

  var APOSTROPHES = /[\u2019\u2018\u02B9\u02BC\u02BB\u2032\uFF07\u0060\u00B4]/g;
  var FULL_STOPS = /[.\uFF0E\uFE52\u2024]/g; /* end words on both sides (SearchAnalyzer.FULL_STOPS) */
  var MARKS = /\p{M}+/gu;
  var LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
  var HAN = /[\p{Script=Han}\p{Script=Hiragana}]/u;
  /* Lucene's tokenizer keeps a run of these scripts as one word; Intl.Segmenter cuts it by a dictionary */
  var SOUTHEAST_ASIAN = /^[\p{Script=Thai}\p{Script=Lao}\p{Script=Myanmar}\p{Script=Khmer}\p{M}]+$/u;
  var MAX_WORD = 255; /* Lucene's StandardTokenizer cuts longer words at this length */
  var PAGE = 20;
  var WEIGHTS = { title: 3, text: 1, names: 1.5 };
  /* How much a field's length lowers a hit (BM25's b). The text holds calendar entries' summaries
     (about 90 words) beside transcriptions (hundreds to thousands): at Lucene's 0.75 a
     transcription four times the average length needed six mentions of İnönü to rank with a
     summary's two. The names field is the register forms of the entries a document points to: it
     says whether the document points to a matching entry, not how often (an entry with more
     variant forms would count more) nor among how many others (see bm25). */
  var LENGTH = { title: 0.75, text: 0.5 };
  var PREFIX_WEIGHT = 0.7;
  var MAX_EXPANSIONS = 100;
  var K1 = 1.2;

  var segmenter = typeof Intl !== 'undefined' && Intl.Segmenter ? new Intl.Segmenter('en', { granularity: 'word' }) : null;
  var stemmer = window.snowballFactory ? window.snowballFactory.newStemmer('english') : null;
  var foldTable = {};

  /* ------------------------------------------------------------------ loading the index */

  var base = null;
  var store = {};
  var loading = {};

  function deliver(name, data) { store[name] = data; }

  /* Loads one file of the index (once); resolves with the data it handed over. */
  function load(name) {
    if (Object.prototype.hasOwnProperty.call(store, name)) { return Promise.resolve(store[name]); }
    if (loading[name]) { return loading[name]; }
    api.loaded.push(name);
    loading[name] = new Promise(function (resolve, reject) {
      var script = document.createElement('script');
      script.src = base + name.split('/').map(encodeURIComponent).join('/');
      script.async = true;
      script.addEventListener('load', function () {
        script.remove();
        if (Object.prototype.hasOwnProperty.call(store, name)) { resolve(store[name]); } else { reject(failed(name, 'is damaged')); }
      });
      script.addEventListener('error', function () {
        script.remove();
        delete loading[name];
        reject(failed(name, 'cannot be read'));
      });
      document.head.appendChild(script);
    });
    return loading[name];
  }

  /* An index file that could not be loaded: the page names the file (its words are the page's). */
  function failed(name, why) {
    var e = new Error('the search index file ' + name + ' ' + why);
    e.file = name;
    return e;
  }

  var api = {
    root: function (data) { deliver('index.js', data); },
    fold: function (data) { deliver('fold.js', data); },
    terms: function (n, data) { deliver('t-' + n + '.js', data); },
    words: function (n, data) { deliver('w-' + n + '.js', data); },
    docs: function (n, data) { deliver('d-' + n + '.js', data); },
    doc: function (n, data) { deliver('doc/' + n + '.js', data); },
    part: function (key, data) { deliver('doc/' + key + '.js', data); },
    /* the files requested so far, in order (what a query cost) */
    loaded: []
  };
  window.editioSearch = api;

  /* ------------------------------------------------------------------ words */

  /* Where the words of a string are: UAX #29 word boundaries, as Lucene's StandardTokenizer. */
  function spans(s) {
    var out = [];
    if (!segmenter) {
      var re = /[\p{L}\p{N}\p{M}_]+(?:['.,:][\p{L}\p{N}\p{M}_]+)*/gu;
      var m;
      while ((m = re.exec(s))) { out.push([m.index, m.index + m[0].length]); }
      return cut(out);
    }
    var run = null;
    for (var it = segmenter.segment(s)[Symbol.iterator](), step = it.next(); !step.done; step = it.next()) {
      var seg = step.value;
      var end = seg.index + seg.segment.length;
      if (SOUTHEAST_ASIAN.test(seg.segment)) {
        if (run && run[1] === seg.index) { run[1] = end; } else { if (run) { out.push(run); } run = [seg.index, end]; }
        continue;
      }
      if (run) { out.push(run); run = null; }
      if (!seg.isWordLike || !LETTER_OR_DIGIT.test(seg.segment)) { continue; }
      if (HAN.test(seg.segment)) {
        /* one word per ideograph and per hiragana, as Lucene; other letters stay together */
        var from = -1;
        var i = seg.index;
        for (var c of seg.segment) {
          if (HAN.test(c)) {
            if (from >= 0) { out.push([from, i]); from = -1; }
            out.push([i, i + c.length]);
          } else if (from < 0) { from = i; }
          i += c.length;
        }
        if (from >= 0) { out.push([from, i]); }
        continue;
      }
      out.push([seg.index, end]);
    }
    if (run) { out.push(run); }
    return cut(out);
  }

  function cut(list) {
    var out = [];
    list.forEach(function (sp) {
      for (var a = sp[0]; a < sp[1]; a += MAX_WORD) { out.push([a, Math.min(sp[1], a + MAX_WORD)]); }
    });
    return out;
  }

  function fold(word) {
    var s = word.normalize('NFKD').replace(MARKS, '');
    var folded = '';
    for (var i = 0; i < s.length; i++) {
      var c = s.charAt(i);
      folded += Object.prototype.hasOwnProperty.call(foldTable, c) ? foldTable[c] : c;
    }
    return folded.toLowerCase().replace(/ς/g, 'σ');
  }

  function stem(word) { return stemmer ? stemmer.stem(word) : word; }

  /* The words of a text: [{start, end, word, stem}] (offsets in the text). */
  function tokens(text) {
    var s = text.replace(APOSTROPHES, "'").replace(FULL_STOPS, ' ');
    var out = [];
    spans(s).forEach(function (sp) {
      var term = s.slice(sp[0], sp[1]);
      if (/'[sS]$/.test(term)) { term = term.slice(0, -2); }
      var word = fold(term.replace(/'/g, ''));
      if (word) { out.push({ start: sp[0], end: sp[1], word: word, stem: stem(word) }); }
    });
    return out;
  }

  /* ------------------------------------------------------------------ the index */

  var root = null;

  function start() {
    return Promise.all([load('fold.js'), load('index.js')]).then(function (r) {
      foldTable = r[0];
      root = r[1];
      return root;
    });
  }

  /* The chunk of a sorted list of first keys that may hold key. */
  function chunkOf(starts, key) {
    var lo = 0;
    var hi = starts.length - 1;
    var found = -1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (starts[mid] <= key) { found = mid; lo = mid + 1; } else { hi = mid - 1; }
    }
    return found;
  }

  /* The postings of a stem: [{doc, positions}], empty if the edition has no such word. */
  function postings(s) {
    var c = chunkOf(root.stems, s);
    if (c < 0) { return Promise.resolve([]); }
    return load('t-' + c + '.js').then(function (chunk) {
      var lo = 0;
      var hi = chunk.length - 1;
      while (lo <= hi) {
        var mid = (lo + hi) >> 1;
        if (chunk[mid][0] === s) { return decode(chunk[mid][1]); }
        if (chunk[mid][0] < s) { lo = mid + 1; } else { hi = mid - 1; }
      }
      return [];
    });
  }

  function decode(flat) {
    var list = [];
    var doc = 0;
    for (var i = 0; i < flat.length;) {
      doc += flat[i++];
      var n = flat[i++];
      var positions = new Array(n);
      var p = 0;
      for (var k = 0; k < n; k++) { p += flat[i++]; positions[k] = p; }
      list.push({ doc: doc, positions: positions });
    }
    return list;
  }

  /* Stems of the edition's words that begin with prefix (a folded word), at most MAX_EXPANSIONS. */
  function expansions(prefix) {
    var first = Math.max(0, chunkOf(root.words, prefix));
    var found = [];
    function from(c) {
      if (c >= root.words.length) { return Promise.resolve(found); }
      return load('w-' + c + '.js').then(function (chunk) {
        for (var i = 0; i < chunk.length; i++) {
          var w = typeof chunk[i] === 'string' ? chunk[i] : chunk[i][0];
          if (w < prefix) { continue; }
          if (w.slice(0, prefix.length) !== prefix || found.length >= MAX_EXPANSIONS) { return found; }
          var s = typeof chunk[i] === 'string' ? w : chunk[i][1];
          if (found.indexOf(s) < 0) { found.push(s); }
        }
        return from(c + 1);
      });
    }
    return from(first);
  }

  function docChunk(n) { return load('d-' + Math.floor(n / root.docChunk) + '.js'); }

  /* ------------------------------------------------------------------ queries */

  /* A query: phrases in quotes, words; the last word, while it is being typed, also a prefix. */
  function parse(q) {
    var items = [];
    var re = /["“”„«»]([^"“”„«»]*)["“”„«»]?|([^"“”„«»]+)/g;
    var m;
    while ((m = re.exec(q))) {
      if (m[1] !== undefined) {
        var words = tokens(m[1]);
        if (words.length > 1) { items.push({ phrase: words.map(function (t) { return t.stem; }), words: words }); } else if (words.length === 1) { items.push({ stems: [words[0].stem], word: words[0].word, quoted: true }); }
      } else {
        /* what is written without a space is a phrase: "U.S.A.", "Mukhtar.htm", "1.5" */
        m[2].split(/\s+/).forEach(function (chunk) {
          var words = tokens(chunk);
          if (words.length > 1) { items.push({ phrase: words.map(function (t) { return t.stem; }), words: words }); } else if (words.length === 1) { items.push({ stems: [words[0].stem], word: words[0].word }); }
        });
      }
    }
    var last = items[items.length - 1];
    if (last && !last.phrase && !last.quoted && /[\p{L}\p{N}]$/u.test(q) && last.word.length >= 2) { last.prefix = last.word; }
    /* the same word twice counts once */
    var seen = {};
    return items.filter(function (item) {
      var key = item.phrase ? '"' + item.phrase.join(' ') : item.stems[0] + (item.prefix ? '*' : '');
      if (seen[key]) { return false; }
      seen[key] = true;
      return true;
    });
  }

  function idf(df) { return Math.log(1 + (root.documents - df + 0.5) / (df + 0.5)); }

  /* Which field a position is in: 0 title, 1 text, 2 names (a document's row starts with where each ends). */
  function fieldOf(row, p) { return p < row[0] ? 0 : p < row[1] ? 1 : 2; }

  function bm25(row, positions, weight) {
    var tf = [0, 0, 0];
    positions.forEach(function (p) { tf[fieldOf(row, p)]++; });
    var score = 0;
    root.fields.forEach(function (f, i) {
      if (!tf[i]) { return; }
      if (f.name === 'names') { score += WEIGHTS.names; return; } /* BM25 of one occurrence at b = 0 */
      var length = row[i] - (i === 0 ? 0 : row[i - 1]);
      var b = LENGTH[f.name];
      score += WEIGHTS[f.name] * tf[i] * (K1 + 1) / (tf[i] + K1 * (1 - b + b * length / f.average));
    });
    return score * weight;
  }

  /* Resolves each item to its matches: doc -> {positions (to mark), parts [[positions, idf, weight]]}. */
  function match(item) {
    if (item.phrase) {
      return Promise.all(item.phrase.map(postings)).then(function (lists) {
        var result = new Map();
        var maps = lists.map(function (list) {
          var m = new Map();
          list.forEach(function (p) { m.set(p.doc, p.positions); });
          return m;
        });
        var weight = item.phrase.length;
        var phraseIdf = lists.reduce(function (sum, l) { return sum + idf(l.length); }, 0) / lists.length;
        lists[0].forEach(function (first) {
          var starts = [];
          var marks = [];
          first.positions.forEach(function (p) {
            for (var k = 1; k < maps.length; k++) {
              var at = maps[k].get(first.doc);
              if (!at || at.indexOf(p + k) < 0) { return; }
            }
            starts.push(p);
            for (var j = 0; j < maps.length; j++) { marks.push(p + j); }
          });
          if (starts.length) { result.set(first.doc, { positions: marks, parts: [[starts, phraseIdf, weight]] }); }
        });
        return result;
      });
    }
    var stems = item.stems.slice();
    var exact = stems[0];
    var more = item.prefix ? expansions(item.prefix) : Promise.resolve([]);
    return more.then(function (found) {
      found.forEach(function (s) { if (stems.indexOf(s) < 0) { stems.push(s); } });
      return Promise.all(stems.map(postings));
    }).then(function (lists) {
      var result = new Map();
      lists.forEach(function (list, i) {
        var termIdf = idf(list.length);
        var weight = stems[i] === exact ? 1 : PREFIX_WEIGHT;
        list.forEach(function (p) {
          var r = result.get(p.doc);
          if (!r) { r = { positions: [], parts: [] }; result.set(p.doc, r); }
          r.positions = r.positions.concat(p.positions);
          r.parts.push([p.positions, termIdf, weight]);
        });
      });
      return result;
    });
  }

  /**
   * Runs a query. filters: {facet: key}. Resolves with {total, results: [{doc (number), score,
   * positions}] (best first, every match), facets: {facet: [{key, label, count, selected}]}}.
   */
  function search(q, filters) {
    filters = filters || {};
    return start().then(function () {
      var items = parse(q);
      if (!items.length) { return { items: items, total: 0, results: [], facets: {} }; }
      return Promise.all(items.map(match)).then(function (matches) {
        /* every item must match: the documents of the rarest first */
        matches.sort(function (a, b) { return a.size - b.size; });
        var docs = [];
        matches[0].forEach(function (v, doc) {
          for (var i = 1; i < matches.length; i++) { if (!matches[i].has(doc)) { return; } }
          docs.push(doc);
        });
        var chunks = {};
        docs.forEach(function (d) { chunks[Math.floor(d / root.docChunk)] = true; });
        return Promise.all(Object.keys(chunks).map(function (c) { return docChunk(c * root.docChunk); })).then(function () {
          return rank(items, matches, docs, filters);
        });
      });
    });
  }

  function row(doc) { return store['d-' + Math.floor(doc / root.docChunk) + '.js'][doc % root.docChunk]; }

  var FACET_COLUMN = { year: 3, country: 4, type: 5, person: 6 };

  function rank(items, matches, docs, filters) {
    var names = Object.keys(FACET_COLUMN);
    var wanted = {};
    /* a value the edition does not have (a shared address from before a year was corrected or an id
       renamed) narrows nothing: it is left out, and the page drops it from its filters */
    var ignored = [];
    names.forEach(function (f) {
      if (!filters[f]) { return; }
      var v = root.facets[f].findIndex(function (value) { return value[0] === filters[f]; });
      if (v >= 0) { wanted[f] = v; } else { ignored.push(f); }
    });
    function passes(r, except) {
      return names.every(function (f) { return f === except || wanted[f] === undefined || r[FACET_COLUMN[f]].indexOf(wanted[f]) >= 0; });
    }
    var facets = {};
    names.forEach(function (f) {
      var counts = {};
      docs.forEach(function (d) {
        var r = row(d);
        if (!passes(r, f)) { return; }
        r[FACET_COLUMN[f]].forEach(function (v) { counts[v] = (counts[v] || 0) + 1; });
      });
      facets[f] = Object.keys(counts).map(function (v) {
        return { key: root.facets[f][v][0], label: root.facets[f][v][1], count: counts[v], selected: wanted[f] === +v };
      });
      if (wanted[f] !== undefined && wanted[f] >= 0 && !counts[wanted[f]]) {
        facets[f].push({ key: root.facets[f][wanted[f]][0], label: root.facets[f][wanted[f]][1], count: 0, selected: true });
      }
    });
    var results = [];
    docs.forEach(function (d) {
      var r = row(d);
      if (!passes(r, null)) { return; }
      var score = 0;
      var positions = [];
      matches.forEach(function (m) {
        var hit = m.get(d);
        var best = 0;
        hit.parts.forEach(function (part) { best = Math.max(best, part[1] * bm25(r, part[0], part[2])); });
        score += best;
        positions = positions.concat(hit.positions);
      });
      results.push({ doc: d, score: score, positions: positions });
    });
    results.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
    return { items: items, total: results.length, results: results, facets: facets, ignored: ignored };
  }

  /* ------------------------------------------------------------------ the page */

  function el(name, className, text) {
    var e = document.createElement(name);
    if (className) { e.className = className; }
    if (text !== undefined && text !== null) { e.textContent = text; }
    return e;
  }

  /* A segment's text with the words at the given positions marked, from token `from` to `to`. */
  function marked(parent, text, toks, first, marks, from, to) {
    var startChar = from > 0 ? toks[from].start : 0;
    var endChar = to < toks.length ? toks[to - 1].end : text.length;
    if (from > 0) { parent.appendChild(document.createTextNode('…')); }
    var at = startChar;
    for (var i = from; i < Math.min(to, toks.length); i++) {
      if (marks.has(first + i)) {
        parent.appendChild(document.createTextNode(text.slice(at, toks[i].start)));
        parent.appendChild(el('mark', null, text.slice(toks[i].start, toks[i].end)));
        at = toks[i].end;
      }
    }
    parent.appendChild(document.createTextNode(text.slice(at, endChar)));
    if (endChar < text.length) { parent.appendChild(document.createTextNode('…')); }
  }

  /* Segments with the positions they cover, from position p on: as SearchIndex.java counts them. */
  function layout(segments, p) {
    return segments.map(function (text) {
      var toks = tokens(text);
      var seg = { text: text, toks: toks, first: p };
      p += Math.max(toks.length, 1) + 1;
      return seg;
    });
  }

  /* Whether a position is in a segment that repeats the title (a calendar entry's heading). */
  function repeatsTitle(fragment, p) {
    return (fragment.repeats || []).some(function (r) { return p >= r[0] && p < r[1]; });
  }

  /*
   * The part of a document's text a result shows (doc/N.js holds the first, doc/N-K.js the
   * others): the one with the first hit outside a heading that repeats the title, else the first.
   * Resolves with {segments, first (position)}. SearchLoad.java follows the same rule.
   */
  function textPart(result, fragment) {
    var r = row(result.doc);
    var hits = result.positions.filter(function (p) { return p >= r[0] && p < r[1] && !repeatsTitle(fragment, p); });
    var first = hits.length ? Math.min.apply(null, hits) : -1;
    var parts = fragment.parts || [];
    var k = 0;
    while (k < parts.length && parts[k] <= first) { k++; }
    if (k === 0) { return Promise.resolve({ segments: fragment.fields[1], first: r[0] }); }
    return load('doc/' + result.doc + '-' + k + '.js').then(function (segments) { return { segments: segments, first: parts[k - 1] }; });
  }

  function renderResult(result, fragment, part, labels) {
    var marks = new Set(result.positions);
    var r = row(result.doc);
    var fields = [layout(fragment.fields[0], 0), layout(part.segments, part.first), layout(fragment.fields[2], r[1])];
    var li = el('li', 'result');
    var a = el('a', 'result-title');
    a.href = fragment.page; /* the document's page where the layout put it, relative to the search page */
    var title = fields[0][0];
    if (title) { marked(a, title.text, title.toks, title.first, marks, 0, title.toks.length); } else { a.textContent = fragment.title; }
    li.appendChild(a);
    var meta = el('p', 'result-meta');
    if (fragment.date) { meta.appendChild(el('span', 'meta-date', fragment.date)); }
    var parties = [fragment.sender, fragment.addressee].filter(Boolean).join(' → ');
    if (parties) { meta.appendChild(el('span', 'meta-parties', parties)); }
    if (fragment.type) { meta.appendChild(el('span', 'meta-type', fragment.type)); }
    if (fragment.calendar) { meta.appendChild(document.createTextNode(' ')); meta.appendChild(el('span', 'badge', labels.calendar)); }
    li.appendChild(meta);
    /* the passage around the first hit in the text, else the text's beginning; not a heading
       that repeats the title (a calendar entry's text starts with one), which the result shows */
    var body = fields[1].filter(function (seg) { return !repeatsTitle(fragment, seg.first); });
    var hit = null;
    body.some(function (seg) {
      for (var i = 0; i < seg.toks.length; i++) {
        if (marks.has(seg.first + i)) { hit = { seg: seg, i: i }; return true; }
      }
      return false;
    });
    var snippet = el('p', 'snippet');
    var shown = title ? [[title, 0, title.toks.length]] : []; /* segments and the words of them shown */
    if (hit) {
      shown.push([hit.seg, Math.max(0, hit.i - 12), Math.min(hit.seg.toks.length, hit.i + 20)]);
    } else if (body[0]) {
      shown.push([body[0], 0, Math.min(body[0].toks.length, 32)]);
    }
    if (shown.length > (title ? 1 : 0)) {
      var s = shown[shown.length - 1];
      marked(snippet, s[0].text, s[0].toks, s[0].first, marks, s[1], s[2]);
    }
    if (snippet.childNodes.length) { li.appendChild(snippet); }
    /* names of the registers that matched where they say what the title and the snippet do not
       show: a variant form such as "bloom" beside "Blum"; not İnönü's forms again under a
       snippet that marks "İnönü" */
    var seen = new Set();
    shown.forEach(function (s) {
      for (var i = s[1]; i < s[2]; i++) { if (marks.has(s[0].first + i)) { seen.add(s[0].toks[i].word); } }
    });
    var names = fields[2].filter(function (seg) {
      return seg.toks.some(function (t, i) { return marks.has(seg.first + i) && !seen.has(t.word); });
    });
    if (names.length) {
      var p = el('p', 'result-names');
      p.appendChild(el('span', 'label', labels.names + ': '));
      names.forEach(function (seg, i) {
        if (i) { p.appendChild(document.createTextNode('; ')); }
        marked(p, seg.text, seg.toks, seg.first, marks, 0, seg.toks.length);
      });
      li.appendChild(p);
    }
    return li;
  }

  function setUpPage() {
    var form = document.querySelector('[data-search-form]');
    if (!form) { return; }
    var box = form.querySelector('input[name="q"]');
    var status = document.querySelector('[data-search-status]');
    var list = document.querySelector('[data-search-results]');
    var more = document.querySelector('[data-search-more]');
    var aside = document.querySelector('[data-search-facets]');
    var page = document.querySelector('[data-search-index]');
    /* the root of the index (its other files are in its folder) */
    base = page.getAttribute('data-search-index').replace(/[^/]*$/, '');
    var labels = {};
    ['none', 'one', 'many', 'names', 'calendar', 'year', 'country', 'type', 'person', 'error', 'narrow'].forEach(function (k) {
      labels[k] = page.getAttribute('data-label-' + k) || k;
    });
    var params = new URLSearchParams(window.location.search);
    /* the facets an address's parameters press */
    function facetsIn(p) {
      var pressed = {};
      Object.keys(FACET_COLUMN).forEach(function (f) { if (p.get(f)) { pressed[f] = p.get(f); } });
      return pressed;
    }
    var filters = facetsIn(params);
    var current = null;
    var shown = 0;
    var run = 0;

    /* the page's words, and the file that failed (the details go to the console, for the editor) */
    function showError(e) {
      status.textContent = labels.error + (e && e.file ? ' (' + e.file + ')' : '') + ';';
      /* and a way on, which needs no index: the page's "the list of documents works without it." */
      var way = document.querySelector('[data-search-way]');
      if (way) { way.hidden = false; }
      list.textContent = ''; aside.textContent = ''; more.hidden = true;
      if (window.console) { window.console.error(e); }
    }

    /* Whether the page may rewrite its address (Chromium allows it from file:// too, for the
       query; where a browser refuses, the form's own request carries q). */
    var rewritable = (function () {
      try { window.history.replaceState(window.history.state, '', window.location.href); return true; } catch (e) { return false; }
    }());

    /* The query and the facets into the address: as one types, in place; a facet pressed or
       released ('push'), as a step of its own, which Back undoes. */
    function remember(how) {
      if (!rewritable) { return; }
      var p = new URLSearchParams();
      if (box.value) { p.set('q', box.value); }
      Object.keys(filters).forEach(function (f) { p.set(f, filters[f]); });
      var address = window.location.pathname + (p.toString() ? '?' + p.toString() : '');
      if (address === window.location.pathname + window.location.search) { return; }
      try {
        if (how === 'push') { window.history.pushState(null, '', address); } else { window.history.replaceState(null, '', address); }
      } catch (e) { /* the address stays */ }
    }

    /* Back and Forward: the search the address holds */
    function fromAddress() {
      var p = new URLSearchParams(window.location.search);
      box.value = p.get('q') || '';
      filters = facetsIn(p);
    }
    window.addEventListener('popstate', function () {
      fromAddress();
      go(false);
    });

    function show(count) {
      var slice = current.results.slice(shown, shown + count);
      var mine = run;
      return Promise.all(slice.map(function (r) {
        return load('doc/' + r.doc + '.js').then(function (fragment) {
          return textPart(r, fragment).then(function (part) { return { fragment: fragment, part: part }; });
        });
      })).then(function (loaded) {
        if (mine !== run) { return; }
        slice.forEach(function (r, i) { list.appendChild(renderResult(r, loaded[i].fragment, loaded[i].part, labels)); });
        shown += slice.length;
        more.hidden = shown >= current.total;
      });
    }

    /* the facets fold away on narrow screens (results first); the reader's choice is kept */
    var folded = null;
    var refocus = null; /* the facet value pressed from the keyboard or mouse: it keeps the focus */
    function facetsView(result) {
      aside.textContent = '';
      if (!result.total && !Object.keys(filters).length) { return; } /* nothing to narrow, nothing pressed */
      var box = el('details', 'facets');
      box.open = folded === null ? !window.matchMedia('(max-width: 40rem)').matches : !folded;
      box.addEventListener('toggle', function () { folded = !box.open; });
      box.appendChild(el('summary', null, labels.narrow));
      aside.appendChild(box);
      var again = null;
      Object.keys(FACET_COLUMN).forEach(function (f) {
        var values = result.facets[f] || [];
        if (!values.length) { return; }
        values.sort(f === 'year' ? function (a, b) { return a.key < b.key ? -1 : 1; }
          : function (a, b) { return b.count - a.count || (a.label < b.label ? -1 : 1); });
        var section = el('section', 'facet');
        var heading = el('h2', null, labels[f]);
        heading.id = 'facet-' + f;
        section.appendChild(heading);
        var ul = el('ul');
        ul.setAttribute('aria-labelledby', heading.id);
        values.slice(0, f === 'year' ? values.length : 12).forEach(function (v) {
          var li = el('li');
          var button = el('button', 'facet-value');
          button.type = 'button';
          button.setAttribute('aria-pressed', v.selected ? 'true' : 'false');
          button.appendChild(el('span', 'facet-label', v.label));
          button.appendChild(el('span', 'count', String(v.count)));
          button.addEventListener('click', function () {
            if (v.selected) { delete filters[f]; } else { filters[f] = v.key; }
            refocus = document.activeElement === button ? { facet: f, key: v.key } : null;
            go('push');
          });
          li.appendChild(button);
          if (refocus && refocus.facet === f && refocus.key === v.key) { again = button; }
          ul.appendChild(li);
        });
        section.appendChild(ul);
        box.appendChild(section);
      });
      /* the pressed button was drawn again: the focus goes to the new one, not to the page's start */
      if (again) { box.open = true; again.focus(); }
      refocus = null;
    }

    function go(keep) {
      var q = box.value;
      var mine = ++run;
      return search(q, filters).then(function (result) {
        if (mine !== run) { return; }
        current = result;
        shown = 0;
        list.textContent = '';
        (result.ignored || []).forEach(function (f) { delete filters[f]; });
        if (keep || (result.ignored || []).length) { remember(keep || 'replace'); }
        if (!result.items.length) {
          /* a query of nothing searchable (a quotation mark, a star) matches nothing, and says so; an empty box says nothing */
          status.textContent = q.trim() ? labels.none : ''; aside.textContent = ''; more.hidden = true; return;
        }
        status.textContent = (result.total === 0 ? labels.none : result.total === 1 ? labels.one : labels.many)
          .replace('{1}', result.total);
        facetsView(result);
        return show(PAGE);
      }).catch(function (e) {
        if (mine === run) { showError(e); }
      });
    }

    var timer = null;
    box.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () { go(true); }, 120);
    });
    form.addEventListener('submit', function (event) {
      if (!rewritable) { return; } /* the form's own request carries q in the address */
      event.preventDefault();
      clearTimeout(timer);
      go(true);
    });
    /* the next results: the focus goes to the first of them, so that Tab goes on through them */
    more.addEventListener('click', function () {
      var first = shown;
      show(PAGE).then(function () {
        var link = list.children[first] && list.children[first].querySelector('a');
        if (link) { link.focus(); }
      });
    });
    if (params.get('q')) { box.value = params.get('q'); }
    api.ready = start().then(function () { return box.value ? go(false) : null; });
    api.ready.catch(showError);
  }

  /* for the tests and for other pages that want to search */
  api.tokens = tokens;
  api.foldWord = fold;
  api.stem = stem;
  api.parse = parse;
  api.search = search;
  /* the ids of results (their texts are loaded for it) */
  api.ids = function (results) {
    return Promise.all(results.map(function (r) { return load('doc/' + r.doc + '.js'); }))
      .then(function (fragments) { return fragments.map(function (f) { return f.id; }); });
  };
  api.start = start;

  document.addEventListener('DOMContentLoaded', setUpPage);
}());
