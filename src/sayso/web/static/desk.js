/* sayso desk: the few behaviours the pages need. No framework, no inline script; text only through textContent. */
(function () {
  "use strict";

  function showRecord(fields, rec) {
    var dl = document.getElementById("details-fields");
    if (!dl || !rec) { return; }
    while (dl.firstChild) { dl.removeChild(dl.firstChild); }
    Object.keys(rec).forEach(function (key) {
      var value = rec[key];
      if (value === null || value === undefined || value === "" || (Array.isArray(value) && !value.length)) { return; }
      var dt = document.createElement("dt");
      dt.textContent = key;
      var dd = document.createElement("dd");
      dd.textContent = Array.isArray(value) ? value.join("; ") : String(value);
      dl.appendChild(dt);
      dl.appendChild(dd);
    });
    document.querySelectorAll("mark.selected").forEach(function (m) { m.classList.remove("selected"); });
    document.querySelectorAll('mark[data-rec="' + fields + '"]').forEach(function (m) { m.classList.add("selected"); });
  }

  function articlePage() {
    var block = document.getElementById("records");
    var text = document.getElementById("article-text");
    if (!block || !text) { return; }
    var records = JSON.parse(block.textContent);
    function pick(event) {
      var mark = event.target.closest("mark[data-rec]");
      if (mark) { showRecord(mark.dataset.rec, records[mark.dataset.rec]); }
    }
    text.addEventListener("click", pick);
    text.addEventListener("focusin", pick);
    text.addEventListener("mouseover", pick);
    text.addEventListener("keydown", function (event) { if (event.key === "Enter") { pick(event); } });
    function fromHash() {   // #e0: an event's evidence, linked from the events list or another page
      var rec = window.location.hash.slice(1);
      if (!/^[a-z][0-9]+$/.test(rec) || !records[rec]) { return; }
      showRecord(rec, records[rec]);
      var first = document.querySelector('mark[data-rec="' + rec + '"]');
      if (first) { first.scrollIntoView({block: "center"}); }
    }
    window.addEventListener("hashchange", fromHash);
    fromHash();
  }

  function listInto(list, heading, links) {
    while (list.firstChild) { list.removeChild(list.firstChild); }
    var head = document.createElement("li");
    head.className = "place-name";
    head.textContent = heading;
    list.appendChild(head);
    links.forEach(function (a) {
      var li = document.createElement("li");
      var link = document.createElement("a");
      link.href = a.getAttribute("href");
      link.textContent = a.textContent;
      if (a.getAttribute("title")) { link.title = a.getAttribute("title"); }
      li.appendChild(link);
      list.appendChild(li);
    });
  }

  function mapPage() {
    var list = document.getElementById("place-articles");
    if (!list) { return; }
    document.querySelectorAll("a.pin").forEach(function (pin) {
      pin.addEventListener("click", function (event) {
        event.preventDefault();
        var row = document.getElementById("place-" + pin.dataset.place);
        if (row) { listInto(list, row.dataset.name, Array.prototype.slice.call(row.querySelectorAll("td a"))); }
      });
    });
    document.querySelectorAll("svg.map a.ev-pin").forEach(function (pin) {
      pin.addEventListener("click", function (event) {
        event.preventDefault();
        var row = document.getElementById("ev-" + pin.dataset.event);
        var title = pin.querySelector("title");
        if (!row) { return; }
        listInto(list, title ? title.textContent : "", Array.prototype.slice.call(row.querySelectorAll("ul.reports a")));
        document.querySelectorAll("tr.event-row.selected").forEach(function (r) { r.classList.remove("selected"); });
        row.classList.add("selected");
      });
    });
  }

  function filterForms() {   // an empty field means "any": leave it out of the query rather than send it empty
    document.querySelectorAll("form.filters").forEach(function (form) {
      form.addEventListener("submit", function () {
        form.querySelectorAll("input, select").forEach(function (field) {
          if (field.name && field.value === "") { field.disabled = true; }
        });
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () { articlePage(); mapPage(); filterForms(); });
}());
