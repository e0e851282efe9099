// govkg explorer: search, draw a node's neighbourhood, expand on click, filter by label and year,
// and read the evidence of what is selected.
import { api, ApiError, type LabelInfo, type Meta, splitRef } from "./api";
import { Drawing, type Filters } from "./drawing";
import { el, Panel } from "./panel";

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

function status(text: string, error = false): void {
  const s = $("status");
  s.textContent = text;
  s.className = error ? "status error" : "status";
}

function failed(e: unknown): void {
  status(e instanceof ApiError ? e.message : `Something went wrong: ${e}`, true);
}

function readFilters(meta: Meta): Filters {
  const labels = new Set(meta.labels.map((l) => l.label)
    .filter((l) => ($(`label-${l}`) as HTMLInputElement).checked));
  const year = (id: string) => {
    const v = ($(id) as HTMLSelectElement).value;
    return v ? Number(v) : null;
  };
  return { labels, yearFrom: year("year-from"), yearTo: year("year-to") };
}

function setUpFilters(meta: Meta, onChange: () => void): void {
  const box = $("labels");
  for (const l of meta.labels) {
    const input = el("input", { type: "checkbox", id: `label-${l.label}`, checked: "" }) as HTMLInputElement;
    input.addEventListener("change", onChange);
    const swatch = el("span", { class: "swatch", style: `background:${l.colour};border-color:${l.border}` });
    box.append(el("label", { class: "label" }, input, swatch, l.label, el("span", { class: "count" }, String(l.count))));
  }
  for (const id of ["year-from", "year-to"]) {
    const select = $(id) as HTMLSelectElement;
    for (const y of meta.years) select.append(el("option", { value: String(y) }, String(y)));
    select.addEventListener("change", onChange);
  }
  const searchLabel = $("search-label") as HTMLSelectElement;
  for (const l of ["Jurisdiction", "Law", "Programme", "Indicator", "Report", "Person", "Commitment"]) {
    searchLabel.append(el("option", { value: l }, l));
  }
}

async function main(): Promise<void> {
  const meta = await api.meta();
  const labels: Record<string, LabelInfo> = Object.fromEntries(meta.labels.map((l) => [l.label, l]));
  const total = meta.labels.reduce((n, l) => n + l.count, 0);
  $("store").textContent = `${meta.store} store · ${total} nodes`;
  const panel = new Panel($("panel"), labels);
  const drawing = new Drawing($("graph"), meta.labels);
  const filters = () => readFilters(meta);
  setUpFilters(meta, () => drawing.apply(filters()));

  const remember = (label: string, key: string) => {
    const url = new URL(location.href);
    url.searchParams.set("label", label);
    url.searchParams.set("key", key);
    history.replaceState(null, "", url);
  };

  async function showNode(label: string, key: string): Promise<void> {
    panel.loading(`${label} ${key}`);
    try {
      panel.showNode(await api.node(label, key));
    } catch (e) {
      panel.message(e instanceof ApiError ? e.message : String(e));
    }
  }

  /** Draw (fresh: alone) a node's neighbourhood, select the node and show it in the panel. */
  async function open(label: string, key: string, fresh: boolean): Promise<void> {
    status(`Drawing the neighbourhood of ${key} …`);
    try {
      const n = await api.neighbourhood(label, key);
      if (fresh) drawing.clear();
      $("empty").hidden = true;
      const centre = drawing.add(n, filters());
      drawing.cy.elements().unselect();
      centre.select();
      remember(n.center.label, n.center.key);
      status(`${n.center.name || n.center.key}: ${n.nodes.length - 1} neighbours, ${n.edges.length} links` +
        (n.edges.length >= 150 ? " (the first 150)" : ""));
      await showNode(n.center.label, n.center.key);
    } catch (e) {
      failed(e);
    }
  }

  drawing.cy.on("tap", "node", (evt) => {
    const [label, key] = splitRef(evt.target.id());
    if (drawing.isExpanded(evt.target.id())) {
      remember(label, key);
      void showNode(label, key);
    } else {
      void open(label, key, false);
    }
  });
  drawing.cy.on("tap", "edge", async (evt) => {
    const d = evt.target.data();
    panel.loading(`the evidence of ${d.type}`);
    try {
      panel.showEdge(d.type, d.src, d.dst, await api.evidence(d.type, d.src, d.dst));
    } catch (e) {
      panel.message(e instanceof ApiError ? e.message : String(e));
    }
  });

  $("search").addEventListener("submit", async (evt) => {
    evt.preventDefault();
    const q = ($("q") as HTMLInputElement).value.trim();
    const label = ($("search-label") as HTMLSelectElement).value || null;
    if (!q) return;
    const list = $("results");
    list.replaceChildren(el("li", { class: "hint" }, "Searching …"));
    try {
      const hits = await api.search(q, label);
      list.replaceChildren(...(hits.length ? hits.map((h) => {
        const button = el("button", { type: "button", class: "hit", title: h.key },
          el("span", { class: "swatch", style: `background:${labels[h.label]?.colour ?? "#A5ABB6"}` }),
          h.name || h.key, el("span", { class: "hit-label" }, h.label));
        button.addEventListener("click", () => void open(h.label, h.key, true));
        return el("li", {}, button);
      }) : [el("li", { class: "hint" }, `Nothing found for ${q}.`)]));
      status(`${hits.length} result${hits.length === 1 ? "" : "s"} for ${q}`);
    } catch (e) {
      list.replaceChildren();
      failed(e);
    }
  });
  $("fit").addEventListener("click", () => drawing.fit());
  $("clear").addEventListener("click", () => {
    drawing.clear();
    $("empty").hidden = false;
    panel.message("Cleared. Search to start again.");
    history.replaceState(null, "", location.pathname);
  });

  const start = new URLSearchParams(location.search);
  const [label, key] = [start.get("label"), start.get("key")];
  if (label && key) await open(label, key, true);
  // for the browser test (and curious users' consoles): the drawing, and a sign that start-up is done
  (window as unknown as { govkg: unknown }).govkg = { drawing };
  document.body.dataset.ready = "true";
}

main().catch(failed);
