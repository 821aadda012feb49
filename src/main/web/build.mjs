// Builds Corridor's browser pages into OUT (argument 1; Maven passes target/classes/web):
//   OUT/index.html, OUT/assets/*      the coordination dashboard, served at /
//   OUT/field/*                        the field app, served at /field/ (its service worker is scoped there)
//   OUT/assets/countries-50m.json      Natural Earth country outlines (world-atlas), for the offline map
// Everything the pages need is in OUT: nothing is fetched from the internet at run time.
import { build } from "esbuild";
import { cpSync, mkdirSync, readFileSync, rmSync, existsSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = process.argv[2];
if (!out) {
  console.error("usage: node build.mjs OUTPUT_DIRECTORY");
  process.exit(2);
}

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, "assets"), { recursive: true });
cpSync(join(here, "static"), out, { recursive: true });
cpSync(join(here, "node_modules/world-atlas/countries-50m.json"), join(out, "assets/countries-50m.json"));

const common = {
  bundle: true,
  minify: true,
  sourcemap: "linked",
  format: "esm",
  target: ["es2022"],
  legalComments: "linked",
  logLevel: "warning",
  metafile: true,
};

const entries = [
  { in: "src/dashboard/main.js", out: "assets/dashboard" },
  { in: "src/field/main.js", out: "field/app" },
  { in: "src/field/sw.js", out: "field/sw" },
];
const present = entries.filter((entry) => existsSync(join(here, entry.in)));
const result = await build({
  ...common,
  absWorkingDir: here,
  entryPoints: present,
  outdir: out,
});
// The JavaScript budget of each page (issue 4: under 400 KB gzipped): the build fails above it.
const BUDGET_GZIPPED = 400 * 1024;
const budgeted = ["assets/dashboard.js", "field/app.js", "field/sw.js"];
let failed = false;
for (const [file, info] of Object.entries(result.metafile.outputs)) {
  if (file.endsWith(".js")) {
    const name = relative(out, join(here, file));
    const gzipped = gzipSync(readFileSync(join(here, file)), { level: 9 }).length;
    console.log(`web: ${name} ${(info.bytes / 1024).toFixed(1)} KB, ${(gzipped / 1024).toFixed(1)} KB gzipped`);
    if (budgeted.includes(name) && gzipped > BUDGET_GZIPPED) {
      console.error(`web: ${name} is ${(gzipped / 1024).toFixed(1)} KB gzipped, over its budget of ${BUDGET_GZIPPED / 1024} KB`);
      failed = true;
    }
  }
}

// The field app's service worker names its cache after this build (src/field/stamp.mjs).
const { stamp } = await import("./src/field/stamp.mjs");
stamp(out);
if (failed) process.exit(1);
