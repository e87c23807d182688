/* search.js: client-side search for search.html over the index that annals
 * writes at build time (search-index.js sets window.ANNALS_SEARCH to a list
 * of {k: kind, t: title, u: url, d: date, x: text}).  No framework, no
 * network.  The page works without it: the form stays hidden and a
 * <noscript> note points to the timeline. */
(function () {
	"use strict";

	var form = document.getElementById("search-form");
	var input = document.getElementById("search-input");
	var status = document.getElementById("search-status");
	var list = document.getElementById("search-results");
	var index = window.ANNALS_SEARCH;
	if (!form || !input || !list || !Array.isArray(index)) return;

	var KINDS = { event: "Event", entity: "Entity", article: "Article" };

	/* Lower case without accents, so "turk" finds "Türk". */
	function fold(s) {
		return String(s || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
	}

	var docs = index.map(function (e) {
		return { e: e, title: fold(e.t), text: fold(e.x) };
	});

	function terms(q) {
		return fold(q).split(/[^\p{L}\p{N}]+/u).filter(function (w) { return w.length > 0; });
	}

	/* Every term must occur; a hit in the title counts more. */
	function search(q) {
		var ts = terms(q);
		if (ts.length === 0) return [];
		var hits = [];
		docs.forEach(function (d, i) {
			var score = 0;
			for (var j = 0; j < ts.length; j++) {
				var inTitle = d.title.indexOf(ts[j]) >= 0;
				if (!inTitle && d.text.indexOf(ts[j]) < 0) return;
				score += inTitle ? 3 : 1;
			}
			hits.push({ d: d, score: score, i: i });
		});
		hits.sort(function (a, b) { return b.score - a.score || a.i - b.i; });
		return hits;
	}

	/* The words around the first term found in the text. */
	function snippet(e, ts) {
		var text = String(e.x || ""), low = fold(text), at = -1;
		for (var j = 0; j < ts.length && at < 0; j++) at = low.indexOf(ts[j]);
		if (at < 0) return text.slice(0, 160);
		var start = Math.max(0, text.lastIndexOf(" ", Math.max(0, at - 60)));
		return (start > 0 ? "… " : "") + text.slice(start, start + 180).trim() + "…";
	}

	function render(q) {
		var ts = terms(q), hits = search(q);
		list.textContent = "";
		if (ts.length === 0) {
			status.textContent = "";
			return;
		}
		status.textContent = hits.length === 1 ? "1 result" : hits.length + " results";
		hits.slice(0, 50).forEach(function (h) {
			var e = h.d.e;
			var li = document.createElement("li");
			li.className = "search-result";
			var kind = document.createElement("span");
			kind.className = "label";
			kind.textContent = KINDS[e.k] || e.k;
			var a = document.createElement("a");
			a.href = e.u;
			a.textContent = e.t;
			li.appendChild(kind);
			li.appendChild(a);
			if (e.d) {
				var date = document.createElement("span");
				date.className = "meta";
				date.textContent = " · " + e.d;
				li.appendChild(date);
			}
			var p = document.createElement("p");
			p.textContent = snippet(e, ts);
			li.appendChild(p);
			list.appendChild(li);
		});
	}

	var params = new URLSearchParams(window.location.search);
	input.value = params.get("q") || "";
	form.hidden = false;
	form.addEventListener("submit", function (ev) {
		ev.preventDefault();
		render(input.value);
	});
	input.addEventListener("input", function () {
		render(input.value);
		if (window.history && window.history.replaceState) {
			var url = input.value ? "?q=" + encodeURIComponent(input.value) : window.location.pathname;
			try { window.history.replaceState(null, "", url); } catch (err) { /* file:// may refuse */ }
		}
	});
	if (input.value) render(input.value);
})();
