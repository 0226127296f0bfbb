using TakeoverRules.Passwords;
using Xunit.Sdk;

namespace TakeoverRules.Testing.Tests;

public sealed class PasswordEstimateAssertionsTests
{
    [Fact]
    public void A_name_and_birth_year_is_at_most_weak_and_a_long_random_passphrase_at_least_strong()
    {
        PasswordStrength.Estimate("tanaka1985").Should().BeAtMostScore(1);
        PasswordStrength.Estimate("tanaka1985").Should().BeAtMostScore(PasswordScore.Weak);
        PasswordStrength.Estimate("vQ7#mZ2!pL9@xR4$wK8").Should().BeAtLeastScore(PasswordScore.Strong);
    }

    [Fact]
    public void A_failure_message_describes_the_estimate_and_never_contains_the_password()
    {
        const string password = "vQ7#mZ2!pL9@xR4$wK8";

        var act = () => PasswordStrength.Estimate(password).Should().BeAtMostScore(1, "we expect {0}", "weak passwords");

        var message = act.Should().Throw<XunitException>().Which.Message;
        message.Should().StartWith("Expected the password estimate to have a score of at most Weak (1) because we expect weak passwords, but it scored ")
            .And.Contain("guesses").And.Contain("19 characters").And.NotContain(password).And.NotContain("vQ7");
    }

    [Fact]
    public void The_warning_can_be_asserted()
    {
        var estimate = PasswordStrength.Estimate("password");

        estimate.Should().HaveWarning(estimate.Feedback.Warning);
        var other = Enum.GetValues<PasswordWarning>().First(w => w != estimate.Feedback.Warning);
        var act = () => estimate.Should().HaveWarning(other);
        act.Should().Throw<XunitException>().WithMessage($"Expected the password estimate to have the warning {other}, but it scored *");
    }
}
