// Typeset the TeX of an HTML page at build time (MathJax 3, from node_modules/mathjax-full),
// so the page loads no MathJax and does no typesetting: reads the page on stdin, writes it
// typeset on stdout. Math is what the lessons write: $...$ and $$...$$ in Markdown, and the
// text/latex outputs of sympy; never inside script, style, pre or code. The output is SVG
// with one shared font cache per page, so no font files are needed. Errors in the TeX are
// counted on stderr and fail the build (exit status 2).
"use strict";
const { mathjax } = require("mathjax-full/js/mathjax.js");
const { TeX } = require("mathjax-full/js/input/tex.js");
const { SVG } = require("mathjax-full/js/output/svg.js");
const { liteAdaptor } = require("mathjax-full/js/adaptors/liteAdaptor.js");
const { RegisterHTMLHandler } = require("mathjax-full/js/handlers/html.js");
const { AssistiveMmlHandler } = require("mathjax-full/js/a11y/assistive-mml.js");
const { AllPackages } = require("mathjax-full/js/input/tex/AllPackages.js");

const chunks = [];
process.stdin.on("data", (chunk) => chunks.push(chunk));
process.stdin.on("end", () => {
  const page = Buffer.concat(chunks).toString("utf8");
  const adaptor = liteAdaptor();
  // Each formula also carries hidden MathML, which screen readers read.
  AssistiveMmlHandler(RegisterHTMLHandler(adaptor));
  const errors = [];
  const tex = new TeX({
    packages: AllPackages.filter((name) => name !== "bussproofs"),
    inlineMath: [["$", "$"], ["\\(", "\\)"]],
    displayMath: [["$$", "$$"], ["\\[", "\\]"]],
    processEscapes: true,
    processEnvironments: true,
    formatError: (jax, err) => {
      errors.push(err.message);
      return jax.formatError(err);
    },
  });
  const svg = new SVG({ fontCache: "global" });
  const doc = mathjax.document(page, { InputJax: tex, OutputJax: svg });
  doc.render();
  const count = Array.from(doc.math).length;
  const html = adaptor.doctype(doc.document) + "\n" + adaptor.outerHTML(adaptor.root(doc.document));
  process.stdout.write(html);
  process.stderr.write(`typeset ${count} formulas\n`);
  if (errors.length) {
    process.stderr.write(`TeX errors:\n${errors.join("\n")}\n`);
    process.exit(2);
  }
});
