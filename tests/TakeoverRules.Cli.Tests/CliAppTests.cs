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
