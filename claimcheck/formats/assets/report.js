"use strict";
// Everything the report shows is already in the page, escaped when it was written.
// This script only shows, hides and reorders it; the one text it sets (a gap's
// reason) goes through textContent, never through markup.
// It runs in the page's head: the class it sets at once lets the style sheet hide the
// pages of a large matrix but the first before anything is laid out; the rest waits
// for the page.
document.documentElement.classList.add("js");
document.addEventListener("DOMContentLoaded", () => {
  const matrix = document.getElementById("matrix");
  // A large report's matrix is in pages, a table each with the columns its claims need.
  const tables = Array.from(matrix.querySelectorAll("table.matrix"));
  const rows = tables.flatMap((table) => Array.from(table.tBodies[0].rows));
  const words = new Map(rows.map((row) => [row, row.cells[0].textContent.toLowerCase()]));
  const hint = document.getElementById("hint");
  const note = document.getElementById("cell-note");
  const status = document.getElementById("filter-status");
  const search = document.getElementById("filter-text");
  const order = document.getElementById("order");
  const shown = document.getElementById("shown");
  const page = document.getElementById("page");
  let current = 0;
  let marked = [];

  function open(row, cell) {
    for (const element of marked) element.classList.remove("selected", "shown");
    const section = document.getElementById("claim-" + row.dataset.file);
    section.classList.add("shown");
    marked = [section];
    hint.hidden = true;
    note.hidden = true;
    if (cell && cell.tagName === "TD" && cell.cellIndex > 1) {
      const head = cell.closest("table").tHead.rows[0].cells[cell.cellIndex];
      cell.classList.add("selected");
      marked.push(cell);
      const finding = section.querySelector('.finding[data-col="' + head.dataset.col + '"]');
      if (finding) {
        finding.classList.add("selected");
        marked.push(finding);
        finding.scrollIntoView({ block: "nearest" });
      } else {
        // A gap: the check's own reason when it gave one, else the claim's for such sources.
        const reason = cell.title ||
          (cell.classList.contains("q") ? section.dataset.quiet : section.dataset.unmentioned);
        note.textContent = head.dataset.name + " says nothing about this claim: " + reason;
        note.hidden = false;
        section.before(note);
      }
    }
  }

  function filter() {
    const want = status.value;
    const text = search.value.trim().toLowerCase();
    const narrowed = want !== "all" || text !== "";
    let count = 0;
    for (const row of rows) {
      const kept = want === "all" || (want === "fails" ? row.dataset.fails === "true" : row.dataset.status === want);
      row.hidden = !(kept && (!text || words.get(row).includes(text)));
      count += row.hidden ? 0 : 1;
    }
    // Narrowed, every page with a claim left shows; else the page chosen.
    tables.forEach((table, number) => {
      const kept = narrowed ? Array.from(table.tBodies[0].rows).some((row) => !row.hidden) : number === current;
      table.classList.toggle("current", kept);
    });
    if (page) page.disabled = narrowed;
    shown.textContent = count + " of " + rows.length + " claims";
  }

  function sort() {
    const body = tables[0].tBodies[0];
    const key = order.value === "file" ? (row) => Number(row.dataset.file)
      : (row) => Number(row.dataset.rank) * rows.length + Number(row.dataset.file);
    for (const row of rows.slice().sort((a, b) => key(a) - key(b))) body.append(row);
  }

  matrix.addEventListener("click", (event) => {
    const cell = event.target.closest("td, th");
    const row = cell && cell.parentElement;
    if (!row || !row.dataset.file) return;  // a column's head
    event.preventDefault();
    open(row, cell);
  });
  status.addEventListener("change", filter);
  search.addEventListener("input", filter);
  if (tables.length > 1) {
    // Pages hold different columns: rows cannot move between them, so no reordering.
    order.parentElement.hidden = true;
    page.addEventListener("change", () => {
      current = Number(page.value);
      filter();
    });
  } else {
    order.addEventListener("change", sort);
  }
  filter();
});
