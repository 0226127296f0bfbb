using System.Globalization;
using TakeoverRules.Passwords;

namespace TakeoverRules.Tests.Passwords;

public sealed class PasswordStrengthEstimatorTests
{
    private static readonly PasswordStrengthEstimator Estimator = new(new PasswordEstimatorOptions { ReferenceYear = 2026 });

    [Theory]
    [InlineData("password")]
    [InlineData("123456")]
    [InlineData("1qaz2wsx")]
    [InlineData("qwertyuiop")]
    public void Top_common_passwords_score_very_weak(string password) =>
        Estimator.Estimate(password).Score.Should().Be(PasswordScore.VeryWeak);

    [Theory]
    [InlineData("tanaka1985")]
    [InlineData("H050412")]
    [InlineData("S600412")]
    [InlineData("09012345678")]
    [InlineData("090-1234-5678")]
    [InlineData("adgjmptw")]
    [InlineData("qwertyuiop@[")]
    [InlineData("takahiro")]
    [InlineData("satoh1234")]
    [InlineData("sakura0412")]
    [InlineData("rakuten2025")]
    [InlineData("nomura123")]
    [InlineData("yoroshiku")]
    [InlineData("reiwa7")]
    public void Japanese_patterns_score_at_most_weak(string password) =>
        ((int)Estimator.Estimate(password).Score).Should().BeLessThanOrEqualTo((int)PasswordScore.Weak);

    [Theory]
    [InlineData("x8#Kq2!vLp9@Wm3z")]
    [InlineData("7hK$pQ2vN9xW")]
    [InlineData("vapor staple nimble garden")]
    public void Random_strings_and_passphrases_score_strong(string password) =>
        ((int)Estimator.Estimate(password).Score).Should().BeGreaterThanOrEqualTo((int)PasswordScore.Strong);

    [Fact]
    public void Full_width_input_is_judged_like_its_half_width_form()
    {
        var fullWidth = Estimator.Estimate("ＰＡＳＳ１２３");
        var halfWidth = Estimator.Estimate("PASS123");
        fullWidth.GuessesLog10.Should().Be(halfWidth.GuessesLog10);
        fullWidth.WasNormalized.Should().BeTrue();
        halfWidth.WasNormalized.Should().BeFalse();
        fullWidth.Feedback.Suggestions.Should().Contain(PasswordSuggestion.FullWidthDoesNotHelp);
    }

    [Fact]
    public void Length_counts_code_points_after_normalization()
    {
        Estimator.Estimate("😀😀a").Length.Should().Be(3);
        Estimator.Estimate("ｱｲｳ").Length.Should().Be(3);
    }

    [Fact]
    public void The_empty_password_scores_very_weak_with_default_suggestions()
    {
        var estimate = Estimator.Estimate("");
        estimate.Score.Should().Be(PasswordScore.VeryWeak);
        estimate.Sequence.Should().BeEmpty();
        estimate.Feedback.Suggestions.Should().Contain(PasswordSuggestion.UseFewWords);
    }

    [Fact]
    public void Null_password_is_rejected_with_the_parameter_name() =>
        FluentActions.Invoking(() => Estimator.Estimate((string)null!)).Should().Throw<ArgumentNullException>().WithParameterName("password");

    [Fact]
    public void A_one_megabyte_paste_without_a_pattern_is_truncated_and_the_rest_counted_as_brute_force()
    {
        var random = new Random(7);
        var paste = string.Create(1 << 20, random, static (chars, r) => { for (var i = 0; i < chars.Length; i++) chars[i] = (char)r.Next('!', '~' + 1); });
        var estimate = Estimator.Estimate(paste);
        estimate.WasTruncated.Should().BeTrue();
        estimate.Length.Should().Be(1 << 20);
        estimate.Sequence[^1].Kind.Should().Be(PasswordPatternKind.BruteForce);
        estimate.Score.Should().Be(PasswordScore.VeryStrong);
        estimate.Guesses.Should().Be(double.MaxValue);
    }

    [Fact]
    public void A_one_megabyte_paste_of_one_full_width_letter_is_a_repeat_not_very_strong()
    {
        var estimate = Estimator.Estimate(new string('Ａ', 1 << 20));
        estimate.WasTruncated.Should().BeTrue();
        estimate.Length.Should().Be(1 << 20);
        estimate.Sequence[^1].Kind.Should().Be(PasswordPatternKind.Repeat);
        ((int)estimate.Score).Should().BeLessThanOrEqualTo((int)PasswordScore.Fair);
    }

    [Fact]
    public void User_inputs_are_split_into_tokens_and_penalised()
    {
        var inputs = new[] { "taro.yamada@example.jp", "1985-07-01" };
        var without = Estimator.Estimate("Yamada19850701");
        var with = Estimator.Estimate("Yamada19850701", inputs);
        with.GuessesLog10.Should().BeLessThan(without.GuessesLog10);
        with.Feedback.Warning.Should().Be(PasswordWarning.ContainsUserInput);
        with.Sequence.Should().Contain(p => p.WordList == PasswordWordList.UserInputs);
    }

    [Fact]
    public void Context_words_are_penalised_even_in_a_strong_password()
    {
        var estimator = new PasswordStrengthEstimator(new PasswordEstimatorOptions { ContextWords = { "Kabutomo Securities" } });
        var estimate = estimator.Estimate("kabutomo-x8#Kq2!vLp9");
        estimate.Feedback.Warning.Should().Be(PasswordWarning.ContainsContextWord);
        estimate.Sequence.Should().Contain(p => p.WordList == PasswordWordList.ContextWords);
    }

    [Fact]
    public void A_name_followed_by_a_date_gets_the_combination_warning()
    {
        var estimate = Estimator.Estimate("tanaka19850412");
        estimate.Feedback.Warning.Should().Be(PasswordWarning.NameWithDate);
        estimate.Feedback.GetWarningText(CultureInfo.GetCultureInfo("ja-JP")).Should().Contain("名前");
        estimate.Feedback.GetWarningText(CultureInfo.GetCultureInfo("en-US")).Should().Contain("name");
        estimate.Feedback.GetSuggestionTexts(CultureInfo.GetCultureInfo("ja")).Should().NotBeEmpty().And.OnlyContain(t => t.Length > 0);
    }

    [Fact]
    public void A_strong_password_gets_no_feedback()
    {
        var estimate = Estimator.Estimate("x8#Kq2!vLp9@Wm3z");
        estimate.Feedback.Warning.Should().Be(PasswordWarning.None);
        estimate.Feedback.Suggestions.Should().BeEmpty();
    }

    [Fact]
    public void Crack_times_follow_the_four_attack_rates()
    {
        var estimate = Estimator.Estimate("tanaka1985");
        estimate.CrackTimes.OnlineUnthrottledSeconds.Should().BeApproximately(estimate.Guesses / 10, estimate.Guesses * 1e-9);
        estimate.CrackTimes.OnlineThrottledSeconds.Should().BeApproximately(estimate.Guesses * 36, estimate.Guesses * 1e-6);
        estimate.CrackTimes.OfflineSlowHashSeconds.Should().BeApproximately(estimate.Guesses / 1e4, estimate.Guesses * 1e-12);
        estimate.CrackTimes.OfflineFastHashSeconds.Should().BeApproximately(estimate.Guesses / 1e10, estimate.Guesses * 1e-18);
    }

    [Theory]
    [InlineData(8, "MaxAnalyzedLength")]
    [InlineData(5000, "MaxAnalyzedLength")]
    public void Out_of_range_options_are_rejected_naming_the_option_and_value(int length, string option) =>
        FluentActions.Invoking(() => new PasswordStrengthEstimator(new PasswordEstimatorOptions { MaxAnalyzedLength = length }))
            .Should().Throw<ArgumentException>().WithMessage($"*PasswordEstimatorOptions.{option}*was {length}*");

    [Theory]
    [InlineData("password", 2)]
    [InlineData("PASSWORD", 2)]
    [InlineData("123456", 1)]
    public void The_whole_password_blocklist_lookup_returns_the_rank(string password, int rank)
    {
        PasswordStrengthEstimator.TryGetCommonPasswordRank(password, out var found).Should().BeTrue();
        found.Should().Be(rank);
    }

    [Theory]
    [InlineData("")]
    [InlineData("x8#Kq2!vLp9@Wm3z")]
    [InlineData("x9Qpassword-unlisted")]
    public void Passwords_outside_the_blocklist_have_no_rank(string password) =>
        PasswordStrengthEstimator.TryGetCommonPasswordRank(password, out _).Should().BeFalse();

    [Fact]
    public void The_reference_year_comes_from_the_time_provider_when_not_set()
    {
        var clock = new FixedClock(new DateTimeOffset(2040, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var in2040 = new PasswordStrengthEstimator(new PasswordEstimatorOptions { TimeProvider = clock }).Estimate("1990");
        var in2026 = Estimator.Estimate("1990");
        in2040.GuessesLog10.Should().BeGreaterThan(in2026.GuessesLog10);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
