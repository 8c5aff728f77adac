/* A job's page: poll its status (JSON) and move the progress bar; reload the page once the job has finished,
   so that the server shows the download link or the reason. Local file, no inline script (CSP). */
(function () {
  "use strict";
  var box = document.getElementById("job-progress");
  if (!box) {
    return;
  }
  var fill = document.getElementById("job-bar-fill");
  var bar = document.getElementById("job-bar");
  var count = document.getElementById("job-count");
  var state = document.getElementById("job-state");
  var step = document.getElementById("job-step");
  var lang = document.documentElement.lang || "vi";
  var number = new Intl.NumberFormat(lang);

  function show(percent) {
    var value = percent === null || percent === undefined ? 0 : percent;
    fill.style.width = value + "%";
    fill.textContent = percent === null || percent === undefined ? "" : value + " %";
    bar.setAttribute("aria-valuenow", String(value));
  }

  show(parseInt(fill.getAttribute("data-percent"), 10) || 0);
  if (box.getAttribute("data-finished") === "1") {
    return;
  }

  var url = box.getAttribute("data-status-url");
  var delay = 700;

  function poll() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(String(response.status));
        }
        return response.json();
      })
      .then(function (data) {
        show(data.percent);
        state.textContent = data.state_label;
        step.textContent = data.step ? " · " + data.step : "";
        count.textContent = data.total ? number.format(data.done) + " / " + number.format(data.total) : "";
        if (data.finished) {
          window.location.reload();
          return;
        }
        delay = Math.min(delay * 1.3, 3000);
        window.setTimeout(poll, delay);
      })
      .catch(function () {
        delay = Math.min(delay * 2, 10000);
        window.setTimeout(poll, delay);
      });
  }

  window.setTimeout(poll, delay);
})();
