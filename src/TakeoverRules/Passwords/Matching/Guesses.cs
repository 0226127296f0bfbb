namespace TakeoverRules.Passwords.Matching;

/// <summary>zxcvbn's per-pattern guess formulas (scoring.coffee), in log10 to stay finite for long input.</summary>
internal static class Guesses
{
    public const int MinYearSpace = 20;
    public const double BruteForceCardinalityLog10 = 1; // 10 guesses per character, as zxcvbn
    public const double MinSubmatchSingleLog10 = 1; // 10
    public const double MinSubmatchMultiLog10 = 1.6989700043360187; // 50

    private static readonly double[] LogFactorial = BuildLogFactorial(2048);

    public static double Log10Factorial(int n) => n < LogFactorial.Length ? LogFactorial[n] : LogFactorial[^1];

    /// <summary>log10 of C(n, k).</summary>
    public static double Log10Binomial(int n, int k) =>
        k < 0 || k > n ? double.NegativeInfinity : Log10Factorial(n) - Log10Factorial(k) - Log10Factorial(n - k);

    /// <summary>log10(10^a + 10^b).</summary>
    public static double Log10Sum(double a, double b)
    {
        if (double.IsNegativeInfinity(a)) return b;
        if (double.IsNegativeInfinity(b)) return a;
        var max = Math.Max(a, b);
        return max + Math.Log10(1 + Math.Pow(10, Math.Min(a, b) - max));
    }

    /// <summary>log10 of Σ_{i=1..min(u,l)} C(u+l, i): ways to place u marked among u+l positions, as zxcvbn counts them.</summary>
    public static double Log10Variations(int marked, int unmarked)
    {
        if (marked == 0 || unmarked == 0) return Math.Log10(2);
        var total = double.NegativeInfinity;
        var max = Math.Min(marked, unmarked);
        for (var i = 1; i <= max; i++) total = Log10Sum(total, Log10Binomial(marked + unmarked, i));
        return total;
    }

    /// <summary>Upper-case variations of a token (1 when all lower, 2 for first/last/all upper, else the binomial sum).</summary>
    public static double Log10UppercaseVariations(ReadOnlySpan<char> token, out CandidateFlags flags)
    {
        int upper = 0, lower = 0;
        foreach (var c in token)
        {
            if (char.IsUpper(c)) upper++;
            else if (char.IsLower(c)) lower++;
        }

        flags = CandidateFlags.None;
        if (upper == 0) return 0;
        if (lower == 0)
        {
            flags = CandidateFlags.AllUpper;
            return Math.Log10(2);
        }

        flags = CandidateFlags.SomeUpper;
        var firstOnly = char.IsUpper(token[0]) && upper == 1;
        var lastOnly = char.IsUpper(token[^1]) && upper == 1;
        return firstOnly || lastOnly ? Math.Log10(2) : Log10Variations(upper, lower);
    }

    /// <summary>Keyboard walk guesses: Σ_{i=2..L} Σ_{j=1..min(t,i−1)} C(i−1, j−1)·s·d^j, times shifted-key variations.</summary>
    public static double Log10Spatial(int length, int turns, int shifted, double startingKeys, double averageDegree)
    {
        var total = double.NegativeInfinity;
        var logS = Math.Log10(startingKeys);
        var logD = Math.Log10(averageDegree);
        for (var i = 2; i <= length; i++)
        {
            var possibleTurns = Math.Min(turns, i - 1);
            for (var j = 1; j <= possibleTurns; j++)
                total = Log10Sum(total, Log10Binomial(i - 1, j - 1) + logS + (j * logD));
        }

        if (shifted > 0) total += Log10Variations(shifted, length - shifted);
        return total;
    }

    /// <summary>Guesses for a year: its distance from the reference year, at least <see cref="MinYearSpace"/>.</summary>
    public static double Log10YearSpace(int year, int referenceYear) => Math.Log10(Math.Max(Math.Abs(year - referenceYear), MinYearSpace));

    private static double[] BuildLogFactorial(int count)
    {
        var table = new double[count];
        for (var i = 2; i < count; i++) table[i] = table[i - 1] + Math.Log10(i);
        return table;
    }
}
