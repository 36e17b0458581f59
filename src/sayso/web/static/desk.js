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
  }

  function mapPage() {
    var list = document.getElementById("place-articles");
    if (!list) { return; }
    document.querySelectorAll("a.pin").forEach(function (pin) {
      pin.addEventListener("click", function (event) {
        event.preventDefault();
        var row = document.getElementById("place-" + pin.dataset.place);
        while (list.firstChild) { list.removeChild(list.firstChild); }
        if (!row) { return; }
        var head = document.createElement("li");
        head.className = "place-name";
        head.textContent = row.dataset.name;
        list.appendChild(head);
        row.querySelectorAll("td a").forEach(function (a) {
          var li = document.createElement("li");
          var link = document.createElement("a");
          link.href = a.getAttribute("href");
          link.textContent = a.textContent;
          li.appendChild(link);
          list.appendChild(li);
        });
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () { articlePage(); mapPage(); });
}());
