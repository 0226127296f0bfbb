namespace TakeoverRules.Passwords.Matching;

/// <summary>
/// Japanese telephone-number shapes, per the MIC numbering plan (総務省「電気通信番号制度」, soumu.go.jp
/// /joho_tsusin/top/tel_number, read 2026-11): mobile 070/080/090 + C≠0 + 7 digits; IP 050 + C≠0 + 7 digits;
/// free dial 0120 + 6 digits and 0800 + 7 digits; fixed lines 0 + 9 digits. Hyphens between groups are allowed.
/// Guesses: the choices of the fixed prefix times the cheapest explanation of the subscriber digits (each hyphen
/// group decomposed like a password), so a random number costs its full number space while 090-1234-5678 costs
/// little more than its two sequences.
/// </summary>
internal static class PhoneNumberMatcher
{
    public const int MaxDigits = 12;

    public static void Match(EstimationScratch scratch, int length, int matchesBefore)
    {
        var text = scratch.Lower.AsSpan(0, length);
        var digits = scratch.Digits.AsSpan();
        for (var i = 0; i < length; i++)
        {
            if (text[i] != '0' || (i > 0 && char.IsAsciiDigit(text[i - 1]))) continue;
            var count = 0;
            var hyphens = 0;
            for (var j = i; j < length && count < MaxDigits; j++)
            {
                if (char.IsAsciiDigit(text[j])) digits[count++] = text[j];
                else if (text[j] == '-' && j + 1 < length && char.IsAsciiDigit(text[j + 1]) && char.IsAsciiDigit(text[j - 1])) hyphens++;
                else break;
                if (!TryShape(digits[..count], out var prefixDigits, out var prefixChoices) || (j + 1 < length && char.IsAsciiDigit(text[j + 1])))
                    continue;

                var log10 = Math.Log10(prefixChoices) + (hyphens > 0 ? Math.Log10(2) : 0);
                log10 += SubscriberLog10(scratch, text, i, j, prefixDigits, matchesBefore);
                scratch.Add(new Candidate { I = i, J = j, Kind = PasswordPatternKind.PhoneNumber, Log10 = log10 });
            }
        }
    }

    // Sum of the decompositions of the hyphen-separated digit groups after the prefix.
    private static double SubscriberLog10(EstimationScratch scratch, ReadOnlySpan<char> text, int i, int j, int prefixDigits, int matchesBefore)
    {
        var position = i;
        for (var seen = 0; seen < prefixDigits; position++)
        {
            if (char.IsAsciiDigit(text[position])) seen++;
        }

        var total = 0.0;
        while (position <= j)
        {
            if (text[position] == '-')
            {
                position++;
                continue;
            }

            var end = position;
            while (end + 1 <= j && text[end + 1] != '-') end++;
            total += Decomposition.SolveRange(scratch, matchesBefore, position, end);
            position = end + 1;
        }

        return total;
    }

    private static bool TryShape(ReadOnlySpan<char> d, out int prefixDigits, out int prefixChoices)
    {
        (prefixDigits, prefixChoices) = d.Length switch
        {
            11 when d[2] == '0' && d[1] is '7' or '8' or '9' && d[3] != '0' => (3, 3),
            11 when d.StartsWith("050") && d[3] != '0' => (3, 1),
            11 when d.StartsWith("0800") => (4, 1),
            10 when d.StartsWith("0120") => (4, 1),
            10 when d[1] != '0' => (2, 9),
            _ => (0, 0),
        };
        return prefixDigits > 0;
    }
}
