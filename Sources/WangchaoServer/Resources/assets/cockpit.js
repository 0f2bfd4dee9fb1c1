// 驾驶舱 live refresh: the page works without this file; with it, the headline tiles follow
// the server's `figures` events (server-sent events, reconnecting by themselves).
(function () {
  "use strict";
  var status = document.getElementById("cockpit-live");
  if (!status || !window.EventSource) return;
  var source = new EventSource(status.getAttribute("data-stream"));
  var lights = ["green", "yellow", "red", "none"];
  source.addEventListener("open", function () { status.textContent = " · 实时更新中"; });
  source.addEventListener("error", function () { status.textContent = " · 实时连接中断，正在重连"; });
  source.addEventListener("figures", function (event) {
    var figures;
    try { figures = JSON.parse(event.data); } catch (e) { return; }
    figures.forEach(function (figure) {
      var tile = document.querySelector('#cockpit-tiles [data-code="' + figure.code + '"]');
      if (!tile) return;
      var value = tile.querySelector(".tile-value");
      if (value && value.textContent !== figure.display) {
        value.textContent = figure.display;
        tile.classList.add("changed");
        setTimeout(function () { tile.classList.remove("changed"); }, 1500);
      }
      var light = tile.querySelector(".tile-light");
      if (light) light.textContent = figure.lightName || "";
      lights.forEach(function (l) { tile.classList.remove("light-" + l); });
      tile.classList.add("light-" + (figure.light || "none"));
    });
    status.textContent = " · 已更新 " + new Date().toLocaleTimeString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false });
  });
})();
