using System.CommandLine;

namespace TakeoverRules.Cli;

/// <summary>Output formats a command may offer through <c>--format</c>.</summary>
internal enum OutputFormat
{
    Text,
    Json,
    Md,
}

internal static class CommonOptions
{
    /// <summary>Creates a <c>--format</c> option that accepts only <paramref name="allowed"/>; the first is the default.</summary>
    public static Option<OutputFormat> Format(params OutputFormat[] allowed)
    {
        var option = new Option<OutputFormat>("--format")
        {
            // The help adds "[default: ...]" itself.
            Description = "Output format: " + string.Join(", ", allowed.Select(Name)),
            DefaultValueFactory = _ => allowed[0],
        };
        option.AcceptOnlyFromAmong([.. allowed.Select(Name)]);
        return option;
    }

    /// <summary>Creates a <c>--lang</c> option (ja or en, default en).</summary>
    public static Option<string> Language()
    {
        var option = new Option<string>("--lang")
        {
            Description = "Language of messages: ja or en",
            DefaultValueFactory = _ => "en",
        };
        option.AcceptOnlyFromAmong("ja", "en");
        return option;
    }

    private static string Name(OutputFormat format) => format.ToString().ToLowerInvariant();
}
