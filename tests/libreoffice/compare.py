"""Compares LibreOffice's CSV of every workbook sheet with the catalogue's JSON export, cell by cell."""
import csv, json, sys
from datetime import datetime, timedelta, timezone
from fractions import Fraction

export, folder, stem = sys.argv[1], sys.argv[2], sys.argv[3]
programs = json.load(open(export, encoding="utf-8"))["programs"]
names = {p["id"]: p["name"] for p in programs}
JST = timezone(timedelta(hours=9))
LEVELS = {"national": "国", "prefectural": "都道府県", "municipal": "市区町村", "private": "民間"}
PERS = {"year": "年度あたり", "project": "事業あたり", "total": "総額"}
SCOPES = {"municipality": "市区町村", "prefecture": "都道府県", "area": "地域"}
RULES = {"notAdopted": "未採択であること", "supportPeriod": "支援期間"}
KINDS = {"fraction": "補助率", "fixed": "定額", "mixed": "定額または補助率", "tiered": "段階", "none": "なし"}

def fy(y):
    if y is None: return ""
    n, era = (y - 2018, "令和") if y >= 2019 else (y - 1988, "平成")
    return f"{era}{'元' if n == 1 else n}年度"

def num(v): return "" if v is None else (str(int(v)) if float(v).is_integer() else repr(float(v)))
def text(v): return "" if v is None else v
def get(o, path):
    for part in path.split("."):
        o = (o or {}).get(part)
    return o
def date(v):
    return "" if v is None else datetime.fromisoformat(v).astimezone(JST).replace(tzinfo=None)
def frac(d): return str(Fraction(d).limit_denominator(100))

def choices(key, n):
    return [(f"{key}{i + 1}", (lambda i: lambda p, _: (p.get(key_of[key]) or [])[i] if i < len(p.get(key_of[key]) or []) else "")(i)) for i in range(n)]
key_of = {"種類": "kinds", "分野": "fields", "対象": "applicants"}

def program_columns(header):
    cols = {
        "制度ID": lambda p, _: p["id"], "制度名": lambda p, _: p["name"], "別名": lambda p, _: "\n".join(p.get("aliases", [])),
        "系列キー": lambda p, _: p.get("familyKey", ""), "類型": lambda p, _: text(p.get("variant")),
        "年度": lambda p, _: "、".join(fy(y) for y in p.get("fiscalYears", [])), "実施レベル": lambda p, _: LEVELS[p["level"]],
        "所管府省": lambda p, _: p["ministry"], "局": lambda p, _: text(p.get("bureau")), "課室": lambda p, _: text(p.get("division")),
        "実施団体": lambda p, _: text(p.get("organization")), "概要": lambda p, _: text(p.get("summary")),
        "目的": lambda p, _: text(p.get("purpose")), "支援内容": lambda p, _: text(p.get("supportContent")),
        "補助率": lambda p, _: text(get(p, "rate.text")), "補助率の種類【自動】": lambda p, _: KINDS.get(get(p, "rate.kind"), ""),
        "補助率の上限【自動】": lambda p, _: num(get(p, "rate.max")),
        "補助率の分数【自動】": lambda p, _: "、".join(frac(f) for f in (get(p, "rate.fractions") or [])),
        "予算": lambda p, _: text(get(p, "budget.text")), "予算年度": lambda p, _: fy(get(p, "budget.fiscalYear")),
        "予算額（円）【自動】": lambda p, _: num(get(p, "budget.amountYen")),
        "予算は内数【自動】": lambda p, _: "○" if get(p, "budget.partOfLarger") else "",
        "最長期間": lambda p, _: text(p.get("maxDurationText")), "最長年数【自動】": lambda p, _: num(p.get("maxDurationYears")),
        "申請の上限": lambda p, _: text(p.get("applicationLimit")), "要件": lambda p, _: "\n".join(p.get("requirements", [])),
        "URL": lambda p, _: text(p.get("url")), "備考": lambda p, _: text(p.get("notes")),
        "対象の団体区分": lambda p, _: "\n".join(get(p, "eligibility.classes") or []),
        "対象外の団体区分": lambda p, _: "\n".join(get(p, "eligibility.excludedClasses") or []),
        "要件の出典文書": lambda p, _: text(get(p, "eligibility.source.document")), "要件の出典箇所": lambda p, _: text(get(p, "eligibility.source.section")),
        "要件の出典名": lambda p, _: text(get(p, "eligibility.source.title")), "要件の出典日付": lambda p, _: text(get(p, "eligibility.source.date")),
    }
    for h in header:
        for k in key_of:
            if h.startswith(k) and h[len(k):].isdigit():
                i = int(h[len(k):]) - 1
                cols[h] = (lambda k, i: lambda p, _: (p.get(key_of[k]) or [""] * (i + 1) + [""])[i] if i < len(p.get(key_of[k]) or []) else "")(k, i)
    return cols

def item(path): return lambda p, it: text(get(it, path)) if not isinstance(get(it, path), (int, float)) else num(get(it, path))
ref = lambda p, _: p["name"]
tables = {
    "上限額": ("caps", {"対象": item("applicant"), "上限額": item("text"), "単位": lambda p, it: PERS.get(it.get("per"), ""),
                       "金額（円）【自動】": item("amountYen"), "備考": item("note")}),
    "募集期間": ("windows", {"回": item("round"), "開始": lambda p, it: date(it.get("start")), "終了": lambda p, it: date(it.get("end")),
                        "通年": lambda p, it: "○" if it.get("yearRound") else "", "申請方法": item("method"), "備考": item("note")}),
    "採択件数": ("selections", {"年度": lambda p, it: fy(it.get("fiscalYear")), "件数": item("count"), "備考": item("note")}),
    "採択": ("adoptions", {"年度": lambda p, it: fy(it.get("fiscalYear")), "都道府県": item("prefecture"), "市区町村": item("municipality"),
                        "団体コード": item("lgCode"), "範囲": lambda p, it: SCOPES.get(it.get("scope"), ""),
                        "団体コード一覧": lambda p, it: "、".join(it.get("lgCodes", [])), "事業名": item("title"), "技術": item("technology"), "備考": item("note"),
                        "出典文書": item("source.document"), "出典箇所": item("source.section"), "出典名": item("source.title"), "出典日付": item("source.date")}),
    "関連制度": ("related", {"関連する制度ID": item("id"), "関連する制度名【参照】": lambda p, it: names.get(it["id"], ""), "関係": item("relation")}),
    "連絡先": ("contacts", {"担当": item("division"), "電話": item("phone"), "メール": item("email"), "備考": item("note")}),
    "出典": ("sources", {"文書": item("document"), "箇所": item("section"), "題名": item("title"), "日付": item("date")}),
    "適格要件": (lambda p: (get(p, "eligibility.rules") or []), {"要件の種類": lambda p, it: RULES.get(it.get("kind"), ""),
                        "対象の制度ID": item("programId"), "対象の系列キー": item("familyKey"),
                        "対象の年度": lambda p, it: "、".join(fy(y) for y in it.get("fiscalYears", [])),
                        "支援年数": item("years"), "延長年数": item("extensionYears"), "要件の本文": item("text")}),
    # Evidence of the program's values, then of each adoption row's, numbered from 1.
    "根拠": (lambda p: [dict(e) for e in p.get("evidence", [])]
                     + [dict(e, adoption=n) for n, a in enumerate(p.get("adoptions", []), start=1) for e in a.get("evidence", [])],
            {"採択の番号": item("adoption"), "対象の項目": item("field"), "項目名【参照】": lambda p, it: None,
             "根拠の種類": lambda p, it: it.get("basis") or ("資料" if it.get("document") else ""),
             "出典文書": item("document"), "引用": item("quote"), "理由": item("reason")}),
}

def same(expected, actual):
    if isinstance(expected, datetime):
        try:
            got = datetime(1899, 12, 30) + timedelta(days=float(actual))
        except ValueError:  # a date-formatted cell comes out as yyyy/mm/dd[ hh:mm:ss]
            got = datetime.strptime(actual, "%Y/%m/%d %H:%M:%S" if " " in actual else "%Y/%m/%d")
            if " " not in actual: expected = expected.replace(hour=0, minute=0, second=0)
        return abs(got - expected) < timedelta(seconds=1)
    return expected is None or expected == actual  # None: shown for reading, computed elsewhere

def read(sheet):
    with open(f"{folder}/{stem}-{sheet}.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]

checked = mismatches = 0
def compare(sheet, expected_rows, columns, header, rows):
    global checked, mismatches
    if len(rows) != len(expected_rows):
        print(f"{sheet}: {len(rows)} rows, expected {len(expected_rows)}"); mismatches += 1
    for r, ((p, it), row) in enumerate(zip(expected_rows, rows), start=2):
        for c, h in enumerate(header):
            if h not in columns: print(f"{sheet}: unknown column {h}"); mismatches += 1; continue
            want = columns[h](p, it)
            got = row[c] if c < len(row) else ""
            checked += 1
            if not same(want, got):
                mismatches += 1
                print(f"{sheet} row {r} 「{h}」: LibreOffice {got!r}, catalogue {want!r}")

header, rows = read("制度")
compare("制度", [(p, None) for p in programs], program_columns(header), header, rows)
for sheet, (key, cols) in tables.items():
    header, rows = read(sheet)
    cols = {"制度ID": lambda p, it: p["id"], "制度名【参照】": ref, **cols}
    items = key if callable(key) else (lambda k: lambda p: p.get(k, []))(key)
    compare(sheet, [(p, it) for p in programs for it in items(p)], cols, header, rows)

print(f"LibreOffice check: {len(programs)} programs, {checked} cells compared, {mismatches} mismatches")
sys.exit(1 if mismatches else 0)
