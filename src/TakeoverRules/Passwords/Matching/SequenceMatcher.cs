namespace TakeoverRules.Passwords.Matching;

/// <summary>Runs with a constant code-point step of at most 5, such as <c>abcd</c>, <c>9753</c> (zxcvbn's sequence matcher).</summary>
internal static class SequenceMatcher
{
    private const int MaxDelta = 5;

    public static void Match(EstimationScratch scratch, int length)
    {
        if (length < 2) return;
        var text = scratch.Text.AsSpan(0, length);
        var i = 0;
        int? lastDelta = null;
        for (var k = 1; k < length; k++)
        {
            var delta = text[k] - text[k - 1];
            lastDelta ??= delta;
            if (delta == lastDelta) continue;
            Emit(scratch, text, i, k - 1, lastDelta.Value);
            i = k - 1;
            lastDelta = delta;
        }

        Emit(scratch, text, i, length - 1, lastDelta ?? 0);
    }

    private static void Emit(EstimationScratch scratch, ReadOnlySpan<char> text, int i, int j, int delta)
    {
        if (j - i <= 1 && Math.Abs(delta) != 1) return;
        if (delta == 0 || Math.Abs(delta) > MaxDelta) return;
        var first = text[i];
        double baseGuesses = first is 'a' or 'A' or 'z' or 'Z' or '0' or '1' or '9' ? 4 : char.IsAsciiDigit(first) ? 10 : 26;
        if (delta < 0) baseGuesses *= 2;
        scratch.Add(new Candidate
        {
            I = i, J = j, Kind = PasswordPatternKind.Sequence, Log10 = Math.Log10(baseGuesses * (j - i + 1)), Aux = delta,
        });
    }
}
