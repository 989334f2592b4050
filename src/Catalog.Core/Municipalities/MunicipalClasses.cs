namespace Catalog.Core.Municipalities;

/// <summary>
/// The classes of local government a program's eligibility can depend on. Each is backed by a
/// class list in the master (derived from the kind of every entry, an explicit member list, or
/// declared unknown).
/// </summary>
public static class MunicipalClasses
{
    public const string Prefecture = "都道府県";
    public const string Municipality = "市区町村";
    public const string DesignatedCity = "政令指定都市";
    public const string CoreCity = "中核市";
    public const string SpecialWard = "特別区";
    public const string City = "市";
    public const string Town = "町";
    public const string Village = "村";
    public const string CentralCoreCity = "中枢中核都市";

    public static readonly IReadOnlyList<string> All =
        [Prefecture, Municipality, DesignatedCity, CoreCity, SpecialWard, City, Town, Village, CentralCoreCity];

    /// <summary>Kinds an entry of the master has; each is also a class.</summary>
    public static readonly IReadOnlyList<string> Kinds = [Prefecture, City, Town, Village, SpecialWard];

    /// <summary>How a class list says who belongs: by each entry's kind, by a list of codes, or not at all.</summary>
    public static readonly IReadOnlyList<string> Bases = ["kind", "members", "unknown"];

    /// <summary>Classes that by law or definition only a 市 can hold (地方自治法 252条の19, 252条の22; 中枢中核都市 are cities).</summary>
    public static readonly IReadOnlyList<string> CityOnly = [DesignatedCity, CoreCity, CentralCoreCity];
}

public enum Membership { Member, NotMember, Unknown }

/// <summary>Whether one entity belongs to one class, and on what authority.</summary>
public sealed record ClassFact(string Class, Membership Membership, string? Source, string? AsOf, string? Note);
