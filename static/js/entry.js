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

  // The page's separators (core.numbers on the server): Vietnamese "1.234,5", English "1,234.5". Anything the
  // server would refuse shows no percentage here; the server's message says why after saving.
  var group = lang.indexOf("vi") === 0 ? "." : ",";
  var decimal = lang.indexOf("vi") === 0 ? "," : ".";
  function parse(text) {
    var s = (text || "").replace(/[\s\u00a0\u202f]/g, "");
    if (s === "") {
      return null;
    }
    var parts = s.split(decimal);
    if (parts.length > 2 || (parts.length === 2 && !/^[0-9]+$/.test(parts[1]))) {
      return NaN;
    }
    var whole = parts[0];
    if (whole.indexOf(group) !== -1) {
      if (!/^[0-9]{1,3}(\.[0-9]{3})+$/.test(whole.split(group).join("."))) {
        return NaN;
      }
      whole = whole.split(group).join("");
    }
    if (!/^[0-9]*$/.test(whole) || (whole === "" && parts.length === 1)) {
      return NaN;
    }
    return parseFloat((whole || "0") + (parts.length === 2 ? "." + parts[1] : ""));
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
