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

    [Fact]
    public void A_long_random_string_scores_very_strong() =>
        Estimator.Estimate("x8#Kq2!vLp9@Wm3z").Score.Should().Be(PasswordScore.VeryStrong);

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
}
