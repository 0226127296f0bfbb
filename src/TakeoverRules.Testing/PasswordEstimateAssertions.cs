using FluentAssertions;
using FluentAssertions.Execution;
using FluentAssertions.Primitives;
using TakeoverRules.Passwords;

namespace TakeoverRules.Testing;

/// <summary>Entry point of the password-estimate assertions.</summary>
public static class PasswordAssertionExtensions
{
    /// <summary>Starts assertions on a password-strength estimate: <c>PasswordStrength.Estimate(pw).Should().BeAtMostScore(1)</c>.</summary>
    /// <param name="estimate">The estimate.</param>
    /// <returns>The assertions.</returns>
    public static PasswordEstimateAssertions Should(this PasswordEstimate estimate) => new(estimate);
}

/// <summary>
/// Assertions on a <see cref="PasswordEstimate"/>. Failure messages show the score, the guesses, the matched pattern kinds
/// and the warning, and never the password: they name the subject "the password estimate" rather than quoting the test's
/// source line, which would contain the password literal.
/// </summary>
public sealed class PasswordEstimateAssertions : ReferenceTypeAssertions<PasswordEstimate, PasswordEstimateAssertions>
{
    internal PasswordEstimateAssertions(PasswordEstimate subject)
        : base(subject)
    {
    }

    /// <inheritdoc />
    protected override string Identifier => "password estimate";

    /// <summary>Asserts that the score is at most <paramref name="score"/> (0 very weak … 4 very strong).</summary>
    /// <param name="score">The highest acceptable score, 0–4.</param>
    /// <param name="because">Why, for the failure message.</param>
    /// <param name="becauseArgs">Arguments of <paramref name="because"/>.</param>
    /// <returns>A constraint to chain more assertions.</returns>
    [CustomAssertion]
    public AndConstraint<PasswordEstimateAssertions> BeAtMostScore(int score, string because = "", params object[] becauseArgs) =>
        Check(Subject?.Score <= (PasswordScore)score, $"a score of at most {Name(score)}", because, becauseArgs);

    /// <summary>Asserts that the score is at most <paramref name="score"/>.</summary>
    /// <param name="score">The highest acceptable score.</param>
    /// <param name="because">Why, for the failure message.</param>
    /// <param name="becauseArgs">Arguments of <paramref name="because"/>.</param>
    /// <returns>A constraint to chain more assertions.</returns>
    [CustomAssertion]
    public AndConstraint<PasswordEstimateAssertions> BeAtMostScore(PasswordScore score, string because = "", params object[] becauseArgs) =>
        BeAtMostScore((int)score, because, becauseArgs);

    /// <summary>Asserts that the score is at least <paramref name="score"/> (0 very weak … 4 very strong).</summary>
    /// <param name="score">The lowest acceptable score, 0–4.</param>
    /// <param name="because">Why, for the failure message.</param>
    /// <param name="becauseArgs">Arguments of <paramref name="because"/>.</param>
    /// <returns>A constraint to chain more assertions.</returns>
    [CustomAssertion]
    public AndConstraint<PasswordEstimateAssertions> BeAtLeastScore(int score, string because = "", params object[] becauseArgs) =>
        Check(Subject?.Score >= (PasswordScore)score, $"a score of at least {Name(score)}", because, becauseArgs);

    /// <summary>Asserts that the score is at least <paramref name="score"/>.</summary>
    /// <param name="score">The lowest acceptable score.</param>
    /// <param name="because">Why, for the failure message.</param>
    /// <param name="becauseArgs">Arguments of <paramref name="because"/>.</param>
    /// <returns>A constraint to chain more assertions.</returns>
    [CustomAssertion]
    public AndConstraint<PasswordEstimateAssertions> BeAtLeastScore(PasswordScore score, string because = "", params object[] becauseArgs) =>
        BeAtLeastScore((int)score, because, becauseArgs);

    /// <summary>Asserts that the estimate's feedback gives this warning.</summary>
    /// <param name="warning">The expected warning.</param>
    /// <param name="because">Why, for the failure message.</param>
    /// <param name="becauseArgs">Arguments of <paramref name="because"/>.</param>
    /// <returns>A constraint to chain more assertions.</returns>
    [CustomAssertion]
    public AndConstraint<PasswordEstimateAssertions> HaveWarning(PasswordWarning warning, string because = "", params object[] becauseArgs) =>
        Check(Subject?.Feedback.Warning == warning, $"the warning {warning}", because, becauseArgs);

    private AndConstraint<PasswordEstimateAssertions> Check(bool condition, string expectation, string because, object[] becauseArgs)
    {
        Execute.Assertion
            .BecauseOf(because, becauseArgs)
            .ForCondition(condition)
            .FailWith($"Expected the password estimate to have {expectation}{{reason}}, but {Describe(Subject)}.");
        return new(this);
    }

    private static string Name(int score) => Enum.IsDefined((PasswordScore)score) ? $"{(PasswordScore)score} ({score})" : score.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Describe(PasswordEstimate? e) =>
        e is null
            ? "it was <null>"
            : System.FormattableString.Invariant(
                $"it scored {e.Score} ({(int)e.Score}) with about 10^{e.GuessesLog10:F1} guesses, {e.Length} characters matched as [{string.Join(", ", e.Sequence.Select(p => p.Kind))}], warning {e.Feedback.Warning}");
}
