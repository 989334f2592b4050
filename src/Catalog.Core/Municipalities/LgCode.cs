namespace Catalog.Core.Municipalities;

/// <summary>全国地方公共団体コード (JIS X 0402): five digits and a check digit.</summary>
public static class LgCode
{
    /// <summary>The check digit of the first five digits: (11 − Σ dᵢ·(6..2) mod 11) mod 10.</summary>
    public static int CheckDigit(ReadOnlySpan<char> five)
    {
        var sum = 0;
        for (var i = 0; i < 5; i++) sum += (five[i] - '0') * (6 - i);
        return (11 - sum % 11) % 10;
    }

    /// <summary>Null when <paramref name="code"/> is a well-formed code, otherwise what is wrong with it.</summary>
    public static string? Problem(string? code)
    {
        if (string.IsNullOrEmpty(code)) return "is empty; a 全国地方公共団体コード has 6 digits";
        if (code.Length != 6) return $"'{code}' has {code.Length} characters; a 全国地方公共団体コード has 6 digits (5 and a check digit)";
        foreach (var c in code)
            if (!char.IsAsciiDigit(c)) return $"'{code}' is not all digits";
        var expected = CheckDigit(code);
        return expected == code[5] - '0' ? null : $"'{code}' has a bad check digit: after {code[..5]} it should be {expected}";
    }

    public static bool IsValid(string? code) => Problem(code) is null;
}
