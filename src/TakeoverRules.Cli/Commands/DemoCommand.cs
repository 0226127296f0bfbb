using System.CommandLine;
using System.Reflection;

namespace TakeoverRules.Cli.Commands;

/// <summary>
/// <c>takeover demo</c>: the README's main job. Shows what the library does on data embedded in the project,
/// one section per pillar, with no set-up and no network.
/// </summary>
internal static class DemoCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("demo", "Show what TakeoverRules does, on data embedded in the project (no network).");
        command.SetAction(_ =>
        {
            var version = typeof(TakeoverRulesOptions).Assembly
                .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
            console.Out.WriteLine($"TakeoverRules {version} — securities-account takeover defences (証券口座乗っ取り対策)");
            console.Out.WriteLine();
            DetectionDemo.Write(console.Out);
            console.Out.WriteLine();
            PasswordsDemo.Write(console.Out);
            ResponseDemo.Write(console.Out);
            FactsDemo.Write(console.Out);
            LinksDemo.Write(console.Out);
            return ExitCodes.Ok;
        });
        return command;
    }
}
