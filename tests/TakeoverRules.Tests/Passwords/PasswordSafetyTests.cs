using System.Globalization;
using CsCheck;
using TakeoverRules.Passwords;

namespace TakeoverRules.Tests.Passwords;

public sealed class PasswordSafetyTests
{
    private static readonly PasswordStrengthEstimator Estimator = new();

    [Fact]
    public void Any_unicode_including_lone_surrogates_never_throws_and_gives_a_finite_estimate() =>
        Gen.String[Gen.Char, 0, 300].Sample(password =>
        {
            var estimate = Estimator.Estimate(password);
            return estimate.GuessesLog10 >= 0 && !double.IsNaN(estimate.GuessesLog10)
                && (int)estimate.Score is >= 0 and <= 4 && estimate.Length >= 0;
        }, iter: 2000);

    [Theory]
    [InlineData("\uD800")]
    [InlineData("abc\uDC00def")]
    [InlineData("e\u0301\u0301\u0301")]
    [InlineData("\uFDFA\uFDFA")]
    [InlineData("㍻㍻㍻")]
    [InlineData("\0\0\0")]
    public void Awkward_unicode_is_estimated(string password) =>
        FluentActions.Invoking(() => Estimator.Estimate(password)).Should().NotThrow();

    [Fact]
    public void The_sequence_always_covers_the_analysed_text_in_order() =>
        Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789!@#$%^&*()_+-=[]{};:'\",.<>/?`~ ＡＢＣ１２３あいう"], 1, 80].Sample(password =>
        {
            var estimate = Estimator.Estimate(password);
            var position = 0;
            foreach (var pattern in estimate.Sequence)
            {
                if (pattern.Start != position || pattern.Length <= 0) return false;
                position += pattern.Length;
            }

            return true;
        }, iter: 1000);

    [Fact]
    public void A_random_suffix_of_sixteen_printable_characters_makes_any_password_strong() =>
        Gen.Select(Gen.String[Gen.Char.AlphaNumeric, 0, 20], Gen.String[Gen.Char[(char)33, (char)126], 16, 16]).Sample((prefix, suffix) =>
            Estimator.Estimate(prefix + suffix).Score >= PasswordScore.Strong, iter: 500);

    [Fact]
    public void Concurrent_estimates_from_one_instance_equal_sequential_ones()
    {
        var passwords = Enumerable.Range(0, 400).Select(i => $"tanaka{1950 + (i % 60)}{(char)('a' + (i % 26))}Qw!{i * 7919}").ToArray();
        var sequential = passwords.Select(p => Estimator.Estimate(p).GuessesLog10).ToArray();
        var parallel = new double[passwords.Length];
        Parallel.For(0, passwords.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => parallel[i] = Estimator.Estimate(passwords[i]).GuessesLog10);
        parallel.Should().Equal(sequential);
    }

    [Theory]
    [InlineData("Zq7uniqueSecret9841")]
    [InlineData("kaibashira-Hokkaido-1977")]
    [InlineData("ひみつのパスワード2024")]
    [InlineData("ＴｏｋｙｏＳｋｙＢｌｕｅ７７")]
    public void No_result_text_contains_the_password_or_a_piece_of_it(string password)
    {
        var estimate = Estimator.Estimate(password, [password, "someone@example.jp"]);
        var texts = new List<string>
        {
            estimate.ToString(), estimate.Feedback.ToString(), estimate.CrackTimes.ToString(),
            estimate.Feedback.GetWarningText(CultureInfo.GetCultureInfo("ja")), estimate.Feedback.GetWarningText(CultureInfo.InvariantCulture),
        };
        texts.AddRange(estimate.Sequence.Select(p => p.ToString()));
        texts.AddRange(estimate.Feedback.GetSuggestionTexts(CultureInfo.GetCultureInfo("ja")));
        texts.AddRange(estimate.Feedback.GetSuggestionTexts(CultureInfo.InvariantCulture));

        var normalized = password.Normalize(System.Text.NormalizationForm.FormKC);
        foreach (var source in new[] { password, normalized, normalized.ToLowerInvariant() })
        {
            for (var i = 0; i + 5 <= source.Length; i++)
            {
                var piece = source.Substring(i, 5);
                texts.Should().NotContain(t => t.Contains(piece, StringComparison.OrdinalIgnoreCase), "no result text may contain '{0}'", piece);
            }
        }
    }

    [Fact]
    public void Every_warning_and_suggestion_has_japanese_and_english_text()
    {
        var ja = CultureInfo.GetCultureInfo("ja-JP");
        var en = CultureInfo.GetCultureInfo("en-GB");
        foreach (var warning in Enum.GetValues<PasswordWarning>().Where(w => w != PasswordWarning.None))
        {
            PasswordFeedbackText.Get(warning, ja).Should().NotBeNullOrWhiteSpace().And.NotBe(PasswordFeedbackText.Get(warning, en));
            PasswordFeedbackText.Get(warning, en).Should().NotBeNullOrWhiteSpace();
        }

        foreach (var suggestion in Enum.GetValues<PasswordSuggestion>())
        {
            PasswordFeedbackText.Get(suggestion, ja).Should().NotBeNullOrWhiteSpace().And.NotBe(PasswordFeedbackText.Get(suggestion, en));
            PasswordFeedbackText.Get(suggestion, en).Should().NotBeNullOrWhiteSpace();
        }
    }

    [Fact]
    public void An_undefined_feedback_code_is_rejected() =>
        FluentActions.Invoking(() => PasswordFeedbackText.Get((PasswordWarning)999)).Should().Throw<ArgumentOutOfRangeException>();
}
