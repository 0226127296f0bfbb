namespace TakeoverRules.Cli.Tests;

/// <summary>Runs the CLI in-process with captured streams.</summary>
public static class Cli
{
    public static CliRun RunWithInput(string stdin, params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var exit = CliApp.Run(args, new CliConsole(new StringReader(stdin), stdout, stderr, ErrorIsTerminal: false));
        return new CliRun(exit, stdout.ToString(), stderr.ToString());
    }

    public static CliRun Run(params string[] args) => RunWithInput("", args);

    /// <summary>Runs with <paramref name="stdout"/> as standard output (for example one whose writes fail); its text is not captured.</summary>
    public static CliRun RunWithOutput(TextWriter stdout, params string[] args)
    {
        var stderr = new StringWriter { NewLine = "\n" };
        var exit = CliApp.Run(args, new CliConsole(new StringReader(""), stdout, stderr, ErrorIsTerminal: false));
        return new CliRun(exit, "", stderr.ToString());
    }
}

public sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public IReadOnlyList<string> StdoutLines =>
        Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
