using System.Globalization;

namespace BrokerMonitor;

/// <summary>The monitor's command line.</summary>
public sealed record MonitorOptions
{
    /// <summary>The help text.</summary>
    public const string Usage = """
        usage: BrokerMonitor --events FILE|- [--instruments FILE] [--decisions FILE|-] [--follow] [--once] [--all] [--lang en|ja]
          --events       event-format v1 JSON Lines; - reads standard input (e.g. tail -f events.jsonl | BrokerMonitor --events -)
          --instruments  reference data (JSON array or JSON Lines of instruments)
          --decisions    where decisions go, as JSON Lines (default decisions.jsonl; - for standard output)
          --all          write every decision, not only the reportable ones
          --follow       keep reading as the file grows, like tail -f, until Ctrl+C
          --once         no live screen: print one summary at the end (also when output is redirected)
          --lang         language of the explanations in the decisions (default en)
        """;

    /// <summary>The events file, or <c>-</c> for standard input.</summary>
    public string Events { get; init; } = "-";

    /// <summary>The instruments file, if any.</summary>
    public string? Instruments { get; init; }

    /// <summary>The decisions file, or <c>-</c> for standard output.</summary>
    public string Decisions { get; init; } = "decisions.jsonl";

    /// <summary>Write allow decisions too.</summary>
    public bool All { get; init; }

    /// <summary>Wait for more lines at the end of the file.</summary>
    public bool Follow { get; init; }

    /// <summary>One summary at the end instead of a live screen.</summary>
    public bool Once { get; init; }

    /// <summary>The culture of the decisions' explanations (Japanese for a <c>ja</c> culture, otherwise English).</summary>
    public CultureInfo Culture { get; init; } = CultureInfo.GetCultureInfo("en");

    /// <summary>Whether --help was asked for.</summary>
    public bool Help { get; init; }

    /// <summary>Parses the arguments; <see langword="null"/> after writing the problem to <paramref name="error"/>.</summary>
    public static MonitorOptions? Parse(IReadOnlyList<string> args, TextWriter error)
    {
        var options = new MonitorOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            try
            {
                options = args[i] switch
                {
                    "--events" => options with { Events = Value() },
                    "--instruments" => options with { Instruments = Value() },
                    "--decisions" => options with { Decisions = Value() },
                    "--all" => options with { All = true },
                    "--follow" => options with { Follow = true },
                    "--once" => options with { Once = true },
                    "--lang" => options with
                    {
                        Culture = Value() switch
                        {
                            var name when name is "ja" or "en" => CultureInfo.GetCultureInfo(name),
                            var other => throw new ArgumentException($"--lang must be ja or en (was '{other}')"),
                        }
                    },
                    "-h" or "--help" => options with { Help = true },
                    _ => throw new ArgumentException($"unknown argument '{args[i]}'"),
                };
            }
            catch (ArgumentException e)
            {
                error.WriteLine($"error: {e.Message}; try --help");
                return null;
            }
        }

        if (options.Follow && options.Events == "-")
        {
            error.WriteLine("error: --follow needs --events FILE (standard input already waits for more)");
            return null;
        }

        return options;
    }
}
