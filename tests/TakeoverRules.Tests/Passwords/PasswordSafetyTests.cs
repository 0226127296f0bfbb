using System.Globalization;
using CsCheck;
using TakeoverRules.Passwords;

namespace TakeoverRules.Tests.Passwords;

public sealed class PasswordSafetyTests
{
    private static readonly PasswordStrengthEstimator Estimator = new();

    [Fact]
    public void Any_string_gives_a_finite_estimate_or_if_it_has_a_lone_surrogate_a_typed_refusal() =>
        Gen.String[Gen.Char, 0, 300].Sample(password =>
        {
            var lone = IndexOfLoneSurrogate(password);
            if (lone >= 0)
            {
                var refused = FluentActions.Invoking(() => Estimator.Estimate(password)).Should().Throw<InvalidPasswordTextException>().Which;
                return refused.Position == lone && !refused.IsUtf8;
            }

            var estimate = Estimator.Estimate(password);
            return estimate.GuessesLog10 >= 0 && !double.IsNaN(estimate.GuessesLog10)
                && (int)estimate.Score is >= 0 and <= 4 && estimate.Length >= 0;
        }, iter: 2000);

    [Theory]
    [InlineData("e\u0301\u0301\u0301")]
    [InlineData("\uFDFA\uFDFA")]
    [InlineData("㍻㍻㍻")]
    [InlineData("\0\0\0")]
    [InlineData("\uD83D\uDE00 paired surrogates are text")]
    public void Awkward_unicode_is_estimated(string password) =>
        FluentActions.Invoking(() => Estimator.Estimate(password)).Should().NotThrow();

    // Lone surrogates cannot travel through attribute metadata, so the cases are built from code units here.
    [Theory]
    [InlineData("", 0xD800, "", 0)]
    [InlineData("abc", 0xDC00, "def", 3)]
    [InlineData("Secret", 0xD83D, "Password", 6)]
    public void A_lone_surrogate_is_refused_with_its_position_and_never_scored(string before, int unit, string after, int position)
    {
        var password = before + (char)unit + after;
        var refused = FluentActions.Invoking(() => Estimator.Estimate(password)).Should().Throw<InvalidPasswordTextException>().Which;
        refused.Position.Should().Be(position);
        refused.ParamName.Should().Be("password");
        refused.Message.Should().NotContain("Secret").And.NotContain("Password", "the message names the position, never the text");
    }

    [Fact]
    public void Three_hundred_lone_surrogates_are_refused_not_very_strong() =>
        FluentActions.Invoking(() => Estimator.Estimate(new string('\uDC00', 300))).Should().Throw<InvalidPasswordTextException>();

    [Fact]
    public void Invalid_UTF8_bytes_are_refused_with_the_offset_of_the_first_bad_byte()
    {
        byte[] bytes = [.. "Secr"u8, 0xFF, .. "etPass"u8, 0xFE, 0xFD, .. "word"u8];
        var refused = FluentActions.Invoking(() => Estimator.EstimateUtf8(bytes)).Should().Throw<InvalidPasswordTextException>().Which;
        refused.IsUtf8.Should().BeTrue();
        refused.Position.Should().Be(4);
    }

    [Theory]
    [InlineData(new byte[] { 0xC0, 0xAF })] // overlong '/'
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })] // an encoded surrogate
    [InlineData(new byte[] { 0x61, 0xE3, 0x81 })] // truncated sequence
    public void Malformed_UTF8_forms_are_refused(byte[] bytes) =>
        FluentActions.Invoking(() => Estimator.EstimateUtf8(bytes)).Should().Throw<InvalidPasswordTextException>();

    [Fact]
    public void Valid_UTF8_is_estimated_exactly_as_the_same_string()
    {
        foreach (var password in new[] { "SecretPassword", "たなか1985!", "ＰＡＳＳ１２３", "\uD83D\uDE00x", new string('z', 5000) })
        {
            Estimator.EstimateUtf8(System.Text.Encoding.UTF8.GetBytes(password)).GuessesLog10
                .Should().Be(Estimator.Estimate(password).GuessesLog10, password.Length.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static int IndexOfLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (char.IsSurrogate(text[i])) return i;
        }

        return -1;
    }

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
