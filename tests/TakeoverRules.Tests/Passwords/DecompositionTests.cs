using CsCheck;
using TakeoverRules.Passwords.Matching;

namespace TakeoverRules.Tests.Passwords;

public sealed class DecompositionTests
{
    // Short strings over an alphabet that produces dictionary, keyboard, sequence, repeat and date matches.
    private static readonly Gen<string> Texts = Gen.String[Gen.Char["abcdeqwrsty0123456789!@"], 1, 9];

    [Fact]
    public void The_dynamic_programme_finds_the_cheapest_decomposition_an_exhaustive_search_finds() =>
        Texts.Sample(text =>
        {
            var scratch = MatcherHarness.Prepare(text);
            try
            {
                var n = text.Length;
                DictionaryMatcher.Match(scratch, n);
                KeyboardMatcher.Match(scratch, n);
                SequenceMatcher.Match(scratch, n);
                DateMatcher.Match(scratch, n, 2026);
                RepeatMatcher.Match(scratch, n, scratch.MatchCount);
                var candidates = scratch.Matches.AsSpan(0, scratch.MatchCount).ToArray();
                var best = Exhaustive(scratch, candidates, n, 0, 0, 0, previousWasBruteForce: false);
                var solved = Decomposition.Solve(scratch, n, out _);
                return Math.Abs(solved - best) < 1e-9;
            }
            finally
            {
                EstimationScratch.Return(scratch);
            }
        }, iter: 1000);

    [Fact]
    public void The_chosen_sequence_covers_the_text_without_gaps_or_overlaps()
    {
        var estimate = new TakeoverRules.Passwords.PasswordStrengthEstimator().Estimate("tanaka1985qwerty!!sakura");
        var position = 0;
        foreach (var pattern in estimate.Sequence)
        {
            pattern.Start.Should().Be(position);
            position += pattern.Length;
        }

        position.Should().Be(24);
    }

    // Every sequence of candidates and brute-force spans (never two brute-force spans in a row), scored as zxcvbn:
    // l! · Π guesses + 10000^(l−1).
    private static double Exhaustive(EstimationScratch s, Candidate[] candidates, int n, int position, int count, double log10Product, bool previousWasBruteForce)
    {
        if (position == n)
            return Guesses.Log10Sum(Guesses.Log10Factorial(count) + log10Product, 4.0 * (count - 1));
        if (count == Decomposition.MaxSequence) return double.PositiveInfinity;

        var best = double.PositiveInfinity;
        foreach (var c in candidates)
        {
            if (c.I != position) continue;
            var log10 = Math.Max(c.Log10, Decomposition.MinimumLog10(c.Length, n));
            best = Math.Min(best, Exhaustive(s, candidates, n, c.J + 1, count + 1, log10Product + log10, false));
        }

        if (!previousWasBruteForce)
        {
            for (var j = position; j < n; j++)
                best = Math.Min(best, Exhaustive(s, candidates, n, j + 1, count + 1, log10Product + Decomposition.BruteForceLog10(s, position, j, n), true));
        }

        return best;
    }
}
