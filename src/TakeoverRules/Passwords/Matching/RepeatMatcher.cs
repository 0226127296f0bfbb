namespace TakeoverRules.Passwords.Matching;

/// <summary>
/// Repeated groups (<c>aaaa</c>, <c>abcabc</c>). For each period p the scan counts runs where text[k] == text[k + p],
/// so the cost is O(n · p_max) with no regular expressions; the group's own guesses come from the decomposition of
/// the group's span, as zxcvbn re-scores the base token.
/// </summary>
internal static class RepeatMatcher
{
    private const int MaxPeriod = 64;

    public static void Match(EstimationScratch scratch, int length, int matchesBefore)
    {
        var text = scratch.Text.AsSpan(0, length);
        var maxPeriod = Math.Min(MaxPeriod, length / 2);
        for (var p = 1; p <= maxPeriod; p++)
        {
            var run = 0;
            for (var k = 0; k + p <= length; k++)
            {
                if (k + p < length && text[k] == text[k + p])
                {
                    run++;
                    continue;
                }

                if (run >= p)
                {
                    var start = k - run;
                    var count = (run + p) / p;
                    if (!HasSmallerPeriod(text.Slice(start, p)))
                    {
                        var baseLog10 = Decomposition.SolveRange(scratch, matchesBefore, start, start + p - 1);
                        scratch.Add(new Candidate
                        {
                            I = start, J = start + (count * p) - 1, Kind = PasswordPatternKind.Repeat,
                            Log10 = baseLog10 + Math.Log10(count), Aux = p,
                        });
                    }
                }

                run = 0;
            }
        }
    }

    private static bool HasSmallerPeriod(ReadOnlySpan<char> group)
    {
        for (var q = 1; q < group.Length; q++)
        {
            if (group.Length % q != 0) continue;
            var periodic = true;
            for (var k = q; k < group.Length && periodic; k++) periodic = group[k] == group[k - q];
            if (periodic) return true;
        }

        return false;
    }
}
