// The JSON the explorer reads: govkg's own routes (relative URLs, so a proxy prefix keeps working).

export interface LabelInfo { label: string; colour: string; border: string; text: string; count: number }
export interface Meta { store: string; labels: LabelInfo[]; years: number[] }
export interface SearchHit { label: string; key: string; name: string | null; score: number }
export interface NodeView { id: string; label: string; key: string; name: string | null; year: number | null }
export interface EdgeView {
  type: string; src: string; dst: string; action: string | null; relation: string | null;
  report: string | null; year: number | null;
}
export interface Neighbourhood { center: NodeView; nodes: NodeView[]; edges: EdgeView[] }
export interface Evidence {
  type: string; src: string; dst: string; report: string | null; report_title: string | null;
  report_year: number | null; section: string | null; sentence: string; start: number | null; end: number | null;
  mention_from: number | null; mention_to: number | null; action: string | null; relation: string | null;
  surface: string | null; match: string | null; score: number | null;
}
export interface NodeDetail {
  id: string; label: string; key: string; name: string | null; props: Record<string, unknown>;
  statements: number; evidence: Evidence[];
}

/** An answer other than 2xx, with the message govkg's error body gives. */
export class ApiError extends Error {
  constructor(readonly status: number, message: string) { super(message); }
}

async function get<T>(path: string, params: Record<string, string | number | null | undefined> = {}): Promise<T> {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== "") q.set(k, String(v));
  const url = q.toString() ? `${path}?${q}` : path;
  const r = await fetch(url, { headers: { Accept: "application/json" } });
  if (!r.ok) {
    let message = `${r.status} ${r.statusText}`;
    try {
      const body = await r.json();
      if (body && typeof body.message === "string") message = body.message;
    } catch { /* not JSON: keep the status line */ }
    throw new ApiError(r.status, message);
  }
  return (await r.json()) as T;
}

export const api = {
  meta: () => get<Meta>("explore/meta"),
  search: (q: string, label: string | null) =>
    get<{ q: string; items: SearchHit[] }>("search", { q, label, limit: 30 }).then((r) => r.items),
  neighbourhood: (label: string, key: string) =>
    get<Neighbourhood>("explore/neighbourhood", { label, key, limit: 150 }),
  node: (label: string, key: string) => get<NodeDetail>("explore/node", { label, key, limit: 20 }),
  evidence: (type: string, src: string, dst: string) =>
    get<{ items: Evidence[] }>("explore/evidence", { type, src, dst, limit: 50 }).then((r) => r.items),
};

/** ``Label:key`` split at the first colon (keys may hold colons). */
export function splitRef(ref: string): [string, string] {
  const i = ref.indexOf(":");
  return [ref.slice(0, i), ref.slice(i + 1)];
}

/** The report view of a fact: the report with this stretch marked and scrolled to. */
export function reportUrl(report: string, start?: number | null, end?: number | null): string {
  const base = `reports/${encodeURIComponent(report)}`;
  return start != null && end != null ? `${base}?start=${start}&end=${end}` : base;
}
