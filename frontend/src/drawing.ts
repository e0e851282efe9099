// The drawing: cytoscape over the neighbourhoods opened so far, in the project's label colours.
import cytoscape from "cytoscape";
import type { Core, EdgeSingular, ElementDefinition, NodeSingular } from "cytoscape";
import type { EdgeView, LabelInfo, Neighbourhood, NodeView } from "./api";

export interface Filters { labels: Set<string>; yearFrom: number | null; yearTo: number | null }

const SIZE: Record<string, number> = {
  Report: 38, Jurisdiction: 36, Law: 36, Programme: 32, Indicator: 32, Role: 28, Person: 28, Metric: 24, Commitment: 30,
};
const RING_GAP = 95; // px between rings of new neighbours
const SLOT = 62; // px of ring per node

function caption(n: NodeView): string {
  const text = n.name || n.key;
  return text.length > 16 ? `${text.slice(0, 15)}…` : text;
}

export function edgeId(e: EdgeView): string {
  return [e.type, e.src, e.dst, e.action ?? "", e.relation ?? "", e.report ?? ""].join("\u241f");
}

function inYears(year: number | null, f: Filters): boolean {
  if (year === null) return true;
  return (f.yearFrom === null || year >= f.yearFrom) && (f.yearTo === null || year <= f.yearTo);
}

export class Drawing {
  readonly cy: Core;
  /** Nodes the user opened or expanded: shown even when no link of theirs is. */
  private readonly pinned = new Set<string>();

  constructor(container: HTMLElement, labels: LabelInfo[]) {
    const colour = Object.fromEntries(labels.map((l) => [l.label, l]));
    this.cy = cytoscape({
      container,
      minZoom: 0.1,
      maxZoom: 4,
      style: [
        {
          selector: "node",
          style: {
            "background-color": (n: NodeSingular) => colour[n.data("label")]?.colour ?? "#A5ABB6",
            "border-color": (n: NodeSingular) => colour[n.data("label")]?.border ?? "#9AA1AC",
            "border-width": 2,
            width: (n: NodeSingular) => SIZE[n.data("label")] ?? 28,
            height: (n: NodeSingular) => SIZE[n.data("label")] ?? 28,
            label: "data(caption)",
            "font-size": 10,
            "text-valign": "bottom",
            "text-margin-y": 3,
            "text-wrap": "none",
            "text-background-color": "#ffffff",
            "text-background-opacity": 0.75,
            "text-background-padding": "1px",
            color: "#222",
          },
        },
        { selector: "node.expanded", style: { "border-width": 4, "border-color": "#2A2C34" } },
        { selector: "node:selected", style: { "overlay-color": "#2A2C34", "overlay-opacity": 0.18, "overlay-padding": 6 } },
        {
          selector: "edge",
          style: {
            width: 1.2,
            "line-color": "#A5ABB6",
            "target-arrow-color": "#A5ABB6",
            "target-arrow-shape": "triangle",
            "arrow-scale": 0.8,
            "curve-style": "bezier",
            label: "data(type)",
            "font-size": 7,
            color: "#666",
            "text-rotation": "autorotate",
            "text-background-color": "#ffffff",
            "text-background-opacity": 0.8,
          },
        },
        { selector: "edge:selected", style: { width: 3, "line-color": "#2A2C34", "target-arrow-color": "#2A2C34", color: "#000" } },
        { selector: ".hidden", style: { display: "none" } },
      ],
    });
  }

  clear(): void {
    this.cy.elements().remove();
    this.pinned.clear();
  }

  has(id: string): boolean {
    return this.cy.getElementById(id).nonempty();
  }

  isExpanded(id: string): boolean {
    return this.cy.getElementById(id).hasClass("expanded");
  }

  /** Add a neighbourhood: new nodes in rings around its centre; returns the centre. */
  add(n: Neighbourhood, filters: Filters): NodeSingular {
    const cy = this.cy;
    const first = cy.nodes().empty();
    const centreId = n.center.id;
    let centre = cy.getElementById(centreId) as NodeSingular;
    const added: ElementDefinition[] = [];
    const fresh = n.nodes.filter((v) => v.id !== centreId && !this.has(v.id));
    const origin = centre.nonempty() ? this.makeRoom(centre, ringsRadius(fresh.length)) : { x: 0, y: 0 };
    const slots = ringSlots(fresh.length, origin);
    if (centre.empty()) added.push(nodeDef(n.center, origin));
    fresh.forEach((v, i) => added.push(nodeDef(v, slots[i])));
    for (const e of n.edges) {
      const id = edgeId(e);
      if (!this.has(id)) added.push({ group: "edges", data: { ...e, id, source: e.src, target: e.dst } });
    }
    cy.add(added);
    centre = cy.getElementById(centreId) as NodeSingular;
    centre.addClass("expanded");
    this.pinned.add(centreId);
    this.apply(filters);
    if (first) this.fit();
    else cy.animate({ fit: { eles: centre.closedNeighborhood(":visible"), padding: 40 }, duration: 250 });
    return centre;
  }

  /** Move a node that is about to be expanded away from the rest of the drawing, by the radius its
   * new rings will take, so that they do not cover what is already drawn; its new position. */
  private makeRoom(node: NodeSingular, radius: number): { x: number; y: number } {
    const p = node.position();
    const others = this.cy.nodes().not(node);
    if (!radius || others.empty()) return { ...p };
    const c = { x: 0, y: 0 };
    others.forEach((v) => {
      c.x += v.position().x;
      c.y += v.position().y;
    });
    let dx = p.x - c.x / others.length;
    let dy = p.y - c.y / others.length;
    let d = Math.hypot(dx, dy);
    if (d < 1) [dx, dy, d] = [1, 0, 1]; // in the middle of the rest: any way out will do
    const moved = { x: p.x + (dx / d) * (radius + 40), y: p.y + (dy / d) * (radius + 40) };
    node.position(moved);
    return moved;
  }

  /** Hide what the filters leave out: nodes of unticked labels, reports and statements of other years,
   * and nodes left with no visible link (unless the user opened them). */
  apply(f: Filters): void {
    const cy = this.cy;
    cy.batch(() => {
      cy.nodes().forEach((v) => {
        v.toggleClass("hidden", !f.labels.has(v.data("label")) || !inYears(v.data("year"), f));
      });
      cy.edges().forEach((e: EdgeSingular) => {
        const hidden = e.source().hasClass("hidden") || e.target().hasClass("hidden") || !inYears(e.data("year"), f);
        e.toggleClass("hidden", hidden);
      });
      cy.nodes().forEach((v) => {
        if (!v.hasClass("hidden") && !this.pinned.has(v.id()) && v.connectedEdges().not(".hidden").empty()) {
          v.addClass("hidden");
        }
      });
    });
  }

  /** Everything visible in view, but no closer than life size (a few nodes would fill the screen). */
  fit(): void {
    const visible = this.cy.elements(":visible");
    this.cy.fit(visible, 40);
    if (this.cy.zoom() > 1.2) {
      this.cy.zoom(1.2);
      this.cy.center(visible);
    }
  }
}

function nodeDef(v: NodeView, position: { x: number; y: number }): ElementDefinition {
  return { group: "nodes", data: { ...v, caption: caption(v) }, position };
}

/** How far from their centre the rings of ``count`` new nodes reach. */
function ringsRadius(count: number): number {
  const slots = ringSlots(count, { x: 0, y: 0 });
  return slots.reduce((r, p) => Math.max(r, Math.hypot(p.x, p.y)), 0);
}

/** Positions on rings around ``origin``, the inner rings first; each ring holds what fits its length. */
function ringSlots(count: number, origin: { x: number; y: number }): { x: number; y: number }[] {
  const out: { x: number; y: number }[] = [];
  let ring = 1;
  while (out.length < count) {
    const radius = ring * RING_GAP + 40;
    const fits = Math.max(6, Math.floor((2 * Math.PI * radius) / SLOT));
    const here = Math.min(fits, count - out.length);
    const turn = ring % 2 ? 0 : Math.PI / Math.max(here, 1); // stagger alternate rings
    for (let i = 0; i < here; i++) {
      const a = turn + (2 * Math.PI * i) / here - Math.PI / 2;
      out.push({ x: origin.x + radius * Math.cos(a), y: origin.y + radius * Math.sin(a) });
    }
    ring++;
  }
  return out;
}
