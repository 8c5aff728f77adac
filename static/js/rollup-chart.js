/* Bar chart of the child units' results against their targets on the roll-up page.
   Data comes from the json_script element #rollup-chart-data (no inline script: CSP). */
(function () {
  "use strict";
  var source = document.getElementById("rollup-chart-data");
  var canvas = document.getElementById("rollup-chart");
  if (!source || !canvas || typeof Chart === "undefined") {
    return;
  }
  var data = JSON.parse(source.textContent);
  var colours = {
    achieved: "#198754",
    on_track: "#0d6efd",
    behind: "#dc3545",
    no_data: "#adb5bd",
    "": "#6c757d"
  };
  var lang = document.documentElement.lang || "vi";
  var number = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
  var format = function (value) {
    if (value === null || value === undefined) {
      return "—";
    }
    return number.format(value) + (data.percent ? " %" : "");
  };
  new Chart(canvas, {
    data: {
      labels: data.labels,
      datasets: [
        {
          type: "bar",
          label: data.valueLabel,
          data: data.values,
          backgroundColor: data.statuses.map(function (status) { return colours[status] || colours[""]; }),
          order: 2
        },
        {
          type: "line",
          label: data.targetLabel,
          data: data.targets,
          showLine: false,
          pointStyle: "line",
          pointRadius: 14,
          pointBorderWidth: 3,
          borderColor: "#212529",
          backgroundColor: "#212529",
          order: 1
        }
      ]
    },
    options: {
      responsive: true,
      animation: false,
      scales: {
        y: {
          beginAtZero: true,
          suggestedMax: data.percent ? 100 : undefined,
          ticks: { callback: function (value) { return format(value); } }
        }
      },
      plugins: {
        title: { display: true, text: data.title },
        tooltip: {
          callbacks: {
            label: function (context) { return context.dataset.label + ": " + format(context.parsed.y); }
          }
        }
      }
    }
  });
})();
