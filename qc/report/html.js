// The QC report's findings: the page embeds them once as compact JSON
// (#qc-data, see htmlData in html.go) and this script renders each file's
// rows when the file comes into view, a page at a time, so a report of tens
// of thousands of findings opens at once. Filters by severity and rule live
// in the URL hash ("#severity=error,warning&rule=T003") so a filtered view
// can be linked; "#f12" jumps to finding 12. Text only ever goes into the
// page through textContent, never as markup.
(function () {
  "use strict";
  var dataEl = document.getElementById("qc-data");
  var form = document.getElementById("filters");
  if (!dataEl || !form) { ready(); return; }
  var D = JSON.parse(dataEl.textContent);
  var S = D.s, RULES = D.r, FILES = D.f, ROWS = D.x;
  var SEV = ["info", "warning", "error"];
  var PAGE = 100;          // rows rendered per "show more"
  var EAGER = 2000;        // below this many findings, render every file at once
  var boxes = document.querySelectorAll("section.file .findings-box");
  var sevBoxes = form.querySelectorAll("input[name=severity]");
  var ruleSel = document.getElementById("rule-filter");
  var shown = document.getElementById("shown-count");

  // first[i] is the index in ROWS of file i's first finding: rows are
  // grouped by file, in the order of the file sections.
  var first = [], n = 0, fileOfBox = [], boxOfFile = {};
  for (var i = 0; i < FILES.length; i++) { first.push(n); n += FILES[i][0]; }
  (function () {
    var sections = document.querySelectorAll("section.file");
    for (var i = 0, b = 0; i < sections.length; i++) {
      var box = sections[i].querySelector(".findings-box");
      if (box) { fileOfBox[b] = i; boxOfFile[i] = b; b++; }
    }
  })();
  form.hidden = false;

  var filter = { sev: { error: true, warning: true, info: true }, rule: "" };
  var version = 0;         // bumped by every filter change
  var state = [];          // per box: {version, limit}
  for (var b = 0; b < boxes.length; b++) state.push({ version: -1, limit: PAGE });

  function matches(row) {
    return filter.sev[SEV[row[2]]] === true && (filter.rule === "" || S[RULES[row[1]][0]] === filter.rule);
  }
  function matching(file) {
    var out = [];
    for (var k = first[file], end = first[file] + FILES[file][0]; k < end; k++) if (matches(ROWS[k])) out.push(k);
    return out;
  }

  function pad(v, w) { v = String(v); while (v.length < w) v = "0" + v; return v; }
  // tc formats milliseconds as HH:MM:SS.mmm, like the other reports.
  function tc(ms) {
    if (ms < 0) return "";
    return pad(Math.floor(ms / 3600000), 2) + ":" + pad(Math.floor(ms / 60000) % 60, 2) + ":" +
      pad(Math.floor(ms / 1000) % 60, 2) + "." + pad(ms % 1000, 3);
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== "") e.textContent = text;
    return e;
  }
  var SVG = "http://www.w3.org/2000/svg";
  function svg(tag, attrs) {
    var e = document.createElementNS(SVG, tag);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    return e;
  }

  // timeline draws the file's matching findings on a 0..1000 strip from 0
  // to the file's last known time; info first, errors last, so the worst
  // stay on top. No times, no strip.
  function timeline(file, list) {
    var end = FILES[file][1];
    if (end <= 0) return null;
    var x = function (t) { return Math.min(Math.max(t / end * 1000, 0), 1000); };
    var fig = el("figure", "timeline");
    var s = svg("svg", { viewBox: "0 0 1000 28", preserveAspectRatio: "none", role: "img" });
    s.appendChild(svg("rect", { "class": "track", x: 0, y: 12, width: 1000, height: 4, rx: 2 }));
    if (FILES[file][2] >= 0 && FILES[file][3] >= 0) {
      var a = x(FILES[file][2]), b = x(FILES[file][3]);
      s.appendChild(svg("rect", { "class": "cues", x: a.toFixed(1), y: 12, width: Math.max(b - a, 0).toFixed(1), height: 4 }));
    }
    var ticks = 0;
    for (var sev = 0; sev < 3; sev++) {
      for (var j = 0; j < list.length; j++) {
        var row = ROWS[list[j]];
        if (row[2] !== sev || row[5] < 0) continue;
        var x0 = x(row[5]), w = row[6] >= 0 ? x(row[6]) - x0 : 0;
        w = Math.max(w, 3);
        x0 = Math.min(x0, 1000 - w);
        var link = svg("a", { "class": "tk", href: "#f" + (list[j] + 1) });
        var r = svg("rect", { "class": "tick k-" + SEV[sev], x: x0.toFixed(1), y: 3, width: w.toFixed(1), height: 22 });
        var title = svg("title", {});
        title.textContent = tc(row[5]) + " " + S[RULES[row[1]][0]] + " " + S[RULES[row[1]][1]] + ": " + row[7];
        r.appendChild(title);
        link.appendChild(r);
        s.appendChild(link);
        ticks++;
      }
    }
    s.setAttribute("aria-label", ticks + " findings on a timeline from " + tc(0) + " to " + tc(end));
    fig.appendChild(s);
    var cap = el("figcaption");
    cap.appendChild(el("span", "", tc(0)));
    cap.appendChild(el("span", "", tc(end)));
    fig.appendChild(cap);
    return fig;
  }

  function rowElement(k) {
    var row = ROWS[k], rule = RULES[row[1]], sev = SEV[row[2]];
    var tr = el("tr", "finding" + (row[11] ? " is-waived" : ""));
    tr.id = "f" + (k + 1);
    tr.setAttribute("data-severity", sev);
    tr.setAttribute("data-rule", S[rule[0]]);
    var time = el("td", "tc", tc(row[5]));
    if (row[6] >= 0) { time.appendChild(el("br")); time.appendChild(el("span", "dim", "→ " + tc(row[6]))); }
    tr.appendChild(time);
    tr.appendChild(el("td", "n", row[4] > 0 ? String(row[4]) : ""));
    tr.appendChild(el("td", "n", row[3] > 0 ? String(row[3]) : ""));
    var rc = el("td", "rule");
    if (S[rule[2]]) rc.title = S[rule[2]];
    rc.appendChild(el("code", "", S[rule[0]]));
    rc.appendChild(document.createTextNode(" " + S[rule[1]]));
    tr.appendChild(rc);
    var sc = el("td");
    sc.appendChild(el("span", "sev s-" + sev, sev));
    tr.appendChild(sc);
    var msg = el("td", "msg", row[7]);
    if (row[11]) {
      var wv = el("div", "waived");
      wv.appendChild(el("span", "k", "waived"));
      wv.appendChild(document.createTextNode(" " + S[row[11]]));
      msg.appendChild(wv);
    }
    tr.appendChild(msg);
    var ea = el("td", "ea");
    [["expected", row[8]], ["actual", row[9]]].forEach(function (p) {
      if (!p[1]) return;
      var d = el("div");
      d.appendChild(el("span", "k", p[0]));
      d.appendChild(el("span", "v", S[p[1]]));
      ea.appendChild(d);
    });
    tr.appendChild(ea);
    tr.appendChild(el("td", "src", S[row[10]]));
    return tr;
  }

  // render fills box b with its file's timeline and the first st.limit
  // matching rows, and a button for more.
  function render(b) {
    var box = boxes[b], st = state[b], file = fileOfBox[b];
    var list = matching(file);
    st.version = version;
    box.textContent = "";
    var tl = timeline(file, list);
    if (tl) box.appendChild(tl);
    var wrap = el("div", "scroll");
    var table = el("table", "findings");
    var head = el("thead"), hr = el("tr");
    ["Time", "Cue", "Line", "Rule", "Severity", "Message", "Expected / actual", "Threshold source"].forEach(function (h, i) {
      hr.appendChild(el("th", i === 1 || i === 2 ? "n" : "", h));
    });
    head.appendChild(hr);
    table.appendChild(head);
    var body = el("tbody");
    var upto = Math.min(list.length, st.limit);
    var frag = document.createDocumentFragment();
    for (var j = 0; j < upto; j++) frag.appendChild(rowElement(list[j]));
    body.appendChild(frag);
    if (list.length === 0) {
      var tr = el("tr", "empty"), td = el("td", "", "No findings match the filters.");
      td.colSpan = 8;
      tr.appendChild(td);
      body.appendChild(tr);
    }
    table.appendChild(body);
    wrap.appendChild(table);
    box.appendChild(wrap);
    if (upto < list.length) {
      var more = el("p", "more");
      var left = list.length - upto;
      var next = el("button", "", "Show " + Math.min(PAGE, left) + " more");
      next.type = "button";
      next.addEventListener("click", function () { st.limit += PAGE; render(b); });
      var all = el("button", "", "Show all " + list.length);
      all.type = "button";
      all.addEventListener("click", function () { st.limit = list.length; render(b); });
      more.appendChild(document.createTextNode(upto + " of " + list.length + " shown "));
      more.appendChild(next);
      more.appendChild(document.createTextNode(" "));
      more.appendChild(all);
      box.appendChild(more);
    }
  }

  // Boxes render when they come near the viewport (or all at once for a
  // small report) and again after a filter change while in view.
  var inView = {};
  var observer = null;
  if (ROWS.length > EAGER && "IntersectionObserver" in window) {
    observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (e) {
        var b = Number(e.target.getAttribute("data-box"));
        inView[b] = e.isIntersecting;
        if (e.isIntersecting && state[b].version !== version) render(b);
      });
    }, { rootMargin: "600px 0px" });
    for (var ob = 0; ob < boxes.length; ob++) { boxes[ob].setAttribute("data-box", ob); observer.observe(boxes[ob]); }
  }

  function apply() {
    version++;
    filter.sev = {};
    for (var i = 0; i < sevBoxes.length; i++) if (sevBoxes[i].checked) filter.sev[sevBoxes[i].value] = true;
    filter.rule = ruleSel.value;
    var count = 0;
    for (var k = 0; k < ROWS.length; k++) if (matches(ROWS[k])) count++;
    shown.textContent = String(count);
    for (var b = 0; b < boxes.length; b++) {
      state[b].limit = PAGE;
      if (!observer || inView[b]) render(b);
    }
  }

  function fromHash() {
    var h = readHash();
    if (!("severity" in h) && !("rule" in h)) return false;
    if ("severity" in h) {
      var want = h.severity.split(",");
      for (var i = 0; i < sevBoxes.length; i++) sevBoxes[i].checked = want.indexOf(sevBoxes[i].value) >= 0;
    } else {
      for (var i2 = 0; i2 < sevBoxes.length; i2++) sevBoxes[i2].checked = true;
    }
    var ok = false;
    if ("rule" in h) for (var j = 0; j < ruleSel.options.length; j++) if (ruleSel.options[j].value === h.rule) ok = true;
    ruleSel.value = ok ? h.rule : "";
    return true;
  }

  function toHash() {
    var sev = [];
    for (var i = 0; i < sevBoxes.length; i++) if (sevBoxes[i].checked) sev.push(sevBoxes[i].value);
    var parts = [];
    if (sev.length !== sevBoxes.length) parts.push("severity=" + sev.join(","));
    if (ruleSel.value !== "") parts.push("rule=" + encodeURIComponent(ruleSel.value));
    var h = parts.length ? "#" + parts.join("&") : location.pathname + location.search;
    history.replaceState(null, "", h);
  }

  // reveal shows finding k ("#f12" from a timeline tick or a shared link):
  // the filters are reset if they hide it, and its file renders far enough.
  function reveal(k) {
    if (!(k >= 0 && k < ROWS.length)) return;
    if (!matches(ROWS[k])) {
      for (var i = 0; i < sevBoxes.length; i++) sevBoxes[i].checked = true;
      ruleSel.value = "";
      apply();
      toHash();
    }
    var file = ROWS[k][0], b = boxOfFile[file];
    if (b === undefined) return;
    var list = matching(file), pos = list.indexOf(k);
    if (pos >= state[b].limit || state[b].version !== version) {
      state[b].limit = Math.max(state[b].limit, Math.ceil((pos + 1) / PAGE) * PAGE);
      render(b);
    }
    var row = document.getElementById("f" + (k + 1));
    if (row) row.scrollIntoView();
  }

  form.addEventListener("change", function () { apply(); toHash(); });
  document.getElementById("filter-reset").addEventListener("click", function () {
    for (var i = 0; i < sevBoxes.length; i++) sevBoxes[i].checked = true;
    ruleSel.value = "";
    apply();
    toHash();
  });
  function onHash() {
    if (fromHash()) { apply(); return; }
    var m = /^#f(\d+)$/.exec(location.hash);
    if (m) reveal(Number(m[1]) - 1);
  }
  window.addEventListener("hashchange", onHash);
  fromHash();
  apply();
  var m0 = /^#f(\d+)$/.exec(location.hash);
  if (m0) reveal(Number(m0[1]) - 1);
  ready();

  // ready marks the page interactive, with the time it took, for people
  // measuring it (and the browser test).
  function ready() {
    var t = (window.performance && performance.now) ? Math.round(performance.now()) : 0;
    document.documentElement.setAttribute("data-ready-ms", String(t));
  }
})();
