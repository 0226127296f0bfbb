namespace TakeoverRules.Passwords.Matching;

/// <summary>
/// zxcvbn's most_guessable_match_sequence: the sequence of non-overlapping patterns (gaps filled by brute force)
/// minimising l!·Π guesses + 10000^(l−1), over sequences of at most <see cref="MaxSequence"/> patterns. The
/// brute-force step keeps a running minimum per sequence length instead of scanning every start, so the cost is
/// O((n + m) · MaxSequence²) rather than zxcvbn's O(n² · l).
/// </summary>
internal static class Decomposition
{
    public const int MaxSequence = 20;
    private const double Log10MinGuessesBeforeGrowingSequence = 4; // 10000
    private const int Stride = MaxSequence + 1;

    /// <summary>Log10 guesses of the best decomposition of [lo, hi] using the first <paramref name="candidateCount"/> candidates.</summary>
    public static double SolveRange(EstimationScratch s, int candidateCount, int lo, int hi) =>
        Run(s, candidateCount, lo, hi, out _);

    /// <summary>Solves the whole analysed text; the chosen patterns are left in <c>s.Sorted</c> via <paramref name="bestLength"/>.</summary>
    public static double Solve(EstimationScratch s, int length, out int bestLength) =>
        Run(s, s.MatchCount, 0, length - 1, out bestLength);

    /// <summary>Writes the chosen sequence (in order) into <paramref name="output"/>; returns its length.</summary>
    public static int Unwind(EstimationScratch s, int length, int bestLength, Span<Candidate> output)
    {
        var k = length - 1;
        var l = bestLength;
        var count = l;
        while (k >= 0 && l > 0)
        {
            var choice = s.Choice[(k * Stride) + l];
            Candidate c;
            if (choice >= 0)
            {
                c = s.Sorted[choice];
            }
            else
            {
                var start = -(choice + 2);
                c = new Candidate { I = start, J = k, Kind = PasswordPatternKind.BruteForce, Log10 = BruteForceLog10(k - start + 1, length) };
            }

            c.Log10 = Math.Max(c.Log10, MinimumLog10(c.Length, length));
            output[--l] = c;
            k = c.I - 1;
        }

        return count;
    }

    private static double Run(EstimationScratch s, int candidateCount, int lo, int hi, out int bestLength)
    {
        var n = hi - lo + 1;
        bestLength = 0;
        if (n <= 0) return 0;

        // Counting sort of the candidates inside [lo, hi] by end position.
        if (s.Sorted.Length < candidateCount) s.Sorted = new Candidate[s.Matches.Length];
        var ends = s.EndStart;
        Array.Clear(ends, 0, n + 1);
        for (var m = 0; m < candidateCount; m++)
        {
            ref var c = ref s.Matches[m];
            if (c.I >= lo && c.J <= hi) ends[c.J - lo + 1]++;
        }

        for (var k = 1; k <= n; k++) ends[k] += ends[k - 1];
        Span<int> cursor = stackalloc int[n]; // n <= PasswordEstimatorOptions.MaxAnalyzedLengthLimit
        ends[..n].CopyTo(cursor);
        for (var m = 0; m < candidateCount; m++)
        {
            ref var c = ref s.Matches[m];
            if (c.I >= lo && c.J <= hi) s.Sorted[cursor[c.J - lo]++] = c;
        }

        var g = s.G;
        var pi = s.Pi;
        var choice = s.Choice;
        g.AsSpan(0, n * Stride).Fill(double.PositiveInfinity);
        Span<double> runMin = stackalloc double[Stride];
        Span<int> runArg = stackalloc int[Stride];
        runMin.Fill(double.PositiveInfinity);

        for (var k = 0; k < n; k++)
        {
            for (var idx = ends[k]; idx < ends[k + 1]; idx++)
            {
                ref var c = ref s.Sorted[idx];
                var i = c.I - lo;
                var log10 = Math.Max(c.Log10, MinimumLog10(c.Length, n));
                if (i == 0)
                {
                    Update(g, pi, choice, k, 1, log10, idx);
                    continue;
                }

                for (var l = 1; l < MaxSequence; l++)
                {
                    var prev = ((i - 1) * Stride) + l;
                    if (!double.IsPositiveInfinity(g[prev])) Update(g, pi, choice, k, l + 1, log10 + pi[prev], idx);
                }
            }

            // Brute force from the start, or right after a non-brute-force pattern.
            Update(g, pi, choice, k, 1, BruteForceLog10(k + 1, n), -2);
            var entering = k - 2; // spans of length >= 3 cost exactly 10^length, so a running minimum is exact
            if (entering >= 1)
            {
                for (var l = 1; l < MaxSequence; l++)
                {
                    var prev = ((entering - 1) * Stride) + l;
                    if (choice[prev] >= 0 && !double.IsPositiveInfinity(g[prev]) && pi[prev] - entering < runMin[l])
                    {
                        runMin[l] = pi[prev] - entering;
                        runArg[l] = entering;
                    }
                }
            }

            for (var l = 1; l < MaxSequence; l++)
            {
                if (!double.IsPositiveInfinity(runMin[l])) Update(g, pi, choice, k, l + 1, runMin[l] + k + 1, -(runArg[l] + 2));
                for (var i = Math.Max(1, k - 1); i <= k; i++)
                {
                    var prev = ((i - 1) * Stride) + l;
                    if (choice[prev] >= 0 && !double.IsPositiveInfinity(g[prev]))
                        Update(g, pi, choice, k, l + 1, pi[prev] + BruteForceLog10(k - i + 1, n), -(i + 2));
                }
            }
        }

        var last = (n - 1) * Stride;
        var best = double.PositiveInfinity;
        for (var l = 1; l <= MaxSequence; l++)
        {
            if (g[last + l] < best)
            {
                best = g[last + l];
                bestLength = l;
            }
        }

        return best;
    }

    private static void Update(double[] g, double[] pi, int[] choice, int k, int l, double log10Pi, int chosen)
    {
        var row = k * Stride;
        var candidate = Guesses.Log10Sum(Guesses.Log10Factorial(l) + log10Pi, Log10MinGuessesBeforeGrowingSequence * (l - 1));
        for (var competing = 1; competing <= l; competing++)
        {
            if (g[row + competing] <= candidate) return;
        }

        g[row + l] = candidate;
        pi[row + l] = log10Pi;
        choice[row + l] = chosen;
    }

    private static double BruteForceLog10(int length, int total) =>
        Math.Max(Math.Max(length * Guesses.BruteForceCardinalityLog10, length == 1 ? 1.0413926851582251 : 1.7075701760979363), MinimumLog10(length, total));

    private static double MinimumLog10(int length, int total) =>
        length >= total ? 0 : length == 1 ? Guesses.MinSubmatchSingleLog10 : Guesses.MinSubmatchMultiLog10;
}
