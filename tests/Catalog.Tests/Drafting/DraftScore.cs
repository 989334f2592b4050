using System.Globalization;
using Catalog.Core.Notation;
using Catalog.Core.Programs;

namespace Catalog.Tests.Drafting;

/// <summary>
/// Per-field precision and recall of drafted values against what a reader takes from the same
/// document. Values are compared as units: a rate as its fractions and 定額, a cap as yen, a
/// window as its start and end (date, and time when one is given), the rest as written.
/// </summary>
public sealed class DraftScore
{
    public static readonly string[] Fields = ["ministry", "fiscalYears", "rate", "caps", "windows", "applicants"];

    private readonly Dictionary<string, (int Proposed, int Expected, int Right)> _counts = Fields.ToDictionary(f => f, _ => (0, 0, 0));
    public List<string> Wrong { get; } = [];

    public void Add(string document, string field, IReadOnlySet<string> proposed, IReadOnlySet<string> expected)
    {
        var right = proposed.Count(expected.Contains);
        var (p, e, r) = _counts[field];
        _counts[field] = (p + proposed.Count, e + expected.Count, r + right);
        foreach (var w in proposed.Where(v => !expected.Contains(v))) Wrong.Add($"{document}\t{field}\twrong {w}");
        foreach (var m in expected.Where(v => !proposed.Contains(v))) Wrong.Add($"{document}\t{field}\tmissed {m}");
    }

    public double Precision(string field) => _counts[field].Proposed == 0 ? 1 : (double)_counts[field].Right / _counts[field].Proposed;
    public double Recall(string field) => _counts[field].Expected == 0 ? 1 : (double)_counts[field].Right / _counts[field].Expected;

    public string Table() => string.Join("\n", Fields.Select(f =>
        string.Create(CultureInfo.InvariantCulture, $"{f,-12} precision {Precision(f),6:P1} ({_counts[f].Right}/{_counts[f].Proposed})  recall {Recall(f),6:P1} ({_counts[f].Right}/{_counts[f].Expected})")));

    /// <summary>The units of the values drafted records propose, per field.</summary>
    public static Dictionary<string, HashSet<string>> Units(IEnumerable<ProgramRecord> records)
    {
        var u = Fields.ToDictionary(f => f, _ => new HashSet<string>(StringComparer.Ordinal));
        foreach (var r in records)
        {
            if (!string.IsNullOrEmpty(r.Ministry)) u["ministry"].Add(r.Ministry);
            u["fiscalYears"].UnionWith(r.FiscalYears.Select(y => y.ToString(CultureInfo.InvariantCulture)));
            if (r.Rate is not null) u["rate"].UnionWith(RateUnits(r.Rate.Text));
            u["caps"].UnionWith(r.Caps.SelectMany(c => CapUnits(c.Text)));
            foreach (var w in r.Windows)
            {
                if (w.Start is not null) u["windows"].Add("start:" + Moment(w.Start));
                if (w.End is not null) u["windows"].Add("end:" + Moment(w.End));
            }
            u["applicants"].UnionWith(r.Applicants);
        }
        return u;
    }

    public static IEnumerable<string> RateUnits(string text)
    {
        if (RateText.TryParse(text, out _) is not { } parsed) yield break;
        foreach (var f in parsed.Fractions) yield return f.ToString("0.####", CultureInfo.InvariantCulture);
        if (parsed.Kind is "fixed" or "mixed") yield return "定額";
    }

    public static IEnumerable<string> CapUnits(string text)
    {
        if (Money.Parse(text) is { Kind: MoneyTextKind.Amount, Yen: { } yen }) yield return yen.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>2024-02-14T17:00:00+09:00 → 2024-02-14T17:00; a date alone (or a whole day) stays a date.</summary>
    public static string Moment(string value)
    {
        if (value.Length <= 10) return value;
        var t = DateTimeOffset.Parse(value, CultureInfo.InvariantCulture).ToOffset(TimeSpan.FromHours(9));
        if (t.TimeOfDay == TimeSpan.Zero || t.TimeOfDay >= new TimeSpan(23, 59, 59)) return t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return t.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
    }
}
