namespace TakeoverRules.Cli.Tests.Commands;

public sealed class PasswordsDemoTests
{
    [Fact]
    public void The_demo_shows_policy_verdicts_k_anonymity_and_trading_pins_offline()
    {
        var run = Cli.Run("demo");

        run.ExitCode.Should().Be(0, "stderr was: {0}", run.Stderr);
        run.Stdout.Should().Contain("== Passwords: strength, policy, breach check and trading PIN (取引暗証番号) ==")
            .And.Contain("1qaz2wsx").And.Contain("FAIL TooShort+Blocklisted")
            .And.Contain("prefix 5BAA6")
            .And.Contain("6007  refused: BirthDate")
            .And.Contain("5093  acceptable")
            .And.Contain("1,343 of the 10,000");
    }
}
