namespace TakeoverRules.Cli;

/// <summary>The streams a command reads and writes, so tests can run commands in-process.</summary>
/// <param name="In">Standard input.</param>
/// <param name="Out">Standard output: results only.</param>
/// <param name="Error">Standard error: diagnostics, progress and summaries.</param>
/// <param name="ErrorIsTerminal">Whether standard error is a terminal (progress is shown only then).</param>
internal sealed record CliConsole(TextReader In, TextWriter Out, TextWriter Error, bool ErrorIsTerminal)
{
    public static CliConsole System { get; } = new(
        new StreamReader(Console.OpenStandardInput(), new System.Text.UTF8Encoding(false)),
        CreateWriter(Console.OpenStandardOutput()),
        CreateWriter(Console.OpenStandardError()),
        !Console.IsErrorRedirected);

    private static StreamWriter CreateWriter(Stream stream) =>
        new(stream, new System.Text.UTF8Encoding(false)) { AutoFlush = true, NewLine = "\n" };
}
