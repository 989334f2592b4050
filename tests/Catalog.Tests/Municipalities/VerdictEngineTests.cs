using Catalog.Core.Municipalities;
using Catalog.Core.Programs;

namespace Catalog.Tests.Municipalities;

/// <summary>The verdict engine on its own: a small master, programs written here, dates fixed.</summary>
public class VerdictEngineTests
{
    private static readonly DateTimeOffset AsOf = new(2024, 5, 1, 10, 0, 0, ProgramStatus.Jst);

    private static MunicipalityDirectory Directory(string centralCoreBasis, params string[] centralCoreMembers) => new(new MunicipalMaster
    {
        Master = new MasterSource { Source = "test master" },
        Classes =
        [
            new() { Class = "都道府県", Basis = "kind", Source = "test", AsOf = "2024-01-01" },
            new() { Class = "市区町村", Basis = "kind", Source = "test", AsOf = "2024-01-01" },
            new() { Class = "市", Basis = "kind", Source = "test", AsOf = "2024-01-01" },
            new() { Class = "町", Basis = "kind", Source = "test", AsOf = "2024-01-01" },
            new() { Class = "村", Basis = "kind", Source = "test", AsOf = "2024-01-01" },
            new() { Class = "特別区", Basis = "kind", Source = "test", AsOf = "2024-01-01" },
            new() { Class = "政令指定都市", Basis = "members", Source = "test list", AsOf = "2024-01-01", Members = ["041009"] },
            new() { Class = "中核市", Basis = "unknown" },
            centralCoreBasis == "unknown"
                ? new() { Class = "中枢中核都市", Basis = "unknown", Note = "一覧なし" }
                : new() { Class = "中枢中核都市", Basis = "members", Source = "test list", AsOf = "2024-01-01", Members = [.. centralCoreMembers] },
        ],
        Municipalities =
        [
            new() { Code = "040002", Name = "宮城県", Kana = "みやぎけん", Kind = "都道府県" },
            new() { Code = "041009", Name = "仙台市", Kana = "せんだいし", Kind = "市", Prefecture = "040002" },
            new() { Code = "042021", Name = "石巻市", Kana = "いしのまきし", Kind = "市", Prefecture = "040002" },
            new() { Code = "044458", Name = "色麻町", Kana = "しかまちょう", Kind = "町", Prefecture = "040002" },
        ],
    });

    private static ProgramRecord Program(string id, params string[] applicants) => new()
    {
        Id = id, Name = id, FamilyKey = id, Level = "national", Ministry = "内閣府", Applicants = [.. applicants],
        Windows = [new ApplicationWindow { Start = "2024-04-01T00:00:00+09:00", End = "2024-05-31T23:59:59+09:00" }],
    };

    private static Verdict Decide(ProgramRecord p, MunicipalityDirectory d, string code, IReadOnlyList<AdoptionRow>? history = null, AdoptionLedger? ledger = null)
    {
        var m = d.Find(code)!;
        return VerdictEngine.Decide(p, m, c => d.Fact(m, c), history ?? [], ledger ?? new AdoptionLedger([p], []), AsOf);
    }

    private static AdoptionRow Adopted(ProgramRecord p, string code, string name, int? year) =>
        new(p.Id, p.Name, p.FamilyKey, new Adoption { ProgramId = p.Id, FiscalYear = year, Municipality = name, LgCodes = [code], Title = $"{name}の事業" });

    [Fact]
    public void AnOpenProgramForMunicipalitiesIsEligibleWithTheMatchedClassAndDaysLeft()
    {
        var v = Decide(Program("open", "市区町村"), Directory("unknown"), "042021");
        Assert.Equal("対象", v.Outcome);
        Assert.Equal("市区町村", v.MatchedClass);
        Assert.Equal("受付中", v.WindowStatus);
        Assert.Equal(30, v.DaysLeft);
        // A Japanese sentence shows its date in 和暦; nextDeadline stays ISO.
        Assert.Contains(v.Reasons, r => r.Rule == "公募期間" && r.Effect == "ok" && r.Fact == "受付中。締切 令和6年5月31日（残り30日）");
        Assert.StartsWith("2024-05-31T23:59:59", v.NextDeadline);
    }

    [Fact]
    public void AnAnnouncedProgramSaysWhenItOpensInWareki()
    {
        var p = Program("announced", "市区町村");
        p.Windows = [new ApplicationWindow { Start = "2024-06-03T00:00:00+09:00", End = "2024-07-31T17:00:00+09:00" }];
        var v = Decide(p, Directory("unknown"), "042021");
        Assert.Contains(v.Reasons, r => r.Rule == "公募期間" && r.Fact == "受付開始 令和6年6月3日（予告）");
    }

    [Fact]
    public void AProgramWhoseWindowIsClosedIsNotEligibleAndNamesTheClosingDate()
    {
        var p = Program("closed", "市区町村");
        p.Windows = [new ApplicationWindow { Start = "2024-01-10T00:00:00+09:00", End = "2024-02-29T17:00:00+09:00" }];
        var v = Decide(p, Directory("unknown"), "042021");
        Assert.Equal("対象外", v.Outcome);
        Assert.Contains(v.Reasons, r => r.Rule == "公募期間" && r.Effect == "excluded" && r.Fact == "受付は令和6年2月29日に締切");
    }

    [Fact]
    public void AProgramWithoutApplicantsIsADataGapNeverEligible()
    {
        // A record that lacks its applicants says so as a gap of the catalogue, not as a verdict about the city.
        var p = Program("bare");
        p.Windows = [];
        var v = Decide(p, Directory("unknown"), "042021");
        Assert.Equal("記載不足", v.Outcome);
        Assert.Contains(v.Reasons, r => r.Rule == "申請主体" && r.Effect == "gap");
        Assert.Contains(v.Reasons, r => r.Rule == "公募期間" && r.Effect == "unknown");
    }

    [Fact]
    public void AMunicipalitysOwnProgramIsNotForAnotherMunicipality()
    {
        var p = Program("ishinomaki-own", "民間事業者");
        p.Level = "municipal";
        p.Ministry = "石巻市";
        var other = Decide(p, Directory("unknown"), "044458");
        Assert.Equal("対象外", other.Outcome);
        Assert.Contains(other.Reasons, r => r.Rule == "実施団体" && r.Effect == "excluded" && r.Fact == "石巻市の事業（対象は市内）");
        // For its own city the applicants decide: 民間事業者 only, so the city itself is not an applicant.
        var own = Decide(p, Directory("unknown"), "042021");
        Assert.DoesNotContain(own.Reasons, r => r.Rule == "実施団体");
        Assert.Contains(own.Reasons, r => r.Rule == "申請主体" && r.Effect == "excluded");
    }

    [Fact]
    public void AProgramWhoseLastFiscalYearIsOverIsEndedForEveryone()
    {
        var p = Program("r3", "市区町村");
        p.FiscalYears = [2021];
        p.Windows = [new ApplicationWindow { Start = "2021-04-05T00:00:00+09:00", End = "2021-05-10T12:00:00+09:00" }];
        var v = Decide(p, Directory("unknown"), "042021");
        Assert.Equal("終了", v.Outcome);
        Assert.Contains(v.Reasons, r => r.Rule == "公募期間" && r.Fact.StartsWith("令和3年度で終了"));
        // Even a program of another city that has ended reads 終了 first.
        p.Level = "municipal";
        p.Ministry = "石巻市";
        Assert.Equal("終了", Decide(p, Directory("unknown"), "044458").Outcome);
    }

    [Fact]
    public void AMunicipalityWithNoDataForTheClassGetsCheckNotEligible()
    {
        var v = Decide(Program("ccc-only", "中枢中核都市"), Directory("unknown"), "042021");
        Assert.Equal("要確認", v.Outcome);
        Assert.Contains(v.Reasons, r => r.Rule == "申請主体" && r.Effect == "unknown" && r.Class == "中枢中核都市");
    }

    [Fact]
    public void ATownIsNeverACentralCoreCityEvenWithoutTheList()
    {
        var v = Decide(Program("ccc-only", "中枢中核都市"), Directory("unknown"), "044458");
        Assert.Equal("対象外", v.Outcome);
    }

    [Theory]
    [InlineData("members", "041009", "対象", "2.5億円／年度")] // listed: the 中枢中核都市 cap
    [InlineData("members", "042021", "対象", "2.0億円／年度")] // a list without it: the 市区町村 cap
    [InlineData("unknown", "", "要確認", null)]               // no list: which cap applies is not known
    public void ADesignatedCityGetsTheCentralCoreCapOnlyWhenTheClassListSaysSo(string basis, string listed, string outcome, string? cap)
    {
        var p = Program("caps", "都道府県", "市区町村", "中枢中核都市");
        p.Caps =
        [
            new Cap { Applicant = "市区町村", Text = "2.0億円", Per = "year" },
            new Cap { Applicant = "中枢中核都市", Text = "2.5億円", Per = "year" },
        ];
        var v = Decide(p, Directory(basis, listed), "041009");
        Assert.Equal(outcome, v.Outcome);
        if (cap is null) Assert.Contains(v.Reasons, r => r.Rule == "上限額" && r.Effect == "unknown" && r.Fact.Contains("2.5億円") && r.Fact.Contains("2.0億円"));
        else Assert.Equal([cap], v.Cap!.Texts);
    }

    [Fact]
    public void AnExclusionRuleTurnsEligibleIntoNotEligibleNamingTheEarlierAdoption()
    {
        var earlier = Program("earlier", "市区町村");
        earlier.Selections = [new SelectionCount { FiscalYear = 2021, Count = 1 }];
        var p = Program("later", "市区町村");
        p.Eligibility = new Eligibility { Rules = [new EligibilityRule { Kind = "notAdopted", ProgramId = "earlier", FiscalYears = [2021], Text = "earlierの支援対象となっていないこと" }] };
        var d = Directory("unknown");
        var adoption = Adopted(earlier, "042021", "石巻市", 2021);
        var ledger = new AdoptionLedger([earlier, p], [adoption]);

        var adopted = Decide(p, d, "042021", [adoption], ledger);
        Assert.Equal("対象外", adopted.Outcome);
        var reason = Assert.Single(adopted.Reasons, r => r.Rule == "採択歴");
        Assert.Equal(("excluded", "earlier", 2021), (reason.Effect, reason.ProgramId, reason.FiscalYear));
        Assert.Contains("石巻市の事業", reason.Fact);

        // The list of 2021 is complete (1 of 1), so not being on it is a fact.
        var other = Decide(p, d, "041009", [], ledger);
        Assert.Equal("対象", other.Outcome);
    }

    [Fact]
    public void AnExclusionRuleOverAnIncompleteAdoptionListIsCheck()
    {
        var earlier = Program("earlier", "市区町村");
        earlier.Selections = [new SelectionCount { FiscalYear = 2021, Count = 5 }];
        var p = Program("later", "市区町村");
        p.Eligibility = new Eligibility { Rules = [new EligibilityRule { Kind = "notAdopted", ProgramId = "earlier", FiscalYears = [2021], Text = "t" }] };
        var d = Directory("unknown");
        var ledger = new AdoptionLedger([earlier, p], [Adopted(earlier, "042021", "石巻市", 2021)]);
        var v = Decide(p, d, "041009", [], ledger);
        Assert.Equal("要確認", v.Outcome);
        Assert.Contains(v.Reasons, r => r.Rule == "採択歴" && r.Effect == "unknown" && r.Fact.Contains("5件のうち1件"));
    }

    [Fact]
    public void ASupportPeriodCountsFromTheFirstAdoption()
    {
        var p = Program("period", "市区町村");
        p.Eligibility = new Eligibility { Rules = [new EligibilityRule { Kind = "supportPeriod", ProgramId = "period", Years = 3, ExtensionYears = 2, Text = "初めて採択された年から3年間" }] };
        var d = Directory("unknown");
        var history = new[] { Adopted(p, "042021", "石巻市", 2022), Adopted(p, "042021", "石巻市", 2019) };
        var v = Decide(p, d, "042021", history, new AdoptionLedger([p], history));
        var reason = Assert.Single(v.Reasons, r => r.Rule == "支援期間");
        Assert.Equal(2019, reason.FiscalYear);
        Assert.Contains("令和3年度まで", reason.Fact);
        Assert.Contains("令和5年度まで", reason.Fact);
        Assert.StartsWith("石巻市は令和元年度に初めて採択", reason.Fact);
    }

    [Fact]
    public void APrefectureMatchesPrefectureCapsAndNotMunicipalOnes()
    {
        var p = Program("pref", "都道府県", "市区町村");
        p.Caps = [new Cap { Applicant = "都道府県", Text = "3.0億円" }, new Cap { Applicant = "市区町村", Text = "2.0億円" }];
        var v = Decide(p, Directory("unknown"), "040002");
        Assert.Equal("対象", v.Outcome);
        Assert.Equal("都道府県", v.MatchedClass);
        Assert.Equal(["3.0億円"], v.Cap!.Texts);
        Assert.Equal("対象外", Decide(Program("muni", "市区町村"), Directory("unknown"), "040002").Outcome);
    }

    [Fact]
    public void VerdictsAreOrderedOpenAndEligibleFirst()
    {
        var d = Directory("unknown");
        var closed = Program("a-closed", "市区町村");
        closed.Windows = [new ApplicationWindow { End = "2024-01-01" }];
        var check = Program("b-check");
        var open = Program("c-open", "市区町村");
        var upcoming = Program("d-upcoming", "市区町村");
        upcoming.Windows = [new ApplicationWindow { Start = "2024-06-01T00:00:00+09:00", End = "2024-07-01T00:00:00+09:00" }];
        var ordered = VerdictEngine.Ordered(new[] { closed, check, open, upcoming }.Select(p => Decide(p, d, "042021"))).Select(v => v.ProgramId);
        Assert.Equal(["c-open", "d-upcoming", "b-check", "a-closed"], ordered);
    }
}
