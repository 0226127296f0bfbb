using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using CsCheck;
using TakeoverRules.Passwords;
using TakeoverRules.Passwords.Matching;

namespace TakeoverRules.Tests.Passwords;

/// <summary>The learned character model (Data/markov.bin), its Monte Carlo rank and how it joins the estimate.</summary>
public sealed class MarkovModelTests
{
    private static readonly MarkovModel Model = MarkovModel.Instance;

    [Theory]
    [InlineData("password", "xq7#Lp2w")]
    [InlineData("iloveyou", "Vb9]kQ2z")]
    [InlineData("monkey12", "7Gx!pW4e")]
    public void A_common_password_needs_far_fewer_model_guesses_than_a_random_string_of_its_length(string common, string random)
    {
        Model.TryGuessesLog10(common, out var commonLog10).Should().BeTrue();
        Model.TryGuessesLog10(random, out var randomLog10).Should().BeTrue();
        randomLog10.Should().BeGreaterThan(commonLog10 + 6);
    }

    [Fact]
    public void The_monte_carlo_rank_never_decreases_as_the_probability_decreases()
    {
        Gen.Select(Gen.Long[0, 4000], Gen.Long[0, 4000]).Sample((a, b) =>
        {
            var (cheap, dear) = a <= b ? (a, b) : (b, a);
            return Model.RankLog10(cheap) <= Model.RankLog10(dear);
        });
    }

    [Fact]
    public void The_rank_beyond_the_rarest_sample_grows_with_the_cost()
    {
        Model.RankLog10(60_000).Should().BeGreaterThan(Model.RankLog10(20_000));
        Model.RankLog10(0).Should().Be(0);
    }

    [Fact]
    public void Characters_outside_printable_ascii_and_the_empty_text_are_not_scored()
    {
        Model.TryCost("パスワード", out _).Should().BeFalse();
        Model.TryCost("pass\u00e9", out _).Should().BeFalse();
        Model.TryCost("tab\there", out _).Should().BeFalse();
        Model.TryCost("", out _).Should().BeFalse();
    }

    [Fact]
    public void The_embedded_model_is_the_file_whose_sha256_the_build_script_recorded()
    {
        using var stream = typeof(MarkovModel).Assembly.GetManifestResourceStream("TakeoverRules.Passwords.Data.markov.bin")!;
        var actual = Convert.ToHexStringLower(SHA256.HashData(stream));
        var recorded = File.ReadAllText(Path.Combine(RepositoryRoot(), "src/TakeoverRules/Passwords/Data/markov.bin.sha256")).Split(' ')[0];
        actual.Should().Be(recorded);
    }

    [Fact]
    public void The_blend_never_raises_the_patterns_estimate_and_only_lowers_when_the_model_is_cheaper()
    {
        Gen.Select(Gen.Double[0, 60], Gen.Double[0, 60]).Sample((pattern, model) =>
        {
            var combined = LearnedModelBlend.Combine(pattern, model);
            var target = model + LearnedModelBlend.MarginLog10;
            return combined <= pattern && combined >= 0
                && (target < pattern ? (combined < pattern || pattern == 0) && combined >= Math.Max(0, target) : combined == pattern);
        });
    }

    [Theory]
    [InlineData("monkey123")]
    [InlineData("dragon12")]
    [InlineData("soccer10")]
    [InlineData("iloveyou2")]
    [InlineData("hello123")]
    public void The_model_lowers_letter_and_digit_habits_the_patterns_overprice(string password)
    {
        var withModel = new PasswordStrengthEstimator().Estimate(password).GuessesLog10;
        var patternsOnly = new PasswordStrengthEstimator { UseLearnedModel = false }.Estimate(password).GuessesLog10;
        withModel.Should().BeLessThan(patternsOnly);
    }

    [Fact]
    public void With_the_model_no_estimate_exceeds_the_patterns_alone()
    {
        var with = new PasswordStrengthEstimator();
        var without = new PasswordStrengthEstimator { UseLearnedModel = false };
        Gen.String[Gen.Char["abcdeiklmnorst0123456789!@A"], 1, 24].Sample(p =>
            with.Estimate(p).GuessesLog10 <= without.Estimate(p).GuessesLog10);
    }

    private static string RepositoryRoot([CallerFilePath] string file = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, "..", "..", ".."));
}
