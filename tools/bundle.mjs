// Bundles each explorer's view, with the modules it imports and rules.json, into one ES
// module: helpers/microavg/static/dist/NAME.js, what the widget sends the page as its
// `_esm` (a module loaded from a string, where no relative import resolves). The bundles
// are committed, so an installed package and Binder need no node; tests/test_explorer_parity.py
// rebuilds them in memory and checks the committed ones are current.
//
//   node tools/bundle.mjs           write the bundles (make bundle)
//   node tools/bundle.mjs --stdout  print {name: text} as JSON, writing nothing
import { build } from "esbuild";
import { writeFile, mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const STATIC = join(dirname(fileURLToPath(import.meta.url)), "..", "helpers", "microavg", "static");
export const VIEWS = [
  "prediction_editor", "matrix_explorer", "many_classifiers", "exercise", "scored_items", "tag_table", "explain_file",
];

const bundled = {};
for (const view of VIEWS) {
  const result = await build({
    entryPoints: [join(STATIC, `${view}.js`)],
    bundle: true,
    format: "esm",
    target: "es2022",
    charset: "utf8",
    legalComments: "none",
    write: false,
    logLevel: "warning",
    absWorkingDir: STATIC,
    // A UMD module (papaparse) registers itself with an AMD loader when the page has one, and
    // then exports nothing here: a lesson's HTML page loads require.js. With no `define` in
    // the bundle it takes its CommonJS branch, in every page.
    define: { define: "undefined" },
    banner: { js: `// Built by tools/bundle.mjs from static/${view}.js: do not edit.` },
  });
  bundled[view] = result.outputFiles[0].text;
}

if (process.argv.includes("--stdout")) {
  process.stdout.write(JSON.stringify(bundled));
} else {
  await mkdir(join(STATIC, "dist"), { recursive: true });
  for (const [view, text] of Object.entries(bundled)) {
    await writeFile(join(STATIC, "dist", `${view}.js`), text);
  }
}
