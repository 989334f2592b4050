// 和暦: dates and fiscal years as staff read them. Pure functions, no DOM.

const ERAS = [
  { name: '令和', start: '2019-05-01', offset: 2018 },
  { name: '平成', start: '1989-01-08', offset: 1988 },
  { name: '昭和', start: '1926-12-25', offset: 1925 },
];

const eraYear = (n) => (n === 1 ? '元' : String(n));

/** 2019 → 令和元年度, 2018 → 平成30年度 (a fiscal year takes the era of most of its months). */
export function fiscalYearLabel(year) {
  const y = Number(year);
  if (!Number.isInteger(y) || y <= 0) return String(year);
  if (y >= 2019) return `令和${eraYear(y - 2018)}年度`;
  if (y >= 1989) return `平成${eraYear(y - 1988)}年度`;
  return `昭和${eraYear(y - 1925)}年度`;
}

/**
 * "2024-05-10T12:00:00+09:00" → "令和6年5月10日 12:00". The date is read as written (the API
 * writes JST), so no time zone arithmetic can move it to another day.
 */
export function formatWareki(iso) {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/.exec(String(iso));
  if (!m) return String(iso);
  const [, ys, ms, ds, hh, mm] = m;
  const ymd = `${ys}-${ms}-${ds}`;
  const era = ERAS.find((e) => ymd >= e.start);
  const y = Number(ys);
  const date = era ? `${era.name}${eraYear(y - era.offset)}年${Number(ms)}月${Number(ds)}日` : `${y}年${Number(ms)}月${Number(ds)}日`;
  // Midnight and the end of the day say nothing beyond the date.
  if (hh === undefined || (hh === '00' && mm === '00') || (hh === '23' && mm === '59')) return date;
  if (hh === '12' && mm === '00') return `${date} 正午`;
  return `${date} ${Number(hh)}:${mm}`;
}
