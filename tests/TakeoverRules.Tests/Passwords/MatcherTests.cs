using TakeoverRules.Passwords;
using TakeoverRules.Passwords.Matching;

namespace TakeoverRules.Tests.Passwords;

public sealed class DictionaryMatcherTests
{
    [Fact]
    public void A_common_password_is_found_with_its_rank()
    {
        var match = MatcherHarness.Dictionary("password").Single(c => c.I == 0 && c.J == 7 && !c.Flags.HasFlag(CandidateFlags.Reversed));
        match.Dictionary.Should().Be(PasswordWordList.CommonPasswords);
        match.Rank.Should().Be(2);
        match.Flags.Should().HaveFlag(CandidateFlags.CommonPassword);
    }

    [Fact]
    public void A_reversed_word_is_found_and_costs_twice_the_rank()
    {
        var match = MatcherHarness.Dictionary("drowssap").Single(c => c.I == 0 && c.J == 7 && c.Flags.HasFlag(CandidateFlags.Reversed));
        match.Log10.Should().BeApproximately(Math.Log10(2 * 2), 1e-9);
    }

    [Fact]
    public void L33t_substitutions_are_undone_and_counted()
    {
        var match = MatcherHarness.Dictionary("p@ssw0rd").First(c => c.I == 0 && c.J == 7 && c.Flags.HasFlag(CandidateFlags.L33t) && c.Rank == 2);
        match.Rank.Should().Be(2);
        match.Log10.Should().BeGreaterThan(Math.Log10(2));
    }

    [Fact]
    public void Capitals_add_uppercase_variations()
    {
        var lower = MatcherHarness.Dictionary("sakura").Single(c => c.I == 0 && c.J == 5);
        var capitalised = MatcherHarness.Dictionary("Sakura").Single(c => c.I == 0 && c.J == 5);
        capitalised.Log10.Should().BeApproximately(lower.Log10 + Math.Log10(2), 1e-9);
    }

    [Theory]
    [InlineData("satou", PasswordWordList.JapaneseSurnames)]
    [InlineData("satoh", PasswordWordList.JapaneseSurnames)]
    [InlineData("takahiro", PasswordWordList.JapaneseGivenNames)]
    [InlineData("kabushiki", PasswordWordList.FinanceTerms)]
    public void Japanese_names_spelling_variants_and_finance_words_are_found(string word, PasswordWordList list) =>
        MatcherHarness.Dictionary(word).Should().Contain(c => c.I == 0 && c.J == word.Length - 1 && c.Dictionary == list);

    [Fact]
    public void Symbol_heavy_input_is_matched_without_blowing_up()
    {
        var attack = string.Concat(Enumerable.Repeat("1|!7+$5@4(<{[", 20));
        MatcherHarness.Dictionary(attack).Length.Should().BeLessThan(100_000);
    }
}

public sealed class KeyboardMatcherTests
{
    [Fact]
    public void A_straight_us_row_has_one_turn()
    {
        var match = MatcherHarness.Keyboard("qwerty").Single(c => c.Keyboard == PasswordKeyboard.UsQwerty);
        (match.I, match.J, match.Aux).Should().Be((0, 5, 1));
    }

    [Fact]
    public void The_jis_row_includes_its_own_symbols()
    {
        MatcherHarness.Keyboard("qwertyuiop@[").Should().Contain(c => c.Keyboard == PasswordKeyboard.JapaneseJis && c.I == 0 && c.J == 11);
        MatcherHarness.Keyboard("qwertyuiop@[").Should().NotContain(c => c.Keyboard == PasswordKeyboard.UsQwerty && c.J == 11);
    }

    [Fact]
    public void The_jis_shifted_number_row_is_a_walk() =>
        MatcherHarness.Keyboard("!\"#$%&'()").Should().Contain(c => c.Keyboard == PasswordKeyboard.JapaneseJis && c.I == 0 && c.J == 8);

    [Fact]
    public void A_column_walk_like_1qaz_is_found() =>
        MatcherHarness.Keyboard("1qaz").Should().Contain(c => c.Keyboard == PasswordKeyboard.UsQwerty && c.I == 0 && c.J == 3);

    [Theory]
    [InlineData("1478963", PasswordKeyboard.NumericKeypad)]
    [InlineData("2580", PasswordKeyboard.PhoneKeypad)]
    [InlineData("adgjmptw", PasswordKeyboard.FeaturePhoneLetters)]
    [InlineData("behknqux", PasswordKeyboard.FeaturePhoneLetters)]
    public void Keypad_and_feature_phone_walks_are_found(string walk, PasswordKeyboard keyboard) =>
        MatcherHarness.Keyboard(walk).Should().Contain(c => c.Keyboard == keyboard && c.I == 0 && c.J == walk.Length - 1);

    [Fact]
    public void Feature_phone_letters_with_mixed_press_counts_are_not_a_walk() =>
        MatcherHarness.Keyboard("aeglmq").Should().NotContain(c => c.Keyboard == PasswordKeyboard.FeaturePhoneLetters);
}

public sealed class SequenceMatcherTests
{
    [Theory]
    [InlineData("abcdef", 1)]
    [InlineData("9753", -2)]
    [InlineData("ZYXW", -1)]
    public void Constant_steps_are_sequences(string text, int delta) =>
        MatcherHarness.Sequence(text).Should().ContainSingle(c => c.I == 0 && c.J == text.Length - 1 && c.Aux == delta);

    [Fact]
    public void Steps_larger_than_five_are_not_sequences() =>
        MatcherHarness.Sequence("agmsy").Should().BeEmpty();
}

public sealed class RepeatMatcherTests
{
    [Fact]
    public void A_repeated_character_uses_the_smallest_period()
    {
        var match = MatcherHarness.Repeats("aaaaaa").Should().ContainSingle().Subject;
        (match.I, match.J, match.Aux).Should().Be((0, 5, 1));
    }

    [Fact]
    public void A_repeated_group_costs_its_base_times_the_count()
    {
        var match = MatcherHarness.Repeats("abcabcabc").Single(c => c.Aux == 3);
        (match.I, match.J).Should().Be((0, 8));
        var single = new PasswordStrengthEstimator().Estimate("abc").GuessesLog10;
        match.Log10.Should().BeApproximately(single + Math.Log10(3), 1e-9);
    }
}

public sealed class DateMatcherTests
{
    [Theory]
    [InlineData("19850412", 1985)]
    [InlineData("12041985", 1985)]
    [InlineData("1985-04-12", 1985)]
    [InlineData("12/4/85", 1985)]
    public void Western_dates_are_found_with_their_year(string text, int year) =>
        MatcherHarness.Dates(text).Should().Contain(c => c.Kind == PasswordPatternKind.Date && c.I == 0 && c.J == text.Length - 1 && c.Aux == year);

    [Fact]
    public void A_month_and_day_alone_is_found() =>
        MatcherHarness.Dates("0412").Should().Contain(c => c.Kind == PasswordPatternKind.MonthDay);

    [Fact]
    public void A_recent_year_costs_its_distance_from_the_reference_year() =>
        MatcherHarness.Dates("1985").Should().Contain(c => c.Kind == PasswordPatternKind.Year && Math.Abs(c.Log10 - Math.Log10(41)) < 1e-9);

    [Theory]
    [InlineData("H05", 1993)]
    [InlineData("s60", 1985)]
    [InlineData("R7", 2025)]
    [InlineData("heisei7", 1995)]
    [InlineData("平成7", 1995)]
    [InlineData("tanakaH050412", 1993)]
    public void Japanese_era_years_are_found(string text, int year) =>
        MatcherHarness.Dates(text).Should().Contain(c => c.Kind == PasswordPatternKind.JapaneseEraDate && c.Aux == year);

    [Fact]
    public void An_era_year_beyond_the_era_is_not_a_date() =>
        MatcherHarness.Dates("H45").Should().NotContain(c => c.Kind == PasswordPatternKind.JapaneseEraDate);

    [Fact]
    public void An_era_year_with_month_and_day_costs_a_date() =>
        MatcherHarness.Dates("H050412").Should().Contain(c => c.Kind == PasswordPatternKind.JapaneseEraDate && c.I == 0 && c.J == 6);
}

public sealed class PhoneNumberMatcherTests
{
    [Theory]
    [InlineData("09012345678")]
    [InlineData("080-1234-5678")]
    [InlineData("0120123456")]
    [InlineData("05012345678")]
    [InlineData("0312345678")]
    public void Japanese_number_shapes_are_found(string text) =>
        MatcherHarness.Phones(text).Should().Contain(c => c.I == 0 && c.J == text.Length - 1);

    [Theory]
    [InlineData("12345678901")]
    [InlineData("0900123456789")]
    [InlineData("09001234567")]
    public void Other_digit_runs_are_not_phone_numbers(string text) =>
        MatcherHarness.Phones(text).Should().NotContain(c => c.I == 0 && c.J == text.Length - 1);
}
