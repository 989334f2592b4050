using System.Globalization;
using System.Text.RegularExpressions;
using Catalog.Core.Notation;
using Catalog.Core.Programs;

namespace Catalog.Core.Import;

/// <summary>
/// Checks one record against the rules that need no other record, and fills in the derived
/// fields (parsed rate, yen amounts, normalised window times, duration in years).
/// </summary>
internal sealed partial class RecordValidator(InputRecord input, List<ImportError> errors, bool checkSupport = true)
{
    private string? _id;

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex(@"^\d{6}$")]
    private static partial Regex LgCodePattern();

    private void Error(string field, string message)
    {
        var path = input.Path + "." + Regex.Replace(field, @"^([^.\[]+)", "$1");
        errors.Add(new(input.File, input.Lines.LineOf(path), _id, field, message));
    }

    public void Program(ProgramRecord p)
    {
        _id = string.IsNullOrWhiteSpace(p.Id) ? null : p.Id;
        if (string.IsNullOrWhiteSpace(p.Id)) Error("id", "is required");
        else if (!SlugPattern().IsMatch(p.Id)) Error("id", $"'{p.Id}' is not a slug (lower-case ASCII words joined by '-')");
        // A draft (issue 28) imports only once its reviewer has resolved every item; the block is never stored.
        if (p.Draft is { IsResolved: false } draft)
            Error("draft", $"is an unreviewed draft ({draft.Describe()}): check each value against its quote, fill or accept each item, then delete the draft block");
        p.Draft = null;
        if (string.IsNullOrWhiteSpace(p.Name)) Error("name", "is required");
        if (string.IsNullOrWhiteSpace(p.FamilyKey)) p.FamilyKey = p.Id;
        else if (!SlugPattern().IsMatch(p.FamilyKey)) Error("familyKey", $"'{p.FamilyKey}' is not a slug");
        Known("level", p.Level, Vocabulary.Levels, required: true);
        if (string.IsNullOrWhiteSpace(p.Ministry)) Error("ministry", "is required (for a non-national program, the body that runs it)");
        else if (p.Level == "national") Known("ministry", p.Ministry, Vocabulary.Ministries, required: true);
        KnownList("kinds", p.Kinds, Vocabulary.Kinds);
        KnownList("fields", p.Fields, Vocabulary.Fields);
        KnownList("applicants", p.Applicants, Vocabulary.Applicants);
        if (p.Sources.Count == 0) Error("sources", "every record names at least one source");
        for (var i = 0; i < p.Sources.Count; i++)
            if (string.IsNullOrWhiteSpace(p.Sources[i].Document)) Error($"sources[{i}].document", "is required");
        for (var i = 0; i < p.FiscalYears.Count; i++)
            if (p.FiscalYears[i] is < 1989 or > 2100) Error($"fiscalYears[{i}]", $"{p.FiscalYears[i]} is not a plausible 年度 start year");

        if (p.Rate is not null)
        {
            var parsed = RateText.TryParse(p.Rate.Text, out var why);
            if (parsed is null) Error("rate.text", why!);
            else { p.Rate.Kind = parsed.Kind; p.Rate.Max = parsed.Max; p.Rate.Fractions = [.. parsed.Fractions]; }
        }

        for (var i = 0; i < p.Caps.Count; i++)
        {
            var cap = p.Caps[i];
            var money = Money.Parse(cap.Text);
            if (money.Kind == MoneyTextKind.Invalid) Error($"caps[{i}].text", $"'{cap.Text}' is not an amount (e.g. 3.0億円, 10,000千円, 上限の定めなし)");
            cap.AmountYen = money.Yen;
            if (cap.Per is not null) Known($"caps[{i}].per", cap.Per, Vocabulary.CapPeriods, required: false);
            if (cap.Applicant is not null) Known($"caps[{i}].applicant", cap.Applicant, Vocabulary.Applicants, required: false);
        }

        if (p.Budget is not null)
        {
            // Budget lines come with qualifiers (令和3年度補正 …, （ほか …）): the first amount counts.
            var money = Money.Find(p.Budget.Text);
            if (money.Kind == MoneyTextKind.Invalid) Error("budget.text", $"'{p.Budget.Text}' names no amount");
            p.Budget.AmountYen = money.Yen;
            p.Budget.PartOfLarger = money.PartOfLarger;
        }

        p.MaxDurationYears = Duration.ParseYears(p.MaxDurationText);
        if (p.MaxDurationText is not null && p.MaxDurationYears is null) Error("maxDurationText", $"'{p.MaxDurationText}' names no number of years");

        for (var i = 0; i < p.Windows.Count; i++) Window(p.Windows[i], $"windows[{i}]");
        for (var i = 0; i < p.Selections.Count; i++)
            if (p.Selections[i].Count < 0) Error($"selections[{i}].count", "cannot be negative");
        for (var i = 0; i < p.Related.Count; i++)
            if (string.IsNullOrWhiteSpace(p.Related[i].Id)) Error($"related[{i}].id", "is required");
        for (var i = 0; i < p.Adoptions.Count; i++) Adoption(p.Adoptions[i], $"adoptions[{i}]", embedded: true);
        CheckEvidence(p);
    }

    public void Adoption(Adoption a, string field = "", bool embedded = false)
    {
        string F(string name) => field.Length == 0 ? name : $"{field}.{name}";
        if (!embedded)
        {
            _id = a.ProgramId;
            if (string.IsNullOrWhiteSpace(a.ProgramId)) Error(F("programId"), "is required in an adoption table");
        }
        if (string.IsNullOrWhiteSpace(a.Municipality)) Error(F("municipality"), "is required");
        if (a.FiscalYear is { } fy && fy is < 1989 or > 2100) Error(F("fiscalYear"), $"{a.FiscalYear} is not a plausible 年度 start year");
        if (a.LgCode is not null && !IsLgCode(a.LgCode)) Error(F("lgCode"), $"'{a.LgCode}' is not a 6-digit 全国地方公共団体コード with a valid check digit");
        CheckEvidence(a, field);
    }

    private void Window(ApplicationWindow w, string field)
    {
        DateTimeOffset? start = null, end = null;
        if (w.Start is not null)
        {
            start = ParseWindowTime(w.Start, endOfDay: false);
            if (start is null) Error($"{field}.start", $"'{w.Start}' is not a date (2024-04-05, 2024-04-05T10:00:00+09:00 or 令和6年4月5日)");
            else w.Start = Format(start.Value);
        }
        if (w.End is not null)
        {
            end = ParseWindowTime(w.End, endOfDay: true);
            if (end is null) Error($"{field}.end", $"'{w.End}' is not a date (2024-05-10, 2024-05-10T12:00:00+09:00 or 令和6年5月10日)");
            else w.End = Format(end.Value);
        }
        if (start is not null && end is not null && end < start)
            Error($"{field}.end", $"ends ({w.End}) before it starts ({w.Start})");
        if (w.YearRound && w.End is not null) Error($"{field}.yearRound", "a window open all year (通年) has no end");
        if (!w.YearRound && w.Start is null && w.End is null) Error(field, "needs a start, an end, or yearRound");
    }

    /// <summary>ISO 8601 or 和暦; a date alone starts at 00:00 or ends at 23:59:59 JST; no offset means JST.</summary>
    internal static DateTimeOffset? ParseWindowTime(string text, bool endOfDay)
    {
        DateOnly date;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date) || Wareki.TryParseDate(text, out date))
        {
            var time = endOfDay ? new TimeOnly(23, 59, 59) : TimeOnly.MinValue;
            return new DateTimeOffset(date.ToDateTime(time), ProgramStatus.Jst);
        }
        var hasOffset = text.EndsWith('Z') || Regex.IsMatch(text, @"[+-]\d{2}:\d{2}$");
        if (hasOffset && DateTimeOffset.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mmK"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset))
            return withOffset.ToOffset(ProgramStatus.Jst);
        if (!hasOffset && DateTime.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            return new DateTimeOffset(local, ProgramStatus.Jst);
        return null;
    }

    private static string Format(DateTimeOffset t) => t.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private void Known(string field, string? value, IReadOnlyList<string> allowed, bool required)
    {
        if (string.IsNullOrWhiteSpace(value)) { if (required) Error(field, "is required"); return; }
        if (!allowed.Contains(value)) Error(field, $"'{value}' is not one of: {string.Join(", ", allowed)}");
    }

    private void KnownList(string field, List<string> values, IReadOnlyList<string> allowed)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (!allowed.Contains(values[i])) Error($"{field}[{i}]", $"'{values[i]}' is not one of: {string.Join(", ", allowed)}");
            else if (values.IndexOf(values[i]) != i) Error($"{field}[{i}]", $"'{values[i]}' is listed twice");
        }
    }

    /// <summary>JIS X 0402: five digits and a check digit (11 − Σ dᵢ·(6..2) mod 11) mod 10.</summary>
    internal static bool IsLgCode(string code)
    {
        if (!LgCodePattern().IsMatch(code)) return false;
        var sum = 0;
        for (var i = 0; i < 5; i++) sum += (code[i] - '0') * (6 - i);
        return (11 - sum % 11) % 10 == code[5] - '0';
    }
}
