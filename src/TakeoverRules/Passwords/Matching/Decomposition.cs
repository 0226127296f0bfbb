namespace TakeoverRules.Passwords.Matching;

/// <summary>
/// zxcvbn's most_guessable_match_sequence: the sequence of non-overlapping patterns (gaps filled by brute force)
/// minimising l!·Π guesses + 10000^(l−1), over sequences of at most <see cref="MaxSequence"/> patterns. The
/// brute-force step keeps a running minimum per sequence length instead of scanning every start, so the cost is
/// O((n + m) · MaxSequence²) rather than zxcvbn's O(n² · l).
/// Brute force is not zxcvbn's flat 10 guesses a character: each character costs its character-trigram cost
/// (what a Markov-model attack pays for it), clamped to [<see cref="MinCharacterLog10"/>, 1], so pronounceable
/// leftovers such as "rebelde" are cheaper than random ones and nothing costs more than zxcvbn's 10 a character.
/// </summary>
internal static class Decomposition
{
    public const int MaxSequence = 20;
    private const double Log10MinGuessesBeforeGrowingSequence = 4; // 10000
    private const int Stride = MaxSequence + 1;

    // With at least this cost a character, brute-force spans of BruteForceWindow or more characters always exceed the
    // minimum-guesses clamp (51), so a running minimum over their start is exact.
    private const double MinCharacterLog10 = 0.25;
    private const int BruteForceWindow = 8;

    // Letters cost this share of their trigram cost. The trigram model is trained on word types, not on how often
    // people choose them, so it overestimates human-chosen strings; 0.55 was calibrated on the evaluation corpus
    // (docs/passwords.md) as the largest discount that keeps random 12+ character strings at score 3 or more.
    // Digits and symbols are not discounted: random digits really cost 10 guesses each.
    private const double LetterDiscount = 0.55;

    /// <summary>Fills <c>s.BruteForcePrefix</c>: prefix sums of each character's brute-force cost.</summary>
    public static void PrepareBruteForce(EstimationScratch s, int length)
    {
        var model = RankedDictionaries.Instance;
        var prefix = s.BruteForcePrefix;
        prefix[0] = 0;
        int a = RankedDictionaries.MarkovClasses, b = RankedDictionaries.MarkovClasses;
        for (var t = 0; t < length; t++)
        {
            var lower = s.Lower[t];
            var c = lower is >= 'a' and <= 'z' ? lower - 'a' : lower is >= '0' and <= '9' ? 26 + (lower - '0') : 36;
            var cost = model.MarkovCost(a, b, c);
            if (c == 36) cost += 1.5185139398778875; // which of the 33 ASCII symbols
            if (s.Text[t] != lower) cost += 0.3010299956639812; // upper case
            if (c < 26) cost *= LetterDiscount;
            prefix[t + 1] = prefix[t] + Math.Clamp(cost, MinCharacterLog10, Guesses.BruteForceCardinalityLog10);
            a = b;
            b = c;
        }
    }

    /// <summary>
    /// After matching: brute force must not undercut the patterns that explain the same characters. Characters inside
    /// a keyboard walk, sequence, repeat or date of <see cref="CoveringPatternLength"/> or more characters pay zxcvbn's flat 10 guesses in brute force;
    /// letters inside a dictionary word of <see cref="CoveringWordLength"/> or more letters lose the letter discount
    /// (the discount prices pronounceable leftovers no list knows, and human phrases of short words such as
    /// <c>ilovenick</c>, which an attacker's Markov model does find early). Before this, brute force over long words and
    /// walks undercut them (correcthorsebatterystaple was correct plus 18 brute-force characters, qwER43@! brute
    /// force) and the pattern list described a password the user did not type.
    /// </summary>
    public static void RepriceCoveredCharacters(EstimationScratch s, int length)
    {
        // +1 << 16 where a structured pattern starts, +1 where a long word starts; the opposite after each ends.
        var depth = s.EndStart; // free until Solve
        Array.Clear(depth, 0, length + 1);
        var any = false;
        foreach (ref readonly var c in s.Matches.AsSpan(0, s.MatchCount))
        {
            var weight = c.Kind switch
            {
                PasswordPatternKind.Dictionary when c.Length >= CoveringWordLength => 1,
                PasswordPatternKind.Keyboard or PasswordPatternKind.Sequence or PasswordPatternKind.Repeat or PasswordPatternKind.Date when c.Length >= CoveringPatternLength => 1 << 16,
                _ => 0,
            };
            if (weight == 0) continue;
            depth[c.I] += weight;
            depth[c.J + 1] -= weight;
            any = true;
        }

        if (!any) return;
        var prefix = s.BruteForcePrefix;
        double shift = 0, before = prefix[0];
        var open = 0;
        for (var t = 0; t < length; t++)
        {
            open += depth[t];
            var next = prefix[t + 1];
            var cost = next - before;
            before = next;
            var repriced = open >= 1 << 16 ? Math.Max(cost, Guesses.BruteForceCardinalityLog10)
                : open > 0 && s.Lower[t] is >= 'a' and <= 'z' ? Math.Min(Math.Max(cost, cost / LetterDiscount), Guesses.BruteForceCardinalityLog10)
                : cost;
            shift += repriced - cost;
            prefix[t + 1] = next + shift;
        }
    }

    /// <summary>Dictionary words this long or longer keep their letters from the brute-force letter discount (<see cref="RepriceCoveredCharacters"/>).</summary>
    public const int CoveringWordLength = 6;

    /// <summary>Walks, sequences, repeats and dates this long or longer make their characters pay the flat brute-force rate.</summary>
    public const int CoveringPatternLength = 5;

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
                c = new Candidate { I = start, J = k, Kind = PasswordPatternKind.BruteForce, Log10 = BruteForceLog10(s, start, k, length) };
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
        var cursor = s.Cursor;
        Array.Copy(ends, cursor, n);
        for (var m = 0; m < candidateCount; m++)
        {
            ref var c = ref s.Matches[m];
            if (c.I >= lo && c.J <= hi) s.Sorted[cursor[c.J - lo]++] = c;
        }

        var pi = s.Pi;
        var choice = s.Choice;
        // Loops, not Span.Fill: Fill<double> is not precompiled in the framework and its JIT cost the first estimate 1–2 ms.
        for (var x = 0; x < n * Stride; x++) pi[x] = double.PositiveInfinity;
        var runMin = s.RunMin;
        var runArg = s.RunArg;
        for (var x = 0; x < runMin.Length; x++) runMin[x] = double.PositiveInfinity;
        var maxL = 1; // longest sequence stored so far: loops over l stop there
        // Longest sequence stored per end position: the cells of a row above it are all infinite, so loops over
        // l that read the row stop there (most rows end well below maxL).
        var rowTop = s.RowTop;
        var prefix = s.BruteForcePrefix;

        for (var k = 0; k < n; k++)
        {
            var top = 0; // longest sequence stored in row k
            for (var idx = ends[k]; idx < ends[k + 1]; idx++)
            {
                ref var c = ref s.Sorted[idx];
                var i = c.I - lo;
                var log10 = Math.Max(c.Log10, MinimumLog10(c.Length, n));
                if (i == 0)
                {
                    if (Update(pi, choice, k, 1, log10, idx)) top = Math.Max(top, 1);
                    continue;
                }

                var rowEnd = Math.Min(rowTop[i - 1], MaxSequence - 1);
                for (var l = 1; l <= rowEnd; l++)
                {
                    var prev = ((i - 1) * Stride) + l;
                    if (!double.IsPositiveInfinity(pi[prev]) && Update(pi, choice, k, l + 1, log10 + pi[prev], idx)) top = Math.Max(top, l + 1);
                }
            }

            maxL = Math.Max(maxL, top);

            // Brute force from the start, or right after a non-brute-force pattern.
            if (Update(pi, choice, k, 1, BruteForceLog10(s, lo, lo + k, n), -2)) top = Math.Max(top, 1);
            var entering = k - BruteForceWindow + 1; // long spans: cost is exactly prefix[k + 1] - prefix[i]
            var limit = Math.Min(maxL, MaxSequence - 1);
            if (entering >= 1)
            {
                var rowEnd = Math.Min(limit, rowTop[entering - 1]);
                for (var l = 1; l <= rowEnd; l++)
                {
                    var prev = ((entering - 1) * Stride) + l;
                    var value = pi[prev] - prefix[lo + entering];
                    if (choice[prev] >= 0 && !double.IsPositiveInfinity(pi[prev]) && value < runMin[l])
                    {
                        runMin[l] = value;
                        runArg[l] = entering;
                    }
                }
            }

            // Each cell (k, l + 1) sees the running minimum first, then the short spans by ascending start, as
            // before; with the start outermost, a span's cost is computed once for every l.
            for (var l = 1; l <= limit; l++)
            {
                if (!double.IsPositiveInfinity(runMin[l]) && Update(pi, choice, k, l + 1, runMin[l] + prefix[lo + k + 1], -(runArg[l] + 2)))
                    top = Math.Max(top, l + 1);
            }

            for (var i = Math.Max(1, entering + 1); i <= k; i++)
            {
                var bruteForce = BruteForceLog10(s, lo + i, lo + k, n);
                var row = (i - 1) * Stride;
                var rowEnd = Math.Min(limit, rowTop[i - 1]);
                for (var l = 1; l <= rowEnd; l++)
                {
                    var prev = row + l;
                    if (choice[prev] >= 0 && !double.IsPositiveInfinity(pi[prev]) && Update(pi, choice, k, l + 1, pi[prev] + bruteForce, -(i + 2)))
                        top = Math.Max(top, l + 1);
                }
            }

            rowTop[k] = top;
            maxL = Math.Max(maxL, top);
        }

        var last = (n - 1) * Stride;
        var best = double.PositiveInfinity;
        for (var l = 1; l <= maxL; l++)
        {
            if (double.IsPositiveInfinity(pi[last + l])) continue;
            var g = Guesses.Log10Sum(Guesses.Log10Factorial(l) + pi[last + l], Log10MinGuessesBeforeGrowingSequence * (l - 1));
            if (g < best)
            {
                best = g;
                bestLength = l;
            }
        }

        return best;
    }

    // Keeps, per end position and sequence length, the smallest product of guesses. For a fixed length the final
    // l!·Π + 10000^(l−1) grows with Π, so this is exact (zxcvbn also prunes across lengths, which can miss the optimum).
    private static bool Update(double[] pi, int[] choice, int k, int l, double log10Pi, int chosen)
    {
        var index = (k * Stride) + l;
        if (log10Pi >= pi[index]) return false;
        pi[index] = log10Pi;
        choice[index] = chosen;
        return true;
    }

    // Brute force over absolute positions [i, j]; total is the length of the text being decomposed.
    internal static double BruteForceLog10(EstimationScratch s, int i, int j, int total)
    {
        var length = j - i + 1;
        var cost = s.BruteForcePrefix[j + 1] - s.BruteForcePrefix[i];
        return Math.Max(Math.Max(cost, length == 1 ? 1.0413926851582251 : 1.7075701760979363), MinimumLog10(length, total));
    }

    internal static double MinimumLog10(int length, int total) =>
        length >= total ? 0 : length == 1 ? Guesses.MinSubmatchSingleLog10 : Guesses.MinSubmatchMultiLog10;
}
