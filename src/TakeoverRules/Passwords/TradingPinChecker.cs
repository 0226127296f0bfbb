using System.Globalization;

namespace TakeoverRules.Passwords;

/// <summary>
/// Checks a four-digit trading PIN (取引暗証番号) against how people choose them: the commonest codes, repeated digits,
/// runs, keypad shapes, dates and years, and — given a <see cref="TradingPinContext"/> — the holder's birth date,
/// other numbers and the login password. Thread-safe; results never contain the PIN.
/// </summary>
public static class TradingPinChecker
{
    /// <summary>
    /// The 20 commonest four-digit codes, most common first, in Tomaž Šolc, "Analyzing PIN numbers" (tablix.org,
    /// 2018-10-13), counted over the Pwned Passwords SHA-1 file of 2018 (517,238,891 hashes, 14,479,676 four-digit
    /// occurrences). Only the order is used.
    /// </summary>
    private static readonly string[] CommonPins =
    [
        "1234", "1111", "1342", "0000", "1212", "4444", "1986", "7777", "6969", "1989",
        "2222", "5555", "2004", "1984", "1987", "1985", "1313", "9999", "8888", "6666",
    ];

    // Rows top to bottom; a key may span two cells (the wide 0 of a numeric keypad).
    private static readonly (int Row, int Column)[][] PhoneKeypad = Layout(["123", "456", "789", " 0 "]);
    private static readonly (int Row, int Column)[][] NumericKeypad = Layout(["789", "456", "123", "00 "]);

    private static readonly Lazy<int> WeakWithoutContext = new(() =>
    {
        var count = 0;
        for (var i = 0; i < 10_000; i++)
        {
            if (!Check(i.ToString("D4", CultureInfo.InvariantCulture)).IsAcceptable) count++;
        }

        return count;
    });

    /// <summary>How many of the 10,000 four-digit codes are refused without any context (computed once, on first use).</summary>
    public static int RefusedCodeCount => WeakWithoutContext.Value;

    /// <summary>Checks one PIN.</summary>
    /// <param name="pin">The PIN as typed; full-width digits are accepted.</param>
    /// <param name="context">What is known about the holder; <see langword="null"/> for none.</param>
    /// <returns>Every weakness found; <see cref="TradingPinWeakness.InvalidFormat"/> alone when the input is not four digits.</returns>
    public static TradingPinResult Check(string pin, TradingPinContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(pin);
        var normalized = PolicyText.Normalize(pin, out _);
        if (normalized.Length != 4 || !normalized.All(char.IsAsciiDigit))
        {
            return new TradingPinResult([new TradingPinFinding(TradingPinWeakness.InvalidFormat)], null);
        }

        Span<int> d = [normalized[0] - '0', normalized[1] - '0', normalized[2] - '0', normalized[3] - '0'];
        var findings = new List<TradingPinFinding>();
        var rank = Array.IndexOf(CommonPins, normalized) + 1;
        if (rank > 0) findings.Add(new(TradingPinWeakness.Common));
        if (DistinctDigits(d) <= 2) findings.Add(new(TradingPinWeakness.RepeatedDigits));
        if (IsSequence(d)) findings.Add(new(TradingPinWeakness.Sequence));
        if (IsKeypadPattern(d)) findings.Add(new(TradingPinWeakness.KeypadPattern));
        if (IsMonthDay((d[0] * 10) + d[1], (d[2] * 10) + d[3])) findings.Add(new(TradingPinWeakness.Date));
        var number = (d[0] * 1000) + (d[1] * 100) + (d[2] * 10) + d[3];
        if (number is >= 1900 and <= 2099) findings.Add(new(TradingPinWeakness.Year));

        if (context is not null)
        {
            if (context.BirthDate is { } birth && BirthDateForms(birth).Contains(normalized)) findings.Add(new(TradingPinWeakness.BirthDate));
            if (context.LoginPassword is { Length: > 0 } password
                && PolicyText.Normalize(password, out _).Contains(normalized, StringComparison.Ordinal))
            {
                findings.Add(new(TradingPinWeakness.PartOfLoginPassword));
            }

            if (context.OtherNumbers.Take(TradingPinContext.MaximumOtherNumbers).Any(n => n is not null && DigitsOf(n).Contains(normalized, StringComparison.Ordinal)))
            {
                findings.Add(new(TradingPinWeakness.ContextNumber));
            }
        }

        return new TradingPinResult(findings, rank > 0 ? rank : null);
    }

    private static int DistinctDigits(ReadOnlySpan<int> d)
    {
        var seen = 0;
        foreach (var digit in d) seen |= 1 << digit;
        return System.Numerics.BitOperations.PopCount((uint)seen);
    }

    private static bool IsSequence(ReadOnlySpan<int> d)
    {
        var step = d[1] - d[0];
        var constant = d[2] - d[1] == step && d[3] - d[2] == step;
        if (constant && step is 2 or -2) return true;

        // Step 1 may wrap round (7890, 8901, 2109): the digit row of a keyboard runs 1…9, 0.
        var up = true;
        var down = true;
        for (var i = 1; i < 4; i++)
        {
            up &= d[i] == (d[i - 1] + 1) % 10;
            down &= d[i] == (d[i - 1] + 9) % 10;
        }

        return up || down;
    }

    private static bool IsKeypadPattern(ReadOnlySpan<int> d)
    {
        if (DistinctDigits(d) != 4) return false;
        var mask = (1 << d[0]) | (1 << d[1]) | (1 << d[2]) | (1 << d[3]);
        const int corners = (1 << 1) | (1 << 3) | (1 << 7) | (1 << 9);
        const int edges = (1 << 2) | (1 << 4) | (1 << 6) | (1 << 8);
        if (mask is corners or edges) return true;
        return IsWalk(d, PhoneKeypad) || IsWalk(d, NumericKeypad);
    }

    /// <summary>Whether each key is a horizontal or vertical neighbour of the one before (diagonals would admit too many codes to refuse).</summary>
    private static bool IsWalk(ReadOnlySpan<int> d, (int Row, int Column)[][] layout)
    {
        for (var i = 1; i < d.Length; i++)
        {
            var adjacent = false;
            foreach (var a in layout[d[i - 1]])
            {
                foreach (var b in layout[d[i]])
                {
                    adjacent |= Math.Abs(a.Row - b.Row) + Math.Abs(a.Column - b.Column) == 1;
                }
            }

            if (!adjacent) return false;
        }

        return true;
    }

    private static (int Row, int Column)[][] Layout(string[] rows)
    {
        var cells = new List<(int, int)>[10];
        for (var k = 0; k < 10; k++) cells[k] = [];
        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < rows[r].Length; c++)
            {
                if (char.IsAsciiDigit(rows[r][c])) cells[rows[r][c] - '0'].Add((r, c));
            }
        }

        return [.. cells.Select(c => c.ToArray())];
    }

    private static bool IsMonthDay(int month, int day) => month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(2000, month);

    private static HashSet<string> BirthDateForms(DateOnly birth)
    {
        var yyyy = birth.Year.ToString("D4", CultureInfo.InvariantCulture);
        var yy = (birth.Year % 100).ToString("D2", CultureInfo.InvariantCulture);
        var mm = birth.Month.ToString("D2", CultureInfo.InvariantCulture);
        var dd = birth.Day.ToString("D2", CultureInfo.InvariantCulture);
        var forms = new HashSet<string>(StringComparer.Ordinal) { mm + dd, dd + mm, yyyy, yy + mm, mm + yy };
        if (JapaneseEraYear(birth) is { } era) forms.Add(era.ToString("D2", CultureInfo.InvariantCulture) + mm);
        return forms;
    }

    /// <summary>The year within the Japanese era (昭和 from 1926-12-25, 平成 from 1989-01-08, 令和 from 2019-05-01); <see langword="null"/> before Shōwa.</summary>
    private static int? JapaneseEraYear(DateOnly date) => date switch
    {
        _ when date >= new DateOnly(2019, 5, 1) => date.Year - 2018,
        _ when date >= new DateOnly(1989, 1, 8) => date.Year - 1988,
        _ when date >= new DateOnly(1926, 12, 25) => date.Year - 1925,
        _ => null,
    };

    private static string DigitsOf(string value) =>
        string.Concat(PolicyText.Normalize(value.Length > 256 ? value[..256] : value, out _).Where(char.IsAsciiDigit));
}
