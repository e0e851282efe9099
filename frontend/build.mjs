// Builds the explorer into the Python package: ../api/static/explore/{index.html, explore.js, explore.css,
// build.json}. `npm ci && npm run build` here; the built files are committed, so users need no Node.
// build.json records a hash of every input, so a test can tell when the committed build is stale.
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "api", "static", "explore");
mkdirSync(out, { recursive: true });

await esbuild.build({
  entryPoints: [join(here, "src", "main.ts")],
  outfile: join(out, "explore.js"),
  bundle: true,
  format: "iife",
  target: "es2020",
  minify: true,
  legalComments: "eof", // cytoscape's MIT notice stays in the bundle
  charset: "utf8",
  logLevel: "warning",
});
await esbuild.build({
  entryPoints: [join(here, "src", "explore.css")],
  outfile: join(out, "explore.css"),
  bundle: true,
  minify: true,
  charset: "utf8",
  logLevel: "warning",
});
copyFileSync(join(here, "src", "index.html"), join(out, "index.html"));

export function inputsHash() {
  const names = ["package.json", "package-lock.json", "build.mjs", "tsconfig.json",
    ...readdirSync(join(here, "src")).sort().map((n) => `src/${n}`)];
  const h = createHash("sha256");
  for (const n of names) h.update(`${n}\n`).update(readFileSync(join(here, n))).update("\n");
  return h.digest("hex");
}

const lock = JSON.parse(readFileSync(join(here, "package-lock.json"), "utf8"));
const versions = Object.fromEntries(["cytoscape", "esbuild", "typescript"].map(
  (n) => [n, lock.packages[`node_modules/${n}`]?.version ?? null]));
writeFileSync(join(out, "build.json"), JSON.stringify({ inputs_sha256: inputsHash(), versions }, null, 2) + "\n");
console.log(`built ${out}`);
