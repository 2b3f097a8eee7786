/* The indicator dashboard: draws the charts from the JSON the page embeds
   (json_script "dashboard-data"); a click on any element opens its records.
   Plain ES2017 for Chromium 90-era browsers; ECharts is served from our own files. */
(function () {
  "use strict";
  var node = document.getElementById("dashboard-data");
  if (!node || typeof echarts === "undefined") { return; }
  var data = JSON.parse(node.textContent);
  var RED = "#a4161a";

  function openUrl(params) {
    var url = params && params.data && params.data.url;
    if (url) { window.location.href = url; }
  }

  function chart(id, option) {
    var el = document.getElementById(id);
    if (!el) { return null; }
    var c = echarts.init(el);
    c.setOption(option);
    c.on("click", openUrl);
    window.addEventListener("resize", function () { c.resize(); });
    return c;
  }

  // ECharts sets a tooltip formatter's string as HTML: every value in it is escaped here
  // (a unit's name is typed by users; issue 17 point 1). Labels are drawn on the canvas.
  var esc = window.fazhi.escapeHtml;  // static/fazhi/site.js
  function shown(value) { return value === null || value === undefined ? "—" : value; }

  function fmt(p) { return esc(p.name) + "：" + esc(p.data.shown || shown(p.data.value)); }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  // A county's year at a glance: per register, a bar chart of its counts and its rates as figures.
  var glance = document.getElementById("glance");
  (data.glance || []).forEach(function (group, i) {
    var card = el("div", "card");
    card.appendChild(el("h2", "", group.register));
    group.rates.forEach(function (r) {
      var a = el(r.url ? "a" : "span", "badge badge-good", r.name + " " + r.shown);
      if (r.url) { a.href = r.url; }
      a.style.marginRight = "6px";
      card.appendChild(a);
    });
    if (group.bars.length) {
      var box = el("div", "chart");
      box.id = "chart-glance-" + i;
      box.style.height = Math.max(160, group.bars.length * 28 + 40) + "px";
      card.appendChild(box);
    }
    glance.appendChild(card);
    if (group.bars.length) {
      chart(box.id, {
        grid: { left: 8, right: 60, top: 8, bottom: 8, containLabel: true },
        tooltip: { formatter: fmt },
        xAxis: { type: "value" },
        yAxis: { type: "category", inverse: true, data: group.bars.map(function (b) { return b.name; }) },
        series: [{ type: "bar", itemStyle: { color: RED }, label: { show: true, position: "right", formatter: function (p) { return p.data.shown; } },
          data: group.bars.map(function (b) { return { value: b.value === null ? 0 : b.value, shown: b.shown, url: b.url }; }) }]
      });
    }
  });

  if (data.trend) {
    chart("chart-trend", {
      grid: { left: 8, right: 24, top: 24, bottom: 8, containLabel: true },
      tooltip: { trigger: "item", formatter: function (p) { return esc(p.name) + "年：" + esc(shown(p.data.value)) + esc(data.trend.unit); } },
      xAxis: { type: "category", data: data.trend.points.map(function (p) { return String(p.year); }) },
      yAxis: { type: "value", name: data.trend.unit },
      series: [{ type: "line", symbolSize: 10, itemStyle: { color: RED }, label: { show: true },
        data: data.trend.points.map(function (p) { return { value: p.value, url: p.url }; }) }]
    });
  }

  if (data.compare && data.compare.points.length) {
    chart("chart-compare", {
      grid: { left: 8, right: 24, top: 24, bottom: 8, containLabel: true },
      tooltip: { trigger: "item", formatter: function (p) { return esc(p.name) + "：" + esc(shown(p.data.value)) + esc(data.compare.unit); } },
      xAxis: { type: "category", axisLabel: { rotate: 30, interval: 0 }, data: data.compare.points.map(function (p) { return p.unit; }) },
      yAxis: { type: "value", name: data.compare.unit },
      series: [{ type: "bar", itemStyle: { color: RED },
        data: data.compare.points.map(function (p) { return { value: p.value, url: p.url }; }) }]
    });
  }

  var dl = data.deadlines;
  if (dl && dl.available) {
    chart("chart-deadlines", {
      tooltip: { trigger: "item", formatter: function (p) { return esc(p.name) + "：" + esc(p.value); } },
      series: [{ type: "pie", radius: ["40%", "70%"], label: { formatter: "{b}：{c}" },
        data: [
          { name: "逾期", value: dl.overdue_count, url: dl.list_url, itemStyle: { color: "#e02020" } },
          { name: "临期", value: dl.soon_count, url: dl.list_url, itemStyle: { color: "#f5a623" } }
        ] }]
    });
  }
})();
