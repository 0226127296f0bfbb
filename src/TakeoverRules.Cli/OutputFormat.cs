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
    /// <summary>
    /// Creates a <c>--format</c> option that accepts only <paramref name="allowed"/>, by lower-case name; the first is the
    /// default. A string option, so the help shows the default as it is typed (<c>[default: json]</c>), like <c>--lang</c>.
    /// </summary>
    public static Option<string> Format(params OutputFormat[] allowed)
    {
        var option = new Option<string>("--format")
        {
            // The help adds "[default: ...]" itself.
            Description = "Output format: " + string.Join(", ", allowed.Select(Name)),
            DefaultValueFactory = _ => Name(allowed[0]),
        };
        option.AcceptOnlyFromAmong([.. allowed.Select(Name)]);
        return option;
    }

    /// <summary>The format chosen with an option made by <see cref="Format"/>.</summary>
    public static OutputFormat GetFormat(this ParseResult parse, Option<string> option) => parse.GetValue(option) switch
    {
        "json" => OutputFormat.Json,
        "md" => OutputFormat.Md,
        _ => OutputFormat.Text,
    };

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
