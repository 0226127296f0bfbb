namespace TakeoverRules.Passwords.Matching;

/// <summary>
/// Japanese telephone-number shapes, per the MIC numbering plan (総務省「電気通信番号制度」, soumu.go.jp
/// /joho_tsusin/top/tel_number, read 2026-11): mobile 070/080/090 + C≠0 + 7 digits; IP 050 + C≠0 + 7 digits;
/// free dial 0120 + 6 digits and 0800 + 7 digits; fixed lines 0 + 9 digits. Hyphens between groups are allowed.
/// Guesses are the size of the shape's number space.
/// </summary>
internal static class PhoneNumberMatcher
{
    public static void Match(EstimationScratch scratch, int length)
    {
        var text = scratch.Lower.AsSpan(0, length);
        Span<char> digits = stackalloc char[12];
        for (var i = 0; i < length; i++)
        {
            if (text[i] != '0' || (i > 0 && char.IsAsciiDigit(text[i - 1]))) continue;
            var count = 0;
            var hyphens = 0;
            var j = i;
            for (; j < length && count < 12; j++)
            {
                if (char.IsAsciiDigit(text[j])) digits[count++] = text[j];
                else if (text[j] == '-' && j + 1 < length && char.IsAsciiDigit(text[j + 1]) && char.IsAsciiDigit(text[j - 1])) hyphens++;
                else break;
                if (TryShape(digits[..count], out var log10) && (j + 1 >= length || !char.IsAsciiDigit(text[j + 1])))
                {
                    if (hyphens > 0) log10 += Math.Log10(2);
                    scratch.Add(new Candidate { I = i, J = j, Kind = PasswordPatternKind.PhoneNumber, Log10 = log10 });
                }
            }
        }
    }

    private static bool TryShape(ReadOnlySpan<char> d, out double log10)
    {
        log10 = 0;
        if (d.Length == 11 && d[2] == '0' && d[1] is '7' or '8' or '9' && d[3] != '0')
        {
            log10 = Math.Log10(3 * 9e7);
            return true;
        }

        if (d.Length == 11 && d.StartsWith("050") && d[3] != '0')
        {
            log10 = Math.Log10(9e7);
            return true;
        }

        if (d.Length == 10 && d.StartsWith("0120"))
        {
            log10 = 6;
            return true;
        }

        if (d.Length == 11 && d.StartsWith("0800"))
        {
            log10 = 7;
            return true;
        }

        if (d.Length == 10 && d[1] != '0' && !d.StartsWith("0120"))
        {
            log10 = Math.Log10(9e8);
            return true;
        }

        return false;
    }
}
