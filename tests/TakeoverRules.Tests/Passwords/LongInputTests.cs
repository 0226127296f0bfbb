using TakeoverRules.Passwords;

namespace TakeoverRules.Tests.Passwords;

/// <summary>Input beyond the analysed prefix (256 code points by default) is priced as the cheapest extension of the prefix.</summary>
public sealed class LongInputTests
{
    private static readonly PasswordStrengthEstimator Estimator = new();

    [Theory]
    [InlineData('a', 10_000_000)]
    [InlineData('x', 1024 * 1024)]
    [InlineData('7', 300)]
    public void One_character_repeated_far_beyond_the_prefix_costs_only_the_longer_repeat_count(char c, int length)
    {
        var prefix = Estimator.Estimate(new string(c, 256));
        var whole = Estimator.Estimate(new string(c, length));

        whole.WasTruncated.Should().BeTrue();
        whole.GuessesLog10.Should().BeApproximately(prefix.GuessesLog10 + Math.Log10(length / 256.0), 1e-9);
        whole.Sequence[^1].Kind.Should().Be(PasswordPatternKind.Repeat);
    }

    [Fact]
    public void A_mebibyte_of_one_letter_is_not_strong()
    {
        var estimate = Estimator.Estimate(new string('x', 1024 * 1024));
        ((int)estimate.Score).Should().BeLessThanOrEqualTo((int)PasswordScore.Fair, "an attacker trying one character at every length up to 1 MiB needs under 10^8 guesses");
    }

    [Fact]
    public void A_word_repeated_ten_thousand_times_scores_as_the_repeat_it_is()
    {
        var whole = Estimator.Estimate(string.Concat(Enumerable.Repeat("password", 10_000)));
        var prefix = Estimator.Estimate(string.Concat(Enumerable.Repeat("password", 32)));

        whole.GuessesLog10.Should().BeApproximately(prefix.GuessesLog10 + Math.Log10(10_000 / 32.0), 1e-9);
        ((int)whole.Score).Should().BeLessThanOrEqualTo((int)PasswordScore.Weak);
    }

    [Fact]
    public void A_run_of_one_character_after_a_random_prefix_costs_a_repeat_not_a_million_brute_force_characters()
    {
        var random = "Qx7#vL2!mZ9@kP4$wR8^tY1&uN6*bH3(jF5)gD0_sA+eC=iO-lK~";
        var prefix = string.Concat(Enumerable.Repeat(random, 6))[..256];
        var estimate = Estimator.Estimate(prefix + new string('z', 1_000_000));
        var alone = Estimator.Estimate(prefix);

        (estimate.GuessesLog10 - alone.GuessesLog10).Should().BeApproximately(1 + Math.Log10(1_000_000), 1e-9);
    }

    [Fact]
    public void A_tail_with_no_pattern_still_costs_ten_guesses_a_code_point()
    {
        var tail = "Qx7#vL2!mZ9@kP4$wR8^";
        var head = new string('a', 100) + string.Concat(Enumerable.Range(0, 156).Select(i => (char)('!' + (i * 37 % 94))));
        var estimate = Estimator.Estimate(head + tail);

        (estimate.GuessesLog10 - Estimator.Estimate(head).GuessesLog10).Should().BeApproximately(tail.Length, 1e-9);
        estimate.Sequence[^1].Kind.Should().Be(PasswordPatternKind.BruteForce);
    }
}
