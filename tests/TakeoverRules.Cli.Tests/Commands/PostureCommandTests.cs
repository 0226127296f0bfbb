using System.Text.Json;
using System.Xml.Linq;

namespace TakeoverRules.Cli.Tests.Commands;

public sealed class PostureCommandTests
{
    [Fact]
    public void Text_output_puts_the_most_valuable_action_first()
    {
        var run = Cli.Run("posture", "--mfa", "sms", "--password-score", "3", "--reuse", "no", "--notifications", "all",
            "--access", "bookmark", "--checks", "weekly", "--pin", "strong");

        run.ExitCode.Should().Be(0, "stderr was: {0}", run.Stderr);
        run.StdoutLines[0].Should().Be("Security posture: overall 73 / 100");
        run.Stdout.Should().Contain("Next actions (most valuable first):\n1. Switch your login to a passkey. (+23 points)");
    }

    [Fact]
    public void The_svg_option_writes_a_radar_chart_in_the_chosen_language()
    {
        var file = Path.Combine(Path.GetTempPath(), $"posture-{Guid.NewGuid():N}.svg");
        try
        {
            var run = Cli.Run("posture", "--lang", "ja", "--svg", file, "--format", "md");

            run.ExitCode.Should().Be(0, "stderr was: {0}", run.Stderr);
            run.StdoutLines[0].Should().StartWith("# セキュリティ対策の状況: 総合 ");
            run.Stderr.Should().Contain("wrote ");
            XDocument.Load(file).Root!.Attribute("lang")!.Value.Should().Be("ja");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_password_read_from_stdin_is_scored_and_never_printed()
    {
        const string password = "tanaka19850412";

        var run = Cli.RunWithInput(password + "\n", "posture", "--password-stdin", "--format", "json");

        run.ExitCode.Should().Be(0, "stderr was: {0}", run.Stderr);
        using var doc = JsonDocument.Parse(run.Stdout);
        var factor = doc.RootElement.GetProperty("factors").EnumerateArray().Single(f => f.GetProperty("factor").GetString() == "PasswordStrength");
        factor.GetProperty("score").GetInt32().Should().Be((int)TakeoverRules.Passwords.PasswordStrength.Estimate(password).Score);
        (run.Stdout + run.Stderr).Should().NotContain(password).And.NotContain("19850412");
    }

    [Fact]
    public void Giving_both_a_score_and_a_password_is_a_usage_error()
    {
        var run = Cli.RunWithInput("x\n", "posture", "--password-stdin", "--password-score", "2");

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Be("error: --password-score and --password-stdin: give one, not both\n");
    }

    [Theory]
    [InlineData("--password-score", "7", "--password-score: must be 0 to 4 (was 7)")]
    [InlineData("--mfa", "carrier-pigeon", "carrier-pigeon")]
    public void Bad_values_are_usage_errors(string option, string value, string expected)
    {
        var run = Cli.Run("posture", option, value);

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Contain(expected);
    }

    [Fact]
    public void An_unwritable_svg_path_is_a_usage_error()
    {
        var run = Cli.Run("posture", "--svg", "/nonexistent-dir/x/posture.svg");

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().StartWith("error: --svg /nonexistent-dir/x/posture.svg: cannot write");
    }
}
