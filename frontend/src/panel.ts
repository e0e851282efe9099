// The side panel: what the selected node is, or which sentences state the selected link.
import { type Evidence, type LabelInfo, type NodeDetail, reportUrl, splitRef } from "./api";

type Child = Node | string | null | undefined | false;

/** A DOM element with text children only (report text never becomes markup). */
export function el(tag: string, attrs: Record<string, string> = {}, ...children: Child[]): HTMLElement {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children) if (c !== null && c !== undefined && c !== false) e.append(c);
  return e;
}

export class Panel {
  constructor(private readonly root: HTMLElement, private readonly labels: Record<string, LabelInfo>) {}

  chip(label: string): HTMLElement {
    const s = this.labels[label];
    return el("span", { class: "chip", style: s ? `background:${s.colour};color:${s.text}` : "" }, label);
  }

  loading(what: string): void {
    this.root.replaceChildren(el("p", { class: "hint" }, `Loading ${what} …`));
  }

  message(text: string): void {
    this.root.replaceChildren(el("p", { class: "hint" }, text));
  }

  showNode(d: NodeDetail): void {
    const rows = Object.entries(d.props).map(([k, v]) =>
      el("tr", {}, el("th", {}, k), el("td", {}, Array.isArray(v) ? v.join("、") : String(v))));
    const parts: Child[] = [
      el("h2", { class: "title" }, this.chip(d.label), " ", d.name || d.key),
      el("p", { class: "key" }, d.key),
    ];
    if (d.label === "Report") {
      parts.push(el("p", {}, el("a", { href: reportUrl(d.key), class: "button", target: "_blank" },
        "Read the report with its facts highlighted")));
    }
    parts.push(el("table", { class: "props" }, ...rows));
    parts.push(el("h3", {}, d.statements
      ? `Evidence: ${d.statements} statement${d.statements === 1 ? "" : "s"}${d.statements > d.evidence.length ? `, the newest ${d.evidence.length}` : ""}`
      : "No report sentence states anything about it directly"));
    parts.push(this.evidenceList(d.evidence));
    this.root.replaceChildren(...parts.filter((p): p is Node => p instanceof Node));
  }

  showEdge(type: string, src: string, dst: string, items: Evidence[]): void {
    const [sl, sk] = splitRef(src);
    const [dl, dk] = splitRef(dst);
    const head = el("h2", { class: "title" }, type);
    const ends = el("p", { class: "ends" }, this.chip(sl), ` ${sk}`, el("br"), "→ ", this.chip(dl), ` ${dk}`);
    const body = items.length
      ? this.evidenceList(items)
      : el("p", { class: "hint" }, "No sentence states this link: it is world knowledge (the hierarchy of places, " +
        "what a metric measures, what a plan item concerns) or derived by tracing.");
    this.root.replaceChildren(head, ends, el("h3", {}, `Evidence (${items.length})`), body);
  }

  private evidenceList(items: Evidence[]): HTMLElement {
    return el("ol", { class: "evidence" }, ...items.map((x) => this.evidence(x)));
  }

  private evidence(x: Evidence): HTMLElement {
    const what = [x.type, x.action, x.relation, x.match].filter(Boolean).join(" · ");
    const report = x.report
      ? el("a", { href: reportUrl(x.report, x.start, x.end), target: "_blank", title: "open the report at this sentence" },
        x.report_title || x.report)
      : "";
    return el("li", { class: "fact" },
      el("div", { class: "where" }, report, x.report_year !== null ? ` (${x.report_year})` : "",
        x.section ? el("span", { class: "section" }, x.section) : null),
      el("div", { class: "what" }, what),
      sentence(x));
  }
}

/** The sentence with the mention marked (when its place in the sentence is known). */
function sentence(x: Evidence): HTMLElement {
  const s = x.sentence;
  if (x.mention_from === null || x.mention_to === null) return el("blockquote", {}, s);
  return el("blockquote", {}, s.slice(0, x.mention_from), el("mark", {}, s.slice(x.mention_from, x.mention_to)),
    s.slice(x.mention_to));
}
