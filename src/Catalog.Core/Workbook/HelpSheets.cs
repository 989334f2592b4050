using System.Globalization;
using System.IO.Packaging;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Catalog.Core.Workbook;

/// <summary>The two sheets staff read and the import ignores: 説明 (how to edit, every column) and 選択肢 (the vocabularies).</summary>
internal static class HelpSheets
{
    public static void WriteHelp(PackagePart part, int programCount, Dictionary<string, int> widths)
    {
        using var stream = part.GetStream(FileMode.Create, FileAccess.Write);
        using var writer = OpenXmlWriter.Create(stream);
        writer.WriteStartDocument();
        writer.WriteStartElement(new Worksheet());
        writer.WriteElement(new Columns(
            new DocumentFormat.OpenXml.Spreadsheet.Column { Min = 1, Max = 1, Width = 12, CustomWidth = true },
            new DocumentFormat.OpenXml.Spreadsheet.Column { Min = 2, Max = 2, Width = 22, CustomWidth = true },
            new DocumentFormat.OpenXml.Spreadsheet.Column { Min = 3, Max = 3, Width = 16, CustomWidth = true },
            new DocumentFormat.OpenXml.Spreadsheet.Column { Min = 4, Max = 4, Width = 60, CustomWidth = true },
            new DocumentFormat.OpenXml.Spreadsheet.Column { Min = 5, Max = 5, Width = 44, CustomWidth = true }));
        writer.WriteStartElement(new SheetData());
        var row = 0;
        void Line(uint style, params string[] texts) => RowWriter.Write(writer, ++row, texts.Select(t => WrittenCell.Text(t, style)));

        Line(WorkbookStyles.HelpTitle, "支援制度カタログ 編集用ブック");
        Line(WorkbookStyles.HelpText, $"制度 {programCount.ToString("N0", CultureInfo.InvariantCulture)} 件。このシート（説明）と 選択肢 シートは読むためのもので、取り込みでは使いません。");
        foreach (var text in Guide) Line(WorkbookStyles.HelpText, text);
        row++;
        Line(WorkbookStyles.Header, "シート", "列（見出し）", "種類", "内容", "書き方・例");
        foreach (var layout in WorkbookLayout.Sheets)
        {
            Line(WorkbookStyles.HelpText, layout.Name, "", "", layout.Help, "");
            foreach (var (column, header, index) in SheetCells.Expand(layout, widths))
            {
                if (index > 0) continue; // one line for 分野1 … 分野N
                var name = index == 0 ? $"{column.Header}1 … {column.Header}{widths[column.Path]}" : header;
                var values = column.Values is not null ? "選択肢: " + string.Join("、", column.Values)
                    : column.Labels is not null ? "選択肢: " + string.Join("、", column.Labels.Select(l => l.Label))
                    : column.Example is not null ? "例: " + column.Example : "";
                Line(column.IsRead ? WorkbookStyles.HelpText : WorkbookStyles.Derived, "", name, KindName(column), column.Help, values);
            }
        }
        writer.WriteEndElement();
        writer.WriteElement(new SheetProtection { Sheet = true, Objects = true, Scenarios = true });
        writer.WriteEndElement();
        writer.Close();
    }

    private static string KindName(Column c) => c.Kind switch
    {
        CellKind.Id => "ID（保護）",
        CellKind.ProgramRef => "制度ID",
        CellKind.Lines => "文字（改行で複数）",
        CellKind.Choice or CellKind.Choices or CellKind.Label => "一覧から選ぶ",
        CellKind.FiscalYear => "年度",
        CellKind.FiscalYears => "年度（、で複数）",
        CellKind.Count => "数",
        CellKind.Start or CellKind.End => "日付（和暦表示）",
        CellKind.Flag => "○ か空",
        CellKind.Code => "数字（文字として）",
        CellKind.Codes => "数字（、で複数）",
        CellKind.Derived => c.Header.EndsWith(WorkbookLayout.ReferenceMark, StringComparison.Ordinal) ? "参照（読み取りのみ）" : "自動（取り込みで計算）",
        _ => "文字",
    };

    private static readonly string[] Guide =
    [
        "使い方: 制度・上限額・募集期間・採択件数・採択・関連制度・連絡先・出典・適格要件・根拠 の各シートを編集し、コマンド import ファイル名.xlsx で取り込みます。誤りが 1 つでもあれば何も取り込まれず、誤りはシート名・行・列の見出しで示されます。",
        "シート名・列の見出し・列の順番は変えないでください。列を足す、セルを結合する、数式を入れることもできません（値を入力してください）。",
        "見出しに 【自動】 のある灰色の列は、取り込むときに計算し直します（入力しても使われません）。【参照】 の列は読むためのものです。",
        "制度ID は書き出した行では変えられません（シートの保護。パスワードはありません）。新しい制度は空いている行に新しい制度ID で追加し、上限額・募集期間などの行はその制度ID で結びつけます。",
        "取り込みは追加と更新だけです。制度 シートにない制度はカタログから消えません。上限額・募集期間などの行を消すと、その制度からその行が消えます。",
        "日付: Excel の日付（2024/4/5 と入力）か 令和6年4月5日 と書きます。和暦で表示されます。終了が日付だけなら、その日の 23:59:59 までです。",
        "年度: 令和6年度 か 2024。金額: 3.0億円、10,000千円、1億5,000万円、上限の定めなし。補助率: 1/2、1/2以内、2分の1、定額、定額、または2/3（セルは文字の書式なので 1/2 は日付になりません）。",
        "根拠: 根拠 シートの行は、制度（または 採択の番号 で指す採択の行）のある値がなぜそうなのかを示します。対象の項目 は caps[0]（上限額 シートでその制度の 1 件目）のように [0] から数えます。根拠のある制度は、書いた値すべてに根拠が要ります。上限額などの行を足したら、根拠 シートにその行の根拠も足してください。行を消したら、その行を指す根拠の行も消し、後ろの行を指す番号を 1 つずつ詰めてください。",
        "適格要件: 対象の団体区分・要件の出典 は 制度 シートの右端の列に、ほかの制度での採択の履歴による要件は 適格要件 シートに 1 行ずつ書きます。採択 シートの 範囲・団体コード一覧 は取り込みで市区町村マスタから計算し直します（団体でない地域の名前の行だけ 範囲 を 地域 にしてください）。",
        "CSV: 1 枚のシートを CSV（UTF-8 か Shift_JIS）で保存して取り込むこともできます。その場合、そのシートの内容だけが置き換わります。",
    ];

    public static void WriteLists(PackagePart part)
    {
        using var stream = part.GetStream(FileMode.Create, FileAccess.Write);
        using var writer = OpenXmlWriter.Create(stream);
        writer.WriteStartDocument();
        writer.WriteStartElement(new Worksheet());
        var cols = new Columns();
        for (var i = 0; i < WorkbookLayout.Lists.Count; i++)
            cols.Append(new DocumentFormat.OpenXml.Spreadsheet.Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = 26, CustomWidth = true });
        writer.WriteElement(cols);
        writer.WriteStartElement(new SheetData());
        var rows = WorkbookLayout.Lists.Max(l => l.Values.Count);
        RowWriter.Write(writer, 1, WorkbookLayout.Lists.Select(l => WrittenCell.Text(l.Name, WorkbookStyles.Header)));
        for (var r = 0; r < rows; r++)
            RowWriter.Write(writer, r + 2, WorkbookLayout.Lists.Select(l => r < l.Values.Count ? WrittenCell.Text(l.Values[r], WorkbookStyles.HelpText) : WrittenCell.Empty(0)));
        writer.WriteEndElement();
        writer.WriteElement(new SheetProtection { Sheet = true, Objects = true, Scenarios = true });
        writer.WriteEndElement();
        writer.Close();
    }
}
