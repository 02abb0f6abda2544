"use strict";
// Everything the report shows is already in the page, escaped when it was written.
// This script only shows, hides and reorders it; the one text it sets (a gap's
// reason) goes through textContent, never through markup.
(() => {
  document.documentElement.classList.add("js");
  const matrix = document.getElementById("matrix");
  const body = matrix.tBodies[0];
  const rows = Array.from(body.rows);
  const names = Array.from(matrix.tHead.rows[0].cells, (cell) => cell.dataset.name);
  const words = new Map(rows.map((row) => [row, row.cells[0].textContent.toLowerCase()]));
  const hint = document.getElementById("hint");
  const note = document.getElementById("cell-note");
  const status = document.getElementById("filter-status");
  const search = document.getElementById("filter-text");
  const order = document.getElementById("order");
  const shown = document.getElementById("shown");
  let marked = [];

  function open(row, cell) {
    for (const element of marked) element.classList.remove("selected", "shown");
    const section = document.getElementById("claim-" + row.dataset.file);
    section.classList.add("shown");
    marked = [section];
    hint.hidden = true;
    note.hidden = true;
    if (cell) {
      cell.classList.add("selected");
      marked.push(cell);
      const finding = section.querySelector('[data-col="' + (cell.cellIndex - 2) + '"]');
      if (finding) {
        finding.classList.add("selected");
        marked.push(finding);
        finding.scrollIntoView({ block: "nearest" });
      } else {
        note.textContent = names[cell.cellIndex] + " says nothing about this claim" +
          (cell.title ? ": " + cell.title : ".");
        note.hidden = false;
        section.before(note);
      }
    }
  }

  function filter() {
    const want = status.value;
    const text = search.value.trim().toLowerCase();
    let count = 0;
    for (const row of rows) {
      const kept = want === "all" || (want === "fails" ? row.dataset.fails === "true" : row.dataset.status === want);
      row.hidden = !(kept && (!text || words.get(row).includes(text)));
      count += row.hidden ? 0 : 1;
    }
    shown.textContent = count + " of " + rows.length + " claims";
  }

  function sort() {
    const key = order.value === "file" ? (row) => Number(row.dataset.file)
      : (row) => Number(row.dataset.rank) * rows.length + Number(row.dataset.file);
    for (const row of rows.slice().sort((a, b) => key(a) - key(b))) body.append(row);
  }

  matrix.addEventListener("click", (event) => {
    const link = event.target.closest("a");
    if (!link || !body.contains(link)) return;
    event.preventDefault();
    const cell = link.closest("td");
    open(link.closest("tr"), cell);
  });
  status.addEventListener("change", filter);
  search.addEventListener("input", filter);
  order.addEventListener("change", sort);
  filter();
})();
