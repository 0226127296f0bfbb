using TakeoverRules.Passwords;
using TakeoverRules.Passwords.Matching;

namespace TakeoverRules.Tests.Passwords.Matching;

public sealed class RomajiVariantTests
{
    // Spellings the IME accepts for words the embedded lists hold in another spelling.
    [Theory]
    [InlineData("arigatou", "arigato")] // long vowel typed out (passport spelling in the list)
    [InlineData("gakkou", "gakko")]
    [InlineData("shinbun", "shimbun")] // n before b (Hepburn writes m)
    [InlineData("ohno", "ono")] // oh before a consonant
    [InlineData("tukushi", "tsukushi")] // Kunrei tu with Hepburn shi
    public void An_ime_spelling_of_a_japanese_word_is_found_and_costs_twice_its_rank_per_rule(string typed, string listed)
    {
        RankedDictionaries.Instance.TryFind(typed, out _).Should().BeFalse("the rule is only needed when the list lacks the spelling");
        RankedDictionaries.Instance.TryFind(listed, out var index).Should().BeTrue();
        var rank = RankedDictionaries.Instance.RankOf(index);
        var match = MatcherHarness.Dictionary(typed).Should()
            .Contain(c => c.I == 0 && c.J == typed.Length - 1 && c.Flags.HasFlag(CandidateFlags.SpellingVariant)).Which;
        match.Rank.Should().Be(rank);
        match.Log10.Should().BeApproximately(Math.Log10(2.0 * rank), 1e-9);
    }

    [Fact]
    public void Spelling_rules_do_not_turn_english_words_into_japanese_ones() =>
        MatcherHarness.Dictionary("goodbook").Should().NotContain(c => c.Flags.HasFlag(CandidateFlags.SpellingVariant));

    [Fact]
    public void The_estimate_shows_the_variant_and_suggests_spellings_do_not_help()
    {
        var estimate = new PasswordStrengthEstimator().Estimate("arigatou");
        estimate.Sequence.Should().ContainSingle().Which.IsSpellingVariant.Should().BeTrue();
        estimate.Feedback.Suggestions.Should().Contain(PasswordSuggestion.SpellingVariantsDoNotHelp);
    }
}
