namespace TakeoverRules.Passwords.Matching;

/// <summary>
/// Dates and years: zxcvbn's date matcher (4–8 digits, or 6–10 characters with a separator; day, month and year in
/// any common order; two-digit years mapped to 19xx/20xx), years 1900–2099, month-day pairs, and Japanese era
/// years (S60, H05, R7, heisei7, 平成7) optionally followed by a month and day.
/// </summary>
internal static class DateMatcher
{
    private const int MinYear = 1000;
    private const int MaxYear = 2050;
    private const double Log10DaysInYear = 2.5622928644564746; // log10(365)

    // zxcvbn's DATE_SPLITS: where to cut a digit run of length 4..8 into three numbers.
    private static readonly (int, int)[][] Splits =
    [
        [(1, 2), (2, 3)],
        [(1, 3), (2, 3)],
        [(1, 2), (2, 4), (4, 5)],
        [(1, 3), (2, 3), (4, 5), (4, 6)],
        [(2, 4), (4, 6)],
    ];

    // Japanese eras since 1868 and their first Gregorian year: Meiji 1868, Taisho 1912, Showa 1926, Heisei 1989, Reiwa 2019.
    private static readonly (string[] Names, int FirstYear, int LastEraYear)[] Eras =
    [
        (["m", "meiji", "明治"], 1868, 45),
        (["t", "taisho", "taishou", "taisyo", "大正"], 1912, 15),
        (["s", "showa", "shouwa", "syowa", "syouwa", "昭和"], 1926, 64),
        (["h", "heisei", "平成"], 1989, 31),
        (["r", "reiwa", "令和"], 2019, 99),
    ];

    public static void Match(EstimationScratch scratch, int length, int referenceYear)
    {
        var text = scratch.Lower.AsSpan(0, length);
        MatchDigitDates(scratch, text, referenceYear);
        MatchSeparatedDates(scratch, text, referenceYear);
        MatchEras(scratch, text, referenceYear);
    }

    private static void MatchDigitDates(EstimationScratch scratch, ReadOnlySpan<char> text, int referenceYear)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsAsciiDigit(text[i])) continue;
            for (var len = 2; len <= 8 && i + len <= text.Length; len++)
            {
                if (!char.IsAsciiDigit(text[i + len - 1])) break;
                var token = text.Slice(i, len);
                if (len == 2)
                {
                    var y = TwoToFourDigitYear(Parse(token));
                    Add(scratch, i, len, PasswordPatternKind.Year, Guesses.Log10YearSpace(y, referenceYear), y);
                    continue;
                }

                if (len == 4)
                {
                    var year = Parse(token);
                    if (year is >= 1900 and <= 2099)
                        Add(scratch, i, len, PasswordPatternKind.Year, Guesses.Log10YearSpace(year, referenceYear), year);
                    int a = Parse(token[..2]), b = Parse(token[2..]);
                    if ((a is >= 1 and <= 12 && b is >= 1 and <= 31) || (b is >= 1 and <= 12 && a is >= 1 and <= 31))
                        Add(scratch, i, len, PasswordPatternKind.MonthDay, Log10DaysInYear, 0);
                }

                if (len < 4) continue;
                var bestYear = 0;
                var bestDistance = int.MaxValue;
                foreach (var (k, l) in Splits[len - 4])
                {
                    if (TryDate(Parse(token[..k]), Parse(token[k..l]), Parse(token[l..]), out var year)
                        && Math.Abs(year - referenceYear) < bestDistance)
                    {
                        bestYear = year;
                        bestDistance = Math.Abs(year - referenceYear);
                    }
                }

                if (bestDistance != int.MaxValue)
                    Add(scratch, i, len, PasswordPatternKind.Date, Guesses.Log10YearSpace(bestYear, referenceYear) + Log10DaysInYear, bestYear);
            }
        }
    }

    // d{1,4} sep d{1,2} sep d{1,4} with the same separator twice, 6–10 characters.
    private static void MatchSeparatedDates(EstimationScratch scratch, ReadOnlySpan<char> text, int referenceYear)
    {
        for (var i = 0; i + 6 <= text.Length; i++)
        {
            if (!char.IsAsciiDigit(text[i])) continue;
            var a = i;
            while (a < text.Length && a - i < 4 && char.IsAsciiDigit(text[a])) a++;
            if (a >= text.Length || !IsSeparator(text[a]) || (a < text.Length && char.IsAsciiDigit(text[a]))) continue;
            var separator = text[a];
            var b = a + 1;
            while (b < text.Length && b - a - 1 < 2 && char.IsAsciiDigit(text[b])) b++;
            if (b == a + 1 || b >= text.Length || text[b] != separator) continue;
            // Every length of the last group, as zxcvbn tries every substring: 12/20/91 inside 912/20/919.
            for (var c = b + 2; c <= Math.Min(text.Length, b + 5) && char.IsAsciiDigit(text[c - 1]); c++)
            {
                var total = c - i;
                if (total is < 6 or > 10) continue;
                int x = Parse(text[i..a]), y = Parse(text[(a + 1)..b]), z = Parse(text[(b + 1)..c]);
                if (TryDate(x, y, z, out var year))
                    Add(scratch, i, total, PasswordPatternKind.Date, Guesses.Log10YearSpace(year, referenceYear) + Log10DaysInYear + Math.Log10(4), year, CandidateFlags.Separator);
            }
        }
    }

    private static void MatchEras(EstimationScratch scratch, ReadOnlySpan<char> text, int referenceYear)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is not ('m' or 't' or 's' or 'h' or 'r' or '明' or '大' or '昭' or '平' or '令')) continue;
            foreach (var (names, firstYear, lastEraYear) in Eras)
            {
                foreach (var name in names)
                {
                    if (!text[i..].StartsWith(name, StringComparison.Ordinal)) continue;
                    var d = i + name.Length;
                    var digits = 0;
                    while (d + digits < text.Length && digits < 2 && char.IsAsciiDigit(text[d + digits])) digits++;
                    if (digits == 0) continue;
                    var eraYear = Parse(text.Slice(d, digits));
                    if (eraYear < 1 || eraYear > lastEraYear) continue;
                    var year = firstYear + eraYear - 1;
                    // Letter case and zero padding are the attacker's only extra choices: ×2.
                    var log10 = Guesses.Log10YearSpace(year, referenceYear) + Math.Log10(2);
                    Add(scratch, i, name.Length + digits, PasswordPatternKind.JapaneseEraDate, log10, year);
                    var md = d + digits;
                    if (md + 4 <= text.Length && IsDigits(text.Slice(md, 4)))
                    {
                        int month = Parse(text.Slice(md, 2)), day = Parse(text.Slice(md + 2, 2));
                        if (month is >= 1 and <= 12 && day is >= 1 and <= 31)
                            Add(scratch, i, name.Length + digits + 4, PasswordPatternKind.JapaneseEraDate, log10 + Log10DaysInYear, year);
                    }
                }
            }
        }
    }

    private static void Add(EstimationScratch scratch, int i, int length, PasswordPatternKind kind, double log10, int year, CandidateFlags flags = CandidateFlags.None) =>
        scratch.Add(new Candidate { I = i, J = i + length - 1, Kind = kind, Log10 = log10, Aux = year, Flags = flags });

    // zxcvbn's map_ints_to_dmy.
    private static bool TryDate(int a, int b, int c, out int year)
    {
        year = 0;
        if (b is > 31 or <= 0) return false;
        // Written out rather than over spans of tuples, whose generic helpers the JIT compiled on the first estimate.
        if (!IsDatePart(a) || !IsDatePart(b) || !IsDatePart(c)) return false;
        var over31 = (a > 31 ? 1 : 0) + (b > 31 ? 1 : 0) + (c > 31 ? 1 : 0);
        var over12 = (a > 12 ? 1 : 0) + (b > 12 ? 1 : 0) + (c > 12 ? 1 : 0);
        var under1 = (a <= 0 ? 1 : 0) + (b <= 0 ? 1 : 0) + (c <= 0 ? 1 : 0);
        if (over31 >= 2 || over12 == 3 || under1 >= 2) return false;

        // Year last (c, then day and month a b), else year first (a, then b c); a four-digit year decides.
        if (c is >= MinYear and <= MaxYear) return IsDayMonth(a, b) && SetYear(c, out year);
        if (a is >= MinYear and <= MaxYear) return IsDayMonth(b, c) && SetYear(a, out year);
        if (IsDayMonth(a, b)) return SetYear(TwoToFourDigitYear(c), out year);
        if (IsDayMonth(b, c)) return SetYear(TwoToFourDigitYear(a), out year);
        return false;
    }

    private static bool IsDatePart(int v) => v is (<= 99 or >= MinYear) and <= MaxYear;

    private static bool SetYear(int value, out int year)
    {
        year = value;
        return true;
    }

    private static bool IsDayMonth(int x, int y) =>
        (x is >= 1 and <= 31 && y is >= 1 and <= 12) || (y is >= 1 and <= 31 && x is >= 1 and <= 12);

    private static int TwoToFourDigitYear(int year) => year > 99 ? year : year > 50 ? year + 1900 : year + 2000;

    private static bool IsSeparator(char c) => c is ' ' or '/' or '\\' or '_' or '.' or '-';

    private static bool IsDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c)) return false;
        }

        return true;
    }

    private static int Parse(ReadOnlySpan<char> digits)
    {
        var value = 0;
        foreach (var c in digits) value = (value * 10) + (c - '0');
        return value;
    }
}
