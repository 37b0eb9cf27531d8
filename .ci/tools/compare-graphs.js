#!/usr/bin/env node
// Compares two of argmap's JSON exports as graphs: the same thesis id, the same arguments by id
// with the same sides, and the same relations. It checks the round trip export --format
// argdown -> argdown json -> import --from argdown.
//
// usage: node compare-graphs.js WANT.json GOT.json
"use strict";
const fs = require("fs");

const [wantPath, gotPath] = process.argv.slice(2);
if (!wantPath || !gotPath) {
  console.error("usage: compare-graphs.js WANT.json GOT.json");
  process.exit(2);
}
const shape = (path) => {
  const d = JSON.parse(fs.readFileSync(path, "utf8"));
  const lines = [`thesis ${d.debate.thesis.id}`];
  for (const a of d.arguments) lines.push(`${a.id} is ${a.side}`);
  for (const r of d.relations) lines.push(`${r.from} ${r.type} ${r.to}`);
  return new Set(lines);
};
const want = shape(wantPath);
const got = shape(gotPath);
const problems = [];
for (const l of want) if (!got.has(l)) problems.push(`missing: ${l}`);
for (const l of got) if (!want.has(l)) problems.push(`extra:   ${l}`);
if (problems.length > 0) {
  console.error(`compare-graphs: ${gotPath} is not the graph of ${wantPath}:\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
console.log(`compare-graphs: ${want.size} ids, sides and relations the same`);
