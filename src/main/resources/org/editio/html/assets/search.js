/* editio search: a lunr index built when the edition was published (search-index-N.js),
   queried in the browser. Works from file:// and from any web server. */
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    var form = document.querySelector('[data-search-form]');
    var status = document.querySelector('[data-search-status]');
    var list = document.querySelector('[data-search-results]');
    if (!form || !window.lunr || !window.EDITIO_SEARCH) { return; }
    /* the index comes in shards (built in parallel at publish time): search each, merge by score */
    var shards = window.EDITIO_SEARCH.shards.map(function (s) {
      return { index: window.lunr.Index.load(s.index), docs: s.docs };
    });
    function search(query) {
      var all = [];
      shards.forEach(function (shard) {
        shard.index.search(query).forEach(function (r) {
          all.push({ ref: r.ref, score: r.score, matchData: r.matchData, doc: shard.docs[r.ref] });
        });
      });
      return all.sort(function (a, b) { return b.score - a.score; });
    }

    /* The passage around the first word of the text that a query term matches (lunr's index
       holds no positions: the words are looked for in the text itself). */
    function snippet(doc, terms) {
      var text = doc.text;
      var lower = text.toLowerCase();
      var start = -1;
      var length = 0;
      terms.some(function (term) {
        var stem = term.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
        if (!stem) { return false; }
        var re = new RegExp('[\\p{L}\\p{N}]*' + stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + '[\\p{L}\\p{N}]*', 'u');
        var m = re.exec(lower);
        if (m) { start = m.index; length = m[0].length; return true; }
        return false;
      });
      var span = document.createElement('span');
      span.className = 'snippet';
      if (start < 0) {
        span.textContent = text.slice(0, 160) + (text.length > 160 ? '…' : '');
        return span;
      }
      var from = Math.max(0, start - 80);
      var to = Math.min(text.length, start + length + 80);
      /* whole words at both ends of the passage */
      if (from > 0) { var space = text.indexOf(' ', from); if (space >= 0 && space < start) { from = space + 1; } }
      if (to < text.length) { var last = text.lastIndexOf(' ', to); if (last > start + length) { to = last; } }
      span.appendChild(document.createTextNode((from > 0 ? '…' : '') + text.slice(from, start)));
      var mark = document.createElement('mark');
      mark.textContent = text.slice(start, start + length);
      span.appendChild(mark);
      span.appendChild(document.createTextNode(text.slice(start + length, to) + (to < text.length ? '…' : '')));
      return span;
    }

    function run(query) {
      list.textContent = '';
      if (!query.trim()) { status.textContent = ''; return; }
      var results;
      try {
        results = search(query);
      } catch (e) {
        results = search(query.replace(/[~^:*+\-]/g, ' '));
      }
      // the words come from the page (the edition's language): data-none, data-one, data-many
      status.textContent = status.getAttribute(results.length === 0 ? 'data-none'
        : results.length === 1 ? 'data-one' : 'data-many').replace('{1}', results.length);
      results.forEach(function (result) {
        var doc = result.doc;
        var li = document.createElement('li');
        var a = document.createElement('a');
        a.href = result.ref; /* the document's page, relative to the search page (search-data.xsl) */
        a.textContent = doc.title;
        li.appendChild(a);
        if (doc.date) {
          var time = document.createElement('span');
          time.className = 'date';
          time.textContent = ' ' + doc.date;
          li.appendChild(time);
        }
        li.appendChild(document.createElement('br'));
        li.appendChild(snippet(doc, Object.keys(result.matchData.metadata)));
        list.appendChild(li);
      });
    }

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var q = form.elements.q.value;
      run(q);
      if (window.history && window.history.replaceState && window.location.protocol !== 'file:') {
        window.history.replaceState(null, '', '?q=' + encodeURIComponent(q));
      }
    });
    var params = new URLSearchParams(window.location.search);
    if (params.get('q')) {
      form.elements.q.value = params.get('q');
      run(params.get('q'));
    }
  });
}());
