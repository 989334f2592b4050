using Catalog.Core.Programs;

namespace Catalog.Core.Workbook;

/// <summary>How a cell is written and read back.</summary>
internal enum CellKind
{
    /// <summary>制度ID on the 制度 sheet: locked on the rows the export wrote.</summary>
    Id,
    /// <summary>制度ID on a table sheet: the program the row belongs to.</summary>
    ProgramRef,
    /// <summary>Free text, kept exactly.</summary>
    Text,
    /// <summary>A list of free texts, one a line within the cell (Alt+Enter).</summary>
    Lines,
    /// <summary>One value of a closed vocabulary, chosen from a dropdown.</summary>
    Choice,
    /// <summary>Values of a closed vocabulary, one column each (分野1, 分野2 …), each a dropdown.</summary>
    Choices,
    /// <summary>One value shown under a Japanese label (national ↔ 国).</summary>
    Label,
    /// <summary>One 年度 as text (令和3年度).</summary>
    FiscalYear,
    /// <summary>年度 list as text (令和3年度、令和4年度).</summary>
    FiscalYears,
    /// <summary>A whole number.</summary>
    Count,
    /// <summary>Start of a window: an Excel date (with a time when not midnight).</summary>
    Start,
    /// <summary>End of a window: an Excel date; a date alone means the end of that day.</summary>
    End,
    /// <summary>true shown as ○.</summary>
    Flag,
    /// <summary>Digits kept as text (団体コード keeps its leading zero).</summary>
    Code,
    /// <summary>Several codes as text, separated by 、.</summary>
    Codes,
    /// <summary>Computed by the importer, or shown for reference: written, never read.</summary>
    Derived,
}

/// <summary>What a derived column shows.</summary>
internal enum Derivation { None, Yen, Fraction, Fractions, RateKind, Number, Flag, ProgramName, RelatedName, FieldLabel }

/// <summary>One column as staff see it: its header, the JSON property it holds, and how.</summary>
internal sealed record Column(string Header, string Path, CellKind Kind, double Width, string Help)
{
    public IReadOnlyList<string>? Values { get; init; }
    public IReadOnlyList<(string Value, string Label)>? Labels { get; init; }
    public Derivation Derivation { get; init; }
    public string? Example { get; init; }
    /// <summary>For <see cref="CellKind.Choices"/>: columns written even when no record needs that many.</summary>
    public int MinColumns { get; init; } = 1;
    /// <summary>A value outside the list is allowed after a warning (所管府省 of a non-national program).</summary>
    public bool ListIsAdvice { get; init; }

    public bool IsRead => Kind != CellKind.Derived;
}

/// <summary>
/// One sheet of the workbook. The 制度 sheet holds the program itself (<see cref="ArrayPath"/> is
/// null); every other data sheet holds the rows of one list property of the program (caps,
/// windows …), each row naming its program in the first column. A later sheet (e.g. 根拠 for
/// per-field evidence) is one more entry here.
/// </summary>
internal sealed record SheetLayout(string Name, string? ArrayPath, string Help, IReadOnlyList<Column> Columns)
{
    public bool IsProgramSheet => ArrayPath is null;
}

/// <summary>The workbook staff edit: its sheets, their columns, and what each accepts.</summary>
internal static class WorkbookLayout
{
    public const string ProgramSheet = "制度";
    public const string HelpSheet = "説明";
    public const string ListsSheet = "選択肢";
    public const string DerivedMark = "【自動】";
    public const string ReferenceMark = "【参照】";
    public const string FlagMark = "○";
    public const string EvidenceSheet = "根拠";
    public const string AdoptionNumberHeader = "採択の番号";
    /// <summary>Not a property of evidence: the 1-based adoption an evidence row belongs to, removed when read.</summary>
    public const string AdoptionNumberPath = "adoption";
    /// <summary>根拠の種類 of an entry that quotes a document (its basis is empty in the JSON).</summary>
    public const string DocumentBasis = "資料";
    public static readonly IReadOnlyList<string> BasisKinds = [DocumentBasis, Catalog.Core.Programs.Evidence.GeneralKnowledge, Catalog.Core.Programs.Evidence.DerivedFromPrefix];

    public static readonly IReadOnlyList<(string Value, string Label)> Levels =
        [("national", "国"), ("prefectural", "都道府県"), ("municipal", "市区町村"), ("private", "民間")];

    public static readonly IReadOnlyList<(string Value, string Label)> CapPeriods =
        [("year", "年度あたり"), ("project", "事業あたり"), ("total", "総額")];

    public static readonly IReadOnlyList<(string Value, string Label)> Scopes =
        [("municipality", "市区町村"), ("prefecture", "都道府県"), ("area", "地域")];

    public static readonly IReadOnlyList<(string Value, string Label)> RuleKinds =
        [(EligibilityRule.NotAdopted, "未採択であること"), (EligibilityRule.SupportPeriod, "支援期間")];

    public static readonly IReadOnlyList<(string Value, string Label)> RateKinds =
        [("fraction", "補助率"), ("fixed", "定額"), ("mixed", "定額または補助率"), ("tiered", "段階"), ("none", "なし")];

    private static Column ProgramId() => new("制度ID", "", CellKind.ProgramRef, 34, "この行が属する制度の制度ID（制度 シートの制度ID から選ぶ）");
    private static Column ProgramName() => new("制度名" + ReferenceMark, "", CellKind.Derived, 36, "制度ID の制度名（読むためのもの。取り込みでは使わない）") { Derivation = Derivation.ProgramName };

    public static readonly SheetLayout Programs = new(ProgramSheet, null, "1 行が 1 制度（または制度の類型）。",
    [
        new("制度ID", "id", CellKind.Id, 34, "制度を識別する ID。半角英小文字・数字を - でつなぐ。書き出した行の ID は変えられない（保護）。新しい行には新しい ID を入れる") { Example = "smart-city-model-project" },
        new("制度名", "name", CellKind.Text, 40, "正式な制度名（必須）") { Example = "スマートシティモデル事業" },
        new("別名", "aliases", CellKind.Lines, 24, "略称・旧称など。複数はセル内で改行（Alt+Enter）"),
        new("系列キー", "familyKey", CellKind.Text, 26, "同じ制度の類型・年度版をまとめる ID。空なら制度ID と同じ"),
        new("類型", "variant", CellKind.Text, 16, "類型・タイプの名前（先駆タイプ、TYPE1 など）"),
        new("年度", "fiscalYears", CellKind.FiscalYears, 22, "対象の年度。複数は 、 で区切る") { Example = "令和5年度、令和6年度" },
        new("実施レベル", "level", CellKind.Label, 12, "国・都道府県・市区町村・民間 から選ぶ（必須）") { Labels = Levels },
        new("所管府省", "ministry", CellKind.Choice, 18, "国の制度は一覧から選ぶ。国以外は実施する団体名を入れる（必須）") { Values = Vocabulary.Ministries, ListIsAdvice = true },
        new("局", "bureau", CellKind.Text, 18, "所管の局"),
        new("課室", "division", CellKind.Text, 22, "所管の課・室"),
        new("実施団体", "organization", CellKind.Text, 22, "府省以外が実施する場合の団体名"),
        new("種類", "kinds", CellKind.Choices, 16, "支援の種類。一覧から選ぶ（1 列に 1 つ）") { Values = Vocabulary.Kinds, MinColumns = 3 },
        new("分野", "fields", CellKind.Choices, 14, "分野。一覧から選ぶ（1 列に 1 つ）") { Values = Vocabulary.Fields, MinColumns = 6 },
        new("対象", "applicants", CellKind.Choices, 16, "申請できる主体。一覧から選ぶ（1 列に 1 つ）") { Values = Vocabulary.Applicants, MinColumns = 4 },
        new("概要", "summary", CellKind.Text, 50, "制度の概要"),
        new("目的", "purpose", CellKind.Text, 36, "制度の目的"),
        new("支援内容", "supportContent", CellKind.Text, 36, "支援の内容"),
        new("補助率", "rate.text", CellKind.Text, 16, "資料のとおりに書く。取り込むと種類・上限・分数が計算される") { Example = "1/2, 1/2以内, 2分の1, 定額, 定額、または2/3" },
        new("補助率の種類" + DerivedMark, "rate.kind", CellKind.Derived, 14, "補助率 から計算（補助率・定額・定額または補助率・段階・なし）") { Derivation = Derivation.RateKind },
        new("補助率の上限" + DerivedMark, "rate.max", CellKind.Derived, 12, "補助率 が認める最も高い割合（分数で表示）") { Derivation = Derivation.Fraction },
        new("補助率の分数" + DerivedMark, "rate.fractions", CellKind.Derived, 14, "補助率 に書かれたすべての割合") { Derivation = Derivation.Fractions },
        new("予算", "budget.text", CellKind.Text, 30, "予算額を資料のとおりに書く") { Example = "1,000億円の内数, 6.9億円, 11,200 千円" },
        new("予算年度", "budget.fiscalYear", CellKind.FiscalYear, 12, "予算の年度") { Example = "令和3年度" },
        new("予算額（円）" + DerivedMark, "budget.amountYen", CellKind.Derived, 18, "予算 から計算した金額（円）") { Derivation = Derivation.Yen },
        new("予算は内数" + DerivedMark, "budget.partOfLarger", CellKind.Derived, 10, "予算 が「…の内数」なら ○") { Derivation = Derivation.Flag },
        new("最長期間", "maxDurationText", CellKind.Text, 14, "支援を受けられる最長の期間") { Example = "最長5か年度" },
        new("最長年数" + DerivedMark, "maxDurationYears", CellKind.Derived, 10, "最長期間 から計算した年数") { Derivation = Derivation.Number },
        new("申請の上限", "applicationLimit", CellKind.Text, 24, "1 団体あたりの申請件数の上限など"),
        new("要件", "requirements", CellKind.Lines, 36, "申請の要件。複数はセル内で改行"),
        new("URL", "url", CellKind.Text, 30, "制度のページ"),
        new("備考", "notes", CellKind.Text, 40, "その他"),
        new("編集メモ", "editorialNotes", CellKind.Text, 40, "転記した人のメモ（出典に記載がない点、正規化の理由など）。検索されず、公開ページにも表示されない"),
        new("対象の団体区分", "eligibility.classes", CellKind.Lines, 18, "資料が対象を限る団体の区分（市、町、村、特別区、政令指定都市 など）。複数はセル内で改行。空なら 対象 のとおり"),
        new("対象外の団体区分", "eligibility.excludedClasses", CellKind.Lines, 18, "資料が対象外とする団体の区分。複数はセル内で改行"),
        new("要件の出典文書", "eligibility.source.document", CellKind.Text, 26, "対象の団体区分・適格要件 シートの要件を述べる文書ファイル名"),
        new("要件の出典箇所", "eligibility.source.section", CellKind.Text, 26, "その文書の中の箇所"),
        new("要件の出典名", "eligibility.source.title", CellKind.Text, 26, "その文書の題名"),
        new("要件の出典日付", "eligibility.source.date", CellKind.Text, 16, "その文書の日付（資料のとおりの文字）"),
    ]);

    public static readonly SheetLayout Caps = new("上限額", "caps", "1 行が 1 つの上限額。対象ごとに上限が違えば対象ごとに 1 行。",
    [
        ProgramId(), ProgramName(),
        new("対象", "applicant", CellKind.Choice, 18, "この上限が当てはまる申請主体。全員なら空") { Values = Vocabulary.Applicants },
        new("上限額", "text", CellKind.Text, 22, "資料のとおりに書く（必須）") { Example = "3.0億円, 10,000千円, 1億5,000万円, 上限の定めなし" },
        new("単位", "per", CellKind.Label, 12, "年度あたり・事業あたり・総額 から選ぶ") { Labels = CapPeriods },
        new("金額（円）" + DerivedMark, "amountYen", CellKind.Derived, 18, "上限額 から計算した金額（円）") { Derivation = Derivation.Yen },
        new("備考", "note", CellKind.Text, 36, "その他"),
    ]);

    public static readonly SheetLayout Windows = new("募集期間", "windows", "1 行が 1 回の募集。",
    [
        ProgramId(), ProgramName(),
        new("回", "round", CellKind.Text, 12, "第1回 など"),
        new("開始", "start", CellKind.Start, 24, "募集開始の日付（Excel の日付。和暦で表示）。時刻があれば時刻も") { Example = "2024/4/5, 令和6年4月5日, 2024/4/5 10:00" },
        new("終了", "end", CellKind.End, 24, "締切の日付。日付だけならその日の終わり（23:59:59）まで") { Example = "2024/5/10, 令和6年5月10日 12:00" },
        new("通年", "yearRound", CellKind.Flag, 8, "通年の募集なら ○（終了は空にする）"),
        new("申請方法", "method", CellKind.Text, 24, "申請の方法"),
        new("備考", "note", CellKind.Text, 36, "その他"),
    ]);

    public static readonly SheetLayout Selections = new("採択件数", "selections", "1 行が 1 年度の採択件数。",
    [
        ProgramId(), ProgramName(),
        new("年度", "fiscalYear", CellKind.FiscalYear, 12, "採択の年度（必須）") { Example = "令和3年度" },
        new("件数", "count", CellKind.Count, 10, "採択件数（必須）") { Example = "12" },
        new("備考", "note", CellKind.Text, 40, "その他"),
    ]);

    public static readonly SheetLayout Adoptions = new("採択", "adoptions", "1 行が 1 件の採択（選定）。",
    [
        ProgramId(), ProgramName(),
        new("年度", "fiscalYear", CellKind.FiscalYear, 12, "採択の年度。資料に年度がなければ空") { Example = "令和3年度" },
        new("都道府県", "prefecture", CellKind.Text, 12, "都道府県名"),
        new("市区町村", "municipality", CellKind.Text, 16, "市区町村名など採択された団体（必須）"),
        new("団体コード", "lgCode", CellKind.Code, 12, "資料に書かれた全国地方公共団体コード（6 桁）。なければ空") { Example = "011002" },
        new("範囲", "scope", CellKind.Label, 12, "市区町村・都道府県・地域 から選ぶ。地域（団体でない名前）のときだけ必ず入れる。ほかは取り込みで決まる") { Labels = Scopes },
        new("団体コード一覧", "lgCodes", CellKind.Codes, 18, "行が指す団体のコード。取り込みで市区町村マスタから計算し直す（マスタがないときだけこの値を使う）。複数は 、 で区切る") { Example = "141305、143847" },
        new("事業名", "title", CellKind.Text, 30, "採択された事業の名前"),
        new("技術", "technology", CellKind.Text, 20, "使う技術"),
        new("備考", "note", CellKind.Text, 40, "その他"),
        new("出典文書", "source.document", CellKind.Text, 26, "出典の文書ファイル名（出典を書くなら必須）"),
        new("出典箇所", "source.section", CellKind.Text, 30, "文書の中の箇所"),
        new("出典名", "source.title", CellKind.Text, 30, "文書の題名"),
        new("出典日付", "source.date", CellKind.Text, 16, "文書の日付（資料のとおりの文字）") { Example = "令和4年2月9日" },
    ]);

    public static readonly SheetLayout Related = new("関連制度", "related", "1 行が 1 つの関連。",
    [
        ProgramId(), ProgramName(),
        new("関連する制度ID", "id", CellKind.ProgramRef, 34, "関連する制度の制度ID（このブックかカタログにあるもの）"),
        new("関連する制度名" + ReferenceMark, "", CellKind.Derived, 36, "関連する制度ID の制度名") { Derivation = Derivation.RelatedName },
        new("関係", "relation", CellKind.Text, 14, "関係の種類（必須）") { Example = "合同審査, 後継, 前身, 関連" },
    ]);

    public static readonly SheetLayout Contacts = new("連絡先", "contacts", "1 行が 1 つの問い合わせ先。",
    [
        ProgramId(), ProgramName(),
        new("担当", "division", CellKind.Text, 30, "担当の課・室"),
        new("電話", "phone", CellKind.Text, 16, "電話番号（文字のまま）"),
        new("メール", "email", CellKind.Text, 30, "メールアドレス（資料のとおり）"),
        new("備考", "note", CellKind.Text, 30, "その他"),
    ]);

    public static readonly SheetLayout Sources = new("出典", "sources", "1 行が 1 つの出典。制度ごとに 1 行以上必要。",
    [
        ProgramId(), ProgramName(),
        new("文書", "document", CellKind.Text, 28, "出典の文書ファイル名（必須）") { Example = "002_73909b06327bf539.txt" },
        new("箇所", "section", CellKind.Text, 36, "文書の中の箇所"),
        new("題名", "title", CellKind.Text, 36, "文書の題名"),
        new("日付", "date", CellKind.Text, 16, "文書の日付（資料のとおりの文字）") { Example = "令和4年2月9日" },
    ]);

    public static readonly SheetLayout Rules = new("適格要件", "eligibility.rules", "1 行が 1 つの適格要件（ほかの制度やこの制度での採択の履歴による条件）。要件の出典は 制度 シートの 要件の出典文書 など。",
    [
        ProgramId(), ProgramName(),
        new("要件の種類", "kind", CellKind.Label, 16, "未採択であること・支援期間 から選ぶ（必須）") { Labels = RuleKinds },
        new("対象の制度ID", "programId", CellKind.ProgramRef, 34, "要件が見る制度の制度ID（この制度自身でもよい）。系列キー と どちらか"),
        new("対象の系列キー", "familyKey", CellKind.Text, 26, "類型・年度版をまとめて見るときの系列キー"),
        new("対象の年度", "fiscalYears", CellKind.FiscalYears, 20, "数える採択の年度。空ならいつでも。複数は 、 で区切る") { Example = "平成30年度、令和元年度" },
        new("支援年数", "years", CellKind.Count, 10, "支援期間: 初めての採択から何年度か") { Example = "3" },
        new("延長年数", "extensionYears", CellKind.Count, 10, "支援期間: 申請で延ばせる年数") { Example = "2" },
        new("要件の本文", "text", CellKind.Text, 50, "資料のとおりの文（必須）"),
    ]);

    /// <summary>Evidence of the program's own values, or (with 採択の番号) of one adoption row's.</summary>
    public static readonly SheetLayout Evidence = new(EvidenceSheet, "evidence",
        "1 行が 1 つの根拠（ある値がなぜそうなのか）。根拠のある制度は、書いた値すべてに根拠が要る。値の行を足したら根拠の行も足す。"
        + "値（補助率・金額・日付・年度・件数・名前）を変えたら、その値の根拠の行の 引用 も新しい値を述べる資料の文に直す（引用が値を述べていないと取り込めない）。",
    [
        ProgramId(), ProgramName(),
        new(AdoptionNumberHeader, AdoptionNumberPath, CellKind.Count, 10, "採択の行の根拠なら、採択 シートでこの制度の何件目の採択か（1, 2 …）。制度の値の根拠なら空") { Example = "1" },
        new("対象の項目", "field", CellKind.Text, 22, "根拠のある値の場所（必須）。name, caps[0], windows[1].end のように書く（[0] が 1 件目）。採択の行なら municipality, fiscalYear, title など") { Example = "caps[0], windows[1].end, municipality" },
        new("項目名" + ReferenceMark, "field", CellKind.Derived, 22, "対象の項目 を日本語で（読むためのもの）") { Derivation = Derivation.FieldLabel },
        new("根拠の種類", "basis", CellKind.Choice, 24, "資料（出典文書に書いてある）、general-knowledge（一般に知られたこと）、derived-from:制度ID（ほかの制度の記録から）") { Values = BasisKinds, ListIsAdvice = true, Example = "資料, general-knowledge, derived-from:smart-city-model-project" },
        new("出典文書", "document", CellKind.Text, 26, "根拠の種類が 資料 のとき: 値を述べる文書ファイル名（出典 シートにある文書）"),
        new("引用", "quote", CellKind.Text, 50, "根拠の種類が 資料 のとき: 文書の文をそのまま。引用は値を述べていること（補助率 1/2 なら 1/2 や 2分の1 を含む文）。値を変えたら引用も直す。直さないと取り込めない"),
        new("理由", "reason", CellKind.Text, 40, "資料以外のとき: 資料なしで値を残す理由を 1 行で"),
    ]);

    /// <summary>The data sheets in workbook order; the program sheet first. 根拠 comes after 採択, whose rows it numbers.</summary>
    public static readonly IReadOnlyList<SheetLayout> Sheets = [Programs, Caps, Windows, Selections, Adoptions, Related, Contacts, Sources, Rules, Evidence];

    /// <summary>The vocabularies behind dropdowns, each a column of the 選択肢 sheet.</summary>
    public static readonly IReadOnlyList<(string Name, IReadOnlyList<string> Values)> Lists =
    [
        ("所管府省", Vocabulary.Ministries),
        ("種類", Vocabulary.Kinds),
        ("分野", Vocabulary.Fields),
        ("対象", Vocabulary.Applicants),
        ("根拠の種類", BasisKinds),
    ];

    public static SheetLayout? Find(string name) => Sheets.FirstOrDefault(s => s.Name == name);
}
