// Filters for the QC report: by severity and by rule. State lives in the URL
// hash ("#severity=error,warning&rule=T003") so a filtered view can be
// linked, and so headless tests can preselect one. Without JavaScript the
// filter form stays hidden and every finding shows.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) return;
  var rows = document.querySelectorAll("tr.finding");
  var boxes = form.querySelectorAll("input[name=severity]");
  var ruleSel = document.getElementById("rule-filter");
  var shown = document.getElementById("shown-count");
  // Each timeline tick follows the visibility of the row it links to.
  var ticks = {};
  var links = document.querySelectorAll("a.tk");
  for (var t = 0; t < links.length; t++) ticks[links[t].getAttribute("href").slice(1)] = links[t];
  form.hidden = false;

  function readHash() {
    var out = {};
    var h = location.hash.replace(/^#/, "");
    if (!h) return out;
    h.split("&").forEach(function (kv) {
      var i = kv.indexOf("=");
      if (i < 0) return;
      try {
        out[decodeURIComponent(kv.slice(0, i))] = decodeURIComponent(kv.slice(i + 1));
      } catch (e) { /* a malformed hash is ignored */ }
    });
    return out;
  }

  function apply() {
    var sev = {};
    for (var i = 0; i < boxes.length; i++) if (boxes[i].checked) sev[boxes[i].value] = true;
    var rule = ruleSel.value;
    var n = 0;
    for (var j = 0; j < rows.length; j++) {
      var r = rows[j];
      var vis = sev[r.getAttribute("data-severity")] === true && (rule === "" || r.getAttribute("data-rule") === rule);
      r.hidden = !vis;
      if (ticks[r.id]) ticks[r.id].classList.toggle("off", !vis);
      if (vis) n++;
    }
    // Tables whose findings are all filtered out say so instead of
    // collapsing to a bare header.
    var tables = document.querySelectorAll("table.findings");
    for (var k = 0; k < tables.length; k++) {
      var any = tables[k].querySelector("tr.finding:not([hidden])") !== null;
      var empty = tables[k].querySelector("tr.empty");
      if (empty) empty.hidden = any;
    }
    shown.textContent = String(n);
  }

  function fromHash() {
    var h = readHash();
    if (!("severity" in h) && !("rule" in h)) return false;
    if ("severity" in h) {
      var want = h.severity.split(",");
      for (var i = 0; i < boxes.length; i++) boxes[i].checked = want.indexOf(boxes[i].value) >= 0;
    }
    if ("rule" in h) {
      var ok = false;
      for (var j = 0; j < ruleSel.options.length; j++) if (ruleSel.options[j].value === h.rule) ok = true;
      ruleSel.value = ok ? h.rule : "";
    }
    return true;
  }

  function toHash() {
    var sev = [];
    for (var i = 0; i < boxes.length; i++) if (boxes[i].checked) sev.push(boxes[i].value);
    var parts = [];
    if (sev.length !== boxes.length) parts.push("severity=" + sev.join(","));
    if (ruleSel.value !== "") parts.push("rule=" + encodeURIComponent(ruleSel.value));
    var h = parts.length ? "#" + parts.join("&") : location.pathname + location.search;
    history.replaceState(null, "", h);
  }

  form.addEventListener("change", function () { apply(); toHash(); });
  document.getElementById("filter-reset").addEventListener("click", function () {
    for (var i = 0; i < boxes.length; i++) boxes[i].checked = true;
    ruleSel.value = "";
    apply();
    toHash();
  });
  // Timeline ticks jump to a row ("#f12"); that keeps the filters, unless
  // the row is filtered out, in which case they are reset so it shows.
  window.addEventListener("hashchange", function () {
    if (fromHash()) { apply(); return; }
    var target = document.getElementById(location.hash.slice(1));
    if (target && target.hidden && target.classList.contains("finding")) {
      for (var i = 0; i < boxes.length; i++) boxes[i].checked = true;
      ruleSel.value = "";
      apply();
      target.scrollIntoView();
    }
  });
  fromHash();
  apply();
})();
