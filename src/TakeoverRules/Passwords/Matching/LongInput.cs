namespace TakeoverRules.Passwords.Matching;

/// <summary>
/// The cost of a password's tail beyond the analysed prefix, in time linear in the whole input. The tail is priced as
/// the cheapest extension an attacker who saw the prefix would try: when the whole input repeats the prefix's
/// smallest period (<c>aaaa…</c>, <c>password</c> × 10,000) the tail only raises the repeat count, costing
/// log10(total / analysed) as a zxcvbn repeat does; otherwise runs of one character cost like a repeat (one
/// character, then its count) and every other code point 10 guesses, never more than plain brute force.
/// </summary>
internal static class LongInput
{
    /// <param name="password">The whole password as given.</param>
    /// <param name="rawPrefix">UTF-16 units of <paramref name="password"/> the analysed prefix was taken from.</param>
    /// <param name="analysedLength">Units of the analysed (normalised) prefix.</param>
    /// <param name="rest">Code points beyond the analysed prefix.</param>
    /// <param name="periodic">Whether the whole input repeats the prefix's period.</param>
    public static double TailLog10(ReadOnlySpan<char> password, int rawPrefix, int analysedLength, int rest, out bool periodic)
    {
        var bruteForce = rest * Guesses.BruteForceCardinalityLog10;
        var period = SmallestPeriod(password[..rawPrefix]);
        periodic = period <= rawPrefix / 2 && password[period..].SequenceEqual(password[..^period]);
        if (periodic) return Math.Min(bruteForce, Math.Log10((analysedLength + (double)rest) / analysedLength));
        return Math.Min(bruteForce, RunCost(password[rawPrefix..]));
    }

    // Smallest p with text[i] == text[i + p] for all i (the prefix function of Knuth-Morris-Pratt), in O(n).
    private static int SmallestPeriod(ReadOnlySpan<char> text)
    {
        var border = text.Length <= 1024 ? stackalloc int[text.Length] : new int[text.Length];
        for (var i = 1; i < text.Length; i++)
        {
            var k = border[i - 1];
            while (k > 0 && text[i] != text[k]) k = border[k - 1];
            border[i] = text[i] == text[k] ? k + 1 : k;
        }

        return text.Length == 0 ? 1 : text.Length - border[^1];
    }

    private static double RunCost(ReadOnlySpan<char> tail)
    {
        var cost = 0.0;
        var i = 0;
        while (i < tail.Length)
        {
            var c = tail[i];
            var run = 1;
            while (i + run < tail.Length && tail[i + run] == c) run++;
            if (run >= 3 && !char.IsSurrogate(c)) cost += Guesses.BruteForceCardinalityLog10 + Math.Log10(run);
            else cost += PasswordNormalization.CountCodePoints(tail.Slice(i, run)) * Guesses.BruteForceCardinalityLog10;
            i += run;
        }

        return cost;
    }
}
