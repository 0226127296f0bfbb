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
        CreateWriter(StandardOutput()),
        CreateWriter(Console.OpenStandardError()),
        !Console.IsErrorRedirected);

    /// <summary>
    /// Standard output as a plain file descriptor on Unix: the console stream there ignores a closed pipe (EPIPE), so
    /// <c>takeover scan | head -1</c> would report every decision written; a file stream reports the failure.
    /// </summary>
    private static Stream StandardOutput() => OperatingSystem.IsWindows()
        ? Console.OpenStandardOutput()
        : new FileStream(new Microsoft.Win32.SafeHandles.SafeFileHandle(1, ownsHandle: false), FileAccess.Write, bufferSize: 0);

    private static StreamWriter CreateWriter(Stream stream) =>
        new(stream, new System.Text.UTF8Encoding(false)) { AutoFlush = true, NewLine = "\n" };
}
