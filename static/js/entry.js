/* Entry grid: show the percentage of a ratio while numerator and denominator are typed.
   The server computes and shows it again after saving; this is only a convenience (no inline script: CSP). */
(function () {
  "use strict";
  var form = document.getElementById("entry-form");
  if (!form) {
    return;
  }
  var lang = document.documentElement.lang || "vi";
  var format = new Intl.NumberFormat(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

  // Vietnamese writes 99,5 and 1.234,5; a plain 99.5 is accepted too (as the server does).
  function parse(text) {
    var s = (text || "").replace(/\s/g, "");
    if (s === "") {
      return null;
    }
    if (s.indexOf(",") !== -1) {
      s = s.replace(/\./g, "").replace(",", ".");
    }
    if (!/^\d+(\.\d+)?$/.test(s)) {
      return NaN;
    }
    return parseFloat(s);
  }

  function update(prefix) {
    var output = form.querySelector('[data-entry-percent="' + prefix + '"]');
    var numerator = form.querySelector('[data-entry-numerator="' + prefix + '"]');
    var denominator = form.querySelector('[data-entry-denominator="' + prefix + '"]');
    if (!output || !numerator || !denominator) {
      return;
    }
    var n = parse(numerator.value);
    var d = parse(denominator.value);
    if (n === null || d === null || isNaN(n) || isNaN(d) || d === 0) {
      output.textContent = "";
      return;
    }
    output.textContent = format.format((n * 100) / d) + " %";
    output.classList.toggle("text-danger", n > d);
  }

  form.addEventListener("input", function (event) {
    var prefix = event.target.getAttribute("data-entry-numerator") || event.target.getAttribute("data-entry-denominator");
    if (prefix) {
      update(prefix);
    }
  });
})();
