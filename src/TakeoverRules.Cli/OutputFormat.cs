using System.CommandLine;
using System.Globalization;

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
    /// <summary>The culture of <c>--lang en</c>, also the demo's language.</summary>
    public static CultureInfo English { get; } = CultureInfo.GetCultureInfo("en");

    /// <summary>The culture of <c>--lang ja</c>.</summary>
    public static CultureInfo Japanese { get; } = CultureInfo.GetCultureInfo("ja");

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

    /// <summary>
    /// Creates a <c>--lang</c> option: <c>ja</c>, <c>en</c> or any culture name such as <c>ja-JP</c> (default <c>en</c>),
    /// turned into a <see cref="CultureInfo"/> here, at the edge; the library picks Japanese or English from it by
    /// <see cref="TextLanguage"/>, so <c>ja-JP</c> reads as <c>ja</c> and <c>fr</c> as <c>en</c>.
    /// </summary>
    public static Option<CultureInfo> Language()
    {
        return new Option<CultureInfo>("--lang")
        {
            Description = "Language of messages: ja or en (or a culture name such as ja-JP)",
            DefaultValueFactory = _ => English,
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
                try
                {
                    if (text.Length > 0) return CultureInfo.GetCultureInfo(text, predefinedOnly: true);
                }
                catch (CultureNotFoundException)
                {
                    // Reported below, like an empty name.
                }

                result.AddError($"--lang: must be ja, en or a culture name such as ja-JP (was '{text}')");
                return null;
            },
        };
    }

    private static string Name(OutputFormat format) => format.ToString().ToLowerInvariant();
}
