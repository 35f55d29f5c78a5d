// planctl 督查督办看板: filters by unit, light and text, and the search page.
// Plain script, no library, nothing fetched: the search data is a script the page loads.
// Plan text is data: it only ever reaches the page as textContent.
(function () {
  "use strict";

  function matches(row, unit, light, query) {
    if (unit && (row.getAttribute("data-units") || "").split("|").indexOf(unit) < 0) return false;
    if (light && (row.getAttribute("data-light") || "").split(" ").indexOf(light) < 0) return false;
    if (query && row.textContent.toLowerCase().indexOf(query) < 0) return false;
    return true;
  }

  function values(form) {
    return {
      unit: form.elements.unit.value,
      light: form.elements.light.value,
      query: form.elements.q.value.trim().toLowerCase()
    };
  }

  function restack(svg) {
    // Close the gaps hidden rows leave in a timeline.
    var axis = parseFloat(svg.getAttribute("data-axis-height"));
    var step = parseFloat(svg.getAttribute("data-row-height"));
    var shown = 0;
    svg.querySelectorAll(".gantt-row").forEach(function (row) {
      if (row.hasAttribute("hidden")) return;
      row.setAttribute("transform", "translate(0 " + (axis + step * shown) + ")");
      shown += 1;
    });
    var height = axis + step * shown + 6;
    var box = svg.getAttribute("viewBox").split(" ");
    svg.setAttribute("viewBox", [box[0], box[1], box[2], height].join(" "));
    svg.setAttribute("height", height);
  }

  function filterRows(form, target) {
    var v = values(form);
    var rows = target.querySelectorAll("[data-filter-row]");
    var shown = 0;
    rows.forEach(function (row) {
      var keep = matches(row, v.unit, v.light, v.query);
      // An attribute, not the property: SVG elements have no `hidden` property.
      if (keep) row.removeAttribute("hidden"); else row.setAttribute("hidden", "");
      if (keep) shown += 1;
    });
    if (target.hasAttribute("data-gantt")) restack(target);
    form.querySelector(".filter-count").textContent = "显示 " + shown + " / " + rows.length + " 项";
  }

  function cell(tr, text, className) {
    var td = document.createElement("td");
    if (className) td.className = className;
    td.textContent = text;
    tr.appendChild(td);
    return td;
  }

  var MOST = 200;

  function search(form, table) {
    var tasks = window.PLANCTL_TASKS || [];
    var names = window.PLANCTL_LIGHTS || {};
    var v = values(form);
    var body = table.querySelector("tbody");
    body.textContent = "";
    var found = 0;
    for (var i = 0; i < tasks.length; i++) {
      var t = tasks[i];
      if (v.unit && t[10].indexOf(v.unit) < 0) continue;
      if (v.light && t[6] !== v.light) continue;
      if (v.query && t.slice(1, 10).join("\n").toLowerCase().indexOf(v.query) < 0) continue;
      found += 1;
      if (found > MOST) continue;
      var tr = document.createElement("tr");
      tr.setAttribute("data-light", t[6]);
      tr.setAttribute("data-units", t[10].join("|"));
      var link = document.createElement("a");
      link.href = t[0];
      link.textContent = t[1];
      cell(tr, "").appendChild(link);
      cell(tr, t[2], "number");
      cell(tr, t[3]);
      cell(tr, t[4]);
      cell(tr, t[7], "due");
      var badge = document.createElement("span");
      badge.className = "light light-" + t[6];
      badge.textContent = names[t[6]] || t[6];
      cell(tr, "").appendChild(badge);
      cell(tr, t[8]);
      cell(tr, t[9]);
      body.appendChild(tr);
    }
    var text = "找到 " + found + " 项";
    if (found > MOST) text += "，列出前 " + MOST + " 项";
    form.querySelector(".filter-count").textContent = text;
  }

  // A link may choose the unit: plan-x.html#unit=市财政局 (from a unit's page).
  var chosen = /^#unit=(.+)$/.exec(window.location.hash);
  var unitFromLink = chosen ? decodeURIComponent(chosen[1]) : "";

  document.querySelectorAll("form.filters").forEach(function (form) {
    var select = form.elements.unit;
    if (unitFromLink && select.querySelector("option[value='" + CSS.escape(unitFromLink) + "']")) {
      select.value = unitFromLink;
    }
    var target = document.querySelector(form.getAttribute("data-target"));
    if (!target) return;
    var run = target.hasAttribute("data-search")
      ? function () { search(form, target); }
      : function () { filterRows(form, target); };
    form.addEventListener("input", run);
    form.addEventListener("change", run);
    run();
  });
})();
