using System.Globalization;
using TakeoverRules.Passwords;
using TakeoverRules.Passwords.Matching;

namespace TakeoverRules.Tests.Passwords.Matching;

public sealed class KanaInputMatcherTests
{
    private static readonly PasswordStrengthEstimator Estimator = new(new PasswordEstimatorOptions { ReferenceYear = 2026 });

    private static Candidate[] Kana(string text) => MatcherHarness.Run(text, KanaInputMatcher.Match);

    // Keys from the JIS kana arrangement: た=q な=u か=t さ=x と=s う=4 く=h ら=o あ=3 り=l ゛=@ こ=b っ=shift+z し=d ゃ=shift+7 ん=y.
    [Theory]
    [InlineData("qut", PasswordWordList.JapaneseSurnames)] // たなか
    [InlineData("xs4", PasswordWordList.JapaneseSurnames)] // さとう
    [InlineData("xho", PasswordWordList.JapaneseGivenNames)] // さくら
    public void A_word_typed_with_kana_keys_is_read_back_through_the_jis_kana_layout(string typed, PasswordWordList list) =>
        Kana(typed).Should().Contain(c => c.I == 0 && c.J == typed.Length - 1 && c.Flags.HasFlag(CandidateFlags.KanaKeys) && c.Dictionary == list);

    [Fact]
    public void A_kana_key_word_costs_its_rank_times_two()
    {
        var match = Kana("qut").Single(c => c.I == 0 && c.J == 2);
        match.Log10.Should().BeApproximately(Math.Log10(2.0 * match.Rank), 1e-9);
    }

    [Fact]
    public void Voicing_marks_small_tsu_and_a_dropped_long_vowel_are_read_as_the_ime_reads_them()
    {
        // が = か + ゛ (t@), がっこう = t@ Z b 4 = gakkou, found as gakko with one spelling step more.
        var gakko = Kana("t@Zb4").Should().Contain(c => c.I == 0 && c.J == 4 && c.Flags.HasFlag(CandidateFlags.SpellingVariant)).Which;
        gakko.Log10.Should().BeApproximately(Math.Log10(4.0 * gakko.Rank), 1e-9);
        Kana("3lt@s4").Should().Contain(c => c.I == 0 && c.J == 5 && c.Dictionary == PasswordWordList.JapaneseWords); // ありがとう
    }

    [Fact]
    public void A_word_typed_with_letter_keys_in_kana_mode_is_read_back_as_its_keys()
    {
        // sakura typed with the IME in kana mode: と ち の な す ち.
        Kana("とちのなすち").Should().Contain(c => c.I == 0 && c.J == 5 && c.Flags.HasFlag(CandidateFlags.LetterKeysInKanaMode));
        Kana("セチトトテラスシ").Should().Contain(c => c.I == 0 && c.J == 7 && c.Dictionary == PasswordWordList.CommonPasswords); // password, katakana
    }

    [Fact]
    public void Ordinary_ascii_and_kana_text_is_not_reported_as_typed_in_another_mode()
    {
        Kana("@[@[@[").Should().BeEmpty(); // voicing marks with no kana to mark
        Kana("ありがとう").Should().NotContain(c => c.Length >= 4);
    }

    [Fact]
    public void The_estimate_reports_the_kana_key_word_with_its_own_warning_in_both_languages()
    {
        var estimate = Estimator.Estimate("qut1985");
        estimate.Sequence[0].Should().Match<PasswordPattern>(p => p.Kind == PasswordPatternKind.Dictionary && p.InputMode == PasswordInputMode.KanaKeys
            && p.WordList == PasswordWordList.JapaneseSurnames && p.Length == 3);
        var alone = Estimator.Estimate("qut");
        alone.Feedback.Warning.Should().Be(PasswordWarning.WordTypedInOtherInputMode);
        alone.Feedback.Suggestions.Should().Contain(PasswordSuggestion.InputModeDoesNotHelp);
        PasswordFeedbackText.Get(PasswordWarning.WordTypedInOtherInputMode, CultureInfo.GetCultureInfo("ja-JP")).Should().Contain("かな入力");
        PasswordFeedbackText.Get(PasswordWarning.WordTypedInOtherInputMode, CultureInfo.InvariantCulture).Should().Contain("kana keys");
        Estimator.Estimate("とちのなすち").Sequence.Should().ContainSingle().Which.InputMode.Should().Be(PasswordInputMode.LetterKeysInKanaMode);
    }
}
