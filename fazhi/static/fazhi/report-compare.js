/* The analyzer's comparison of published reports: bar charts from the JSON the page
   embeds (json_script "analyzer-chart"). A static file, so that the Content-Security-Policy
   can refuse every inline script. */
(function () {
  var data = JSON.parse(document.getElementById("analyzer-chart").textContent);
  var esc = window.fazhi.escapeHtml;  // static/fazhi/site.js: report names come from uploaded files
  function axisTip(params) {
    return [esc(params[0].axisValueLabel)].concat(params.map(function (p) {
      return esc(p.seriesName) + "：" + esc(p.value === null || p.value === undefined ? "—" : p.value);
    })).join("<br>");
  }
  function bars(id, title, block, unit) {
    var el = document.getElementById(id);
    if (!el || !window.echarts || !block.labels.length) { if (el) el.style.display = "none"; return; }
    echarts.init(el).setOption({
      title: {text: title}, tooltip: {trigger: "axis", formatter: axisTip}, legend: {top: 24},
      grid: {top: 64, bottom: 90},
      xAxis: {type: "category", data: block.labels, axisLabel: {rotate: 35, interval: 0}},
      yAxis: {type: "value", name: unit},
      series: block.series.map(function (s) { return {name: s.name, type: "bar", data: s.data}; })
    });
  }
  bars("chart-counts", "各报告数量类指标", data.counts, "");
  bars("chart-rates", "各报告比率类指标", data.rates, "%");
  bars("chart-specificity", "具体程度与不一致之处", {
    labels: data.reports,
    series: [
      {name: "数据项数", data: data.specificity.figures},
      {name: "每节平均数据项", data: data.specificity.per_section},
      {name: "不一致之处", data: data.specificity.inconsistent}
    ]
  }, "");
})();
