namespace TakeoverRules.Cli.Tests;

public sealed class CliAppTests
{
    [Fact]
    public void Help_lists_the_commands_and_exits_0()
    {
        var run = Cli.Run("--help");

        run.ExitCode.Should().Be(0, "stderr was: {0}", run.Stderr);
        run.Stdout.Should().Contain("demo");
    }

    [Theory]
    [InlineData("password", "json")]
    [InlineData("facts", "text")]
    [InlineData("respond", "md")]
    [InlineData("compensation", "text")]
    [InlineData("posture", "text")]
    [InlineData("link", "text")]
    public void Help_shows_each_default_as_it_is_typed_among_the_accepted_values(string command, string format)
    {
        var run = Cli.Run(command, "--help");

        run.ExitCode.Should().Be(0, "stderr was: {0}", run.Stderr);
        var line = run.Stdout.Split('\n').Single(l => l.TrimStart().StartsWith("--format", StringComparison.Ordinal));
        line.Should().Contain($"[default: {format}]").And.MatchRegex(@"--format <[a-z|]+>");
        run.Stdout.Should().NotMatchRegex(@"\[default: [A-Z]", "every default is shown in the case the option accepts");
        Cli.Run(command, "--format", format, "--help").ExitCode.Should().Be(0, "the shown default is accepted");
    }

    [Fact]
    public void An_unknown_option_is_a_usage_error_with_exit_code_2()
    {
        var run = Cli.Run("demo", "--no-such-option");

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Contain("--no-such-option");
        run.Stdout.Should().BeEmpty();
    }

    [Fact]
    public void An_unknown_command_is_a_usage_error_with_exit_code_2() =>
        Cli.Run("no-such-command").ExitCode.Should().Be(2);

    [Fact]
    public void Demo_runs_without_network_or_setup_and_exits_0()
    {
        var run = Cli.Run("demo");

        run.ExitCode.Should().Be(0, "stderr was: {0}", run.Stderr);
        run.Stdout.Should().Contain("TakeoverRules");
        run.Stderr.Should().BeEmpty();
    }
}
