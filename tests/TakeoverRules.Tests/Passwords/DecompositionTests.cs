using CsCheck;
using TakeoverRules.Passwords;
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
                Decomposition.RepriceCoveredCharacters(scratch, n);
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

    [Fact]
    public void Brute_force_loses_the_letter_discount_inside_long_words_and_pays_the_flat_rate_inside_walks_and_repeats()
    {
        const string text = "vemtahorsebatteryzzzzzqwerty";
        var scratch = MatcherHarness.Prepare(text);
        try
        {
            var n = text.Length;
            DictionaryMatcher.Match(scratch, n);
            KeyboardMatcher.Match(scratch, n);
            RepeatMatcher.Match(scratch, n, scratch.MatchCount);
            var before = scratch.BruteForcePrefix.AsSpan(0, n + 1).ToArray();
            bool[] inWord = new bool[n], inPattern = new bool[n];
            foreach (var c in scratch.Matches.AsSpan(0, scratch.MatchCount))
            {
                var target = c.Kind == PasswordPatternKind.Dictionary && c.Length >= Decomposition.CoveringWordLength ? inWord
                    : c.Kind is PasswordPatternKind.Repeat or PasswordPatternKind.Keyboard && c.Length >= Decomposition.CoveringPatternLength ? inPattern : null;
                if (target is null) continue;
                for (var t = c.I; t <= c.J; t++) target[t] = true;
            }

            inWord.Skip(10).Take(7).Should().AllBeEquivalentTo(true, "battery is a long word");
            inPattern.Skip(17).Take(5).Should().AllBeEquivalentTo(true, "zzzzz is a repeat");
            inWord.Take(5).Concat(inPattern.Take(5)).Should().AllBeEquivalentTo(false, "vemta is explained by nothing");
            Decomposition.RepriceCoveredCharacters(scratch, n);
            for (var t = 0; t < n; t++)
            {
                double was = before[t + 1] - before[t], now = scratch.BruteForcePrefix[t + 1] - scratch.BruteForcePrefix[t];
                var expected = inPattern[t] ? Math.Max(was, Guesses.BruteForceCardinalityLog10)
                    : inWord[t] ? Math.Min(Math.Max(was, was / 0.55), Guesses.BruteForceCardinalityLog10)
                    : was;
                now.Should().BeApproximately(expected, 1e-9, $"character {t}");
            }
        }
        finally
        {
            EstimationScratch.Return(scratch);
        }
    }

    [Fact]
    public void Words_walks_and_dates_show_in_the_sequence_instead_of_brute_force()
    {
        var estimator = new PasswordStrengthEstimator(new PasswordEstimatorOptions { ReferenceYear = 2017 });
        estimator.Estimate("correcthorsebatterystaple").Sequence.Select(p => (p.Kind, p.Start, p.Length)).Should().Equal(
            (PasswordPatternKind.Dictionary, 0, 7), (PasswordPatternKind.Dictionary, 7, 5), (PasswordPatternKind.Dictionary, 12, 7), (PasswordPatternKind.Dictionary, 19, 6));
        estimator.Estimate("qwER43@!").Sequence.Should().ContainSingle().Which.Kind.Should().Be(PasswordPatternKind.Keyboard);
        estimator.Estimate("aoEP%yIxkjq:").Sequence.Should().ContainSingle().Which.Keyboard.Should().Be(PasswordKeyboard.Dvorak);
        estimator.Estimate("912/20/919").Sequence.Should().Contain(p => p.Kind == PasswordPatternKind.Date && p.Start == 1 && p.Length == 8);
        // As zxcvbn 4.4.2 chooses: four repeats pay 10000^3 for the sequence length, more than brute force over BBB1111.
        estimator.Estimate("BBB1111aaaaa@@@@@@").Sequence.Select(p => (p.Kind, p.Start)).Should().Equal(
            (PasswordPatternKind.BruteForce, 0), (PasswordPatternKind.Repeat, 7), (PasswordPatternKind.Repeat, 12));
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
