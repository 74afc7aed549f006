// Drill-down for the audit dashboard. A member's row opens onto its
// deliveries; each delivery is a <details> that opens onto its findings.
// The URL hash ("#member=acme&delivery=acme/long-river") says what is open,
// so a view can be linked to, and headless tests can preselect one.
// Without JavaScript every member's deliveries stay visible.
(function () {
  "use strict";
  var rows = document.querySelectorAll("tr.member");

  function drillOf(tr) { return document.getElementById(tr.id + "-drill"); }

  function setOpen(tr, open) {
    var d = drillOf(tr);
    if (!d) return;
    d.hidden = !open;
    if (open) tr.classList.add("open"); else tr.classList.remove("open");
  }

  function apply() {
    var h = readHash();
    var target = null;
    for (var i = 0; i < rows.length; i++) {
      var on = rows[i].getAttribute("data-member") === h.member;
      setOpen(rows[i], on);
      if (on) target = rows[i];
    }
    if (h.delivery) {
      var ds = document.querySelectorAll("details.delivery");
      for (var j = 0; j < ds.length; j++) {
        if (ds[j].getAttribute("data-delivery") !== h.delivery) continue;
        ds[j].open = true;
        // A delivery link works without naming its member.
        var drill = ds[j].closest("tr.drill");
        if (drill) {
          var tr = document.getElementById(drill.id.replace(/-drill$/, ""));
          if (tr) setOpen(tr, true);
        }
        target = ds[j];
      }
    }
    if (target && target.scrollIntoView) target.scrollIntoView({ block: "start" });
  }

  for (var i = 0; i < rows.length; i++) {
    (function (tr) {
      var link = tr.querySelector("a.toggle");
      if (!link) return;
      link.addEventListener("click", function (e) {
        e.preventDefault();
        var d = drillOf(tr);
        var open = d && d.hidden;
        setOpen(tr, open);
        var hash = open ? "#member=" + encodeURIComponent(tr.getAttribute("data-member")) : "";
        history.replaceState(null, "", location.pathname + location.search + hash);
      });
    })(rows[i]);
  }
  window.addEventListener("hashchange", apply);
  apply();
})();
