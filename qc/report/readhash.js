// readHash reads the page's URL hash ("#a=1&b=x%20y") into an object, the
// one way the QC report and the audit dashboard read their links: keys and
// values URI-decoded, a malformed pair ignored.
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
