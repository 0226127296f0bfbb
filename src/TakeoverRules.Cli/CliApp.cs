using System.CommandLine;
using TakeoverRules.Cli.Commands;

namespace TakeoverRules.Cli;

/// <summary>Builds the command tree and runs it with exit codes that scripts can rely on.</summary>
internal static class CliApp
{
    public static RootCommand BuildRoot(CliConsole console)
    {
        var root = new RootCommand("takeover: securities-account takeover defences (証券口座乗っ取り対策) from TakeoverRules.");
        root.Subcommands.Add(DemoCommand.Create(console));
        root.Subcommands.Add(ScanCommand.Create(console));
        root.Subcommands.Add(PasswordCommand.Create(console));
        root.Subcommands.Add(RespondCommand.Create(console));
        root.Subcommands.Add(PostureCommand.Create(console));
        root.Subcommands.Add(FactsCommand.Create(console));
        root.Subcommands.Add(CompensationCommand.Create(console));
        root.Subcommands.Add(LinkCommand.Create(console));
        return root;
    }

    public static int Run(string[] args, CliConsole console)
    {
        var root = BuildRoot(console);
        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var error in parseResult.Errors)
            {
                console.Error.WriteLine($"error: {error.Message}");
            }

            console.Error.WriteLine("Run 'takeover --help' or 'takeover COMMAND --help' for usage.");
            return ExitCodes.UsageError;
        }

        try
        {
            // A failed write (a closed pipe, a full disk) is an error of its own, not the default handler's exit 1,
            // which scripts would read as "findings". The flush surfaces a failure of the last buffered write.
            var exit = parseResult.Invoke(new InvocationConfiguration { Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false });
            console.Out.Flush();
            return exit;
        }
        catch (IOException ex)
        {
            WriteError(console, $"error: input/output failed, the output is incomplete: {ex.Message}");
            return ExitCodes.IoError;
        }
    }

    private static void WriteError(CliConsole console, string message)
    {
        try
        {
            console.Error.WriteLine(message);
        }
        catch (IOException)
        {
            // Standard error is gone too; the exit code still tells.
        }
    }
}
