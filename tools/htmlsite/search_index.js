// Build the site's search index: reads the sections (JSON: id, url, page, title, text) on
// stdin, writes {options, index, docs} as JSON on stdout for MiniSearch.loadJS in the page.
"use strict";
const MiniSearch = require("minisearch");

// The page must load the index with the same options it was built with.
const options = {
  fields: ["title", "text"],
  searchOptions: { boost: { title: 3 } },
};

const chunks = [];
process.stdin.on("data", (chunk) => chunks.push(chunk));
process.stdin.on("end", () => {
  const sections = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  const index = new MiniSearch(options);
  index.addAll(sections);
  const docs = {};
  for (const s of sections) docs[s.id] = { url: s.url, page: s.page, title: s.title, text: s.text };
  process.stdout.write(JSON.stringify({ options, index: index.toJSON(), docs }));
});
