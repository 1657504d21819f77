#!/usr/bin/env node
// Checks that imports flow one way (tools ← evals ← agents ← workflows ← server) and that no module cycle exists.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const LAYERS = ['tools', 'evals', 'agents', 'workflows', 'server'];
const root = path.resolve(import.meta.dirname, '../..');
const files = LAYERS.flatMap((layer) => listTs(path.join(root, layer)));
const IMPORT = /(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g;

function listTs(dir) {
  try {
    return readdirSync(dir, { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile() && /\.(ts|mjs|js)$/.test(e.name))
      .map((e) => path.join(e.parentPath, e.name));
  } catch {
    return [];
  }
}

const layerOf = (file) => LAYERS.indexOf(path.relative(root, file).split(path.sep)[0]);
const graph = new Map();
const problems = [];
for (const file of files) {
  const source = readFileSync(file, 'utf8');
  const targets = [];
  for (const match of source.matchAll(IMPORT)) {
    const target = path.resolve(path.dirname(file), match[1] ?? match[2]);
    targets.push(target);
    if (layerOf(target) > layerOf(file)) {
      problems.push(
        `${path.relative(root, file)} imports ${path.relative(root, target)}: imports must flow ${LAYERS.join(' ← ')}`,
      );
    }
  }
  graph.set(file, targets);
}

const state = new Map();
function visit(file, trail) {
  if (state.get(file) === 'done') return;
  if (state.get(file) === 'visiting') {
    const cycle = trail
      .slice(trail.indexOf(file))
      .concat(file)
      .map((f) => path.relative(root, f));
    problems.push(`import cycle: ${cycle.join(' → ')}`);
    return;
  }
  state.set(file, 'visiting');
  for (const target of graph.get(file) ?? []) visit(target, [...trail, file]);
  state.set(file, 'done');
}
for (const file of graph.keys()) visit(file, []);

if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`imports: ${files.length} modules, one-way layers, no cycles`);
