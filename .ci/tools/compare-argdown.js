#!/usr/bin/env node
// Compares what the real Argdown parser read from argmap's Argdown export with argmap's own
// JSON export of the same corpus: the same thesis, the same arguments (by the id each carries in
// its data block, with side and category), and the same relations, one to one.
//
// usage: node compare-argdown.js ARGMAP.json ARGDOWN.json
"use strict";
const fs = require("fs");

const [oursPath, theirsPath] = process.argv.slice(2);
if (!oursPath || !theirsPath) {
  console.error("usage: compare-argdown.js ARGMAP.json ARGDOWN.json");
  process.exit(2);
}
const ours = JSON.parse(fs.readFileSync(oursPath, "utf8"));
const theirs = JSON.parse(fs.readFileSync(theirsPath, "utf8"));
const problems = [];

// Argdown names elements by title; map each title to the corpus id in its data block.
const idOf = new Map(); // "statement:title" or "argument:title" -> id
const thesisId = ours.debate.thesis.id;
const statements = Object.entries(theirs.statements || {});
const withData = statements.filter(([, s]) => s.data && s.data.id !== undefined);
if (withData.length !== 1 || withData[0][1].data.id !== thesisId) {
  problems.push(`want one statement, the thesis ${thesisId}; got ${JSON.stringify(withData.map(([t, s]) => [t, s.data.id]))}`);
}
for (const [title, s] of statements) {
  if (s.data && s.data.id !== undefined) idOf.set("equivalence-class:" + title, String(s.data.id));
}

const want = new Map(ours.arguments.map((a) => [a.id, a]));
const seen = new Set();
for (const [title, a] of Object.entries(theirs.arguments || {})) {
  const d = a.data || {};
  const id = d.id === undefined ? undefined : String(d.id);
  if (id === undefined) {
    problems.push(`argument <${title}> carries no id`);
    continue;
  }
  idOf.set("argument:" + title, id);
  const w = want.get(id);
  if (!w) {
    problems.push(`argument <${title}> has id ${id}, which argmap does not export`);
    continue;
  }
  if (seen.has(id)) problems.push(`argument ${id} appears twice`);
  seen.add(id);
  if (d.side !== w.side || d.category !== w.category) {
    problems.push(`argument ${id}: side/category ${d.side}/${d.category}, want ${w.side}/${w.category}`);
  }
  const tags = a.tags || [];
  if (!tags.includes(w.side) || !tags.includes(w.category)) {
    problems.push(`argument ${id}: tags ${JSON.stringify(tags)} lack ${w.side} and ${w.category}`);
  }
}
for (const id of want.keys()) {
  if (!seen.has(id)) problems.push(`argument ${id} is missing from the Argdown`);
}

const key = (r) => `${r.from} ${r.type} ${r.to}`;
const count = (list) => list.reduce((m, k) => m.set(k, (m.get(k) || 0) + 1), new Map());
const oursRel = count(ours.relations.map(key));
const theirsRel = count(
  (theirs.relations || []).map((r) => {
    const from = idOf.get(`${r.fromType}:${r.from}`);
    const to = idOf.get(`${r.toType}:${r.to}`);
    if (from === undefined || to === undefined) {
      problems.push(`relation ${r.from} -> ${r.to} joins an element argmap did not write`);
    }
    return key({ from, to, type: r.relationType });
  })
);
for (const [k, n] of oursRel) {
  if (theirsRel.get(k) !== n) problems.push(`relation ${k}: argmap has ${n}, Argdown ${theirsRel.get(k) || 0}`);
}
for (const [k, n] of theirsRel) {
  if (!oursRel.has(k)) problems.push(`relation ${k}: Argdown has ${n}, argmap none`);
}

if (problems.length > 0) {
  for (const p of problems) console.error("argdown: " + p);
  process.exit(1);
}
console.log(`argdown: ${want.size} arguments and ${ours.relations.length} relations match one to one`);
