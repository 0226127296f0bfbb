using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using TakeoverRules.Facts;

namespace TakeoverRules.Cli.Commands;

/// <summary>Parsing and rendering shared by <c>takeover facts</c>, <c>takeover compensation</c> and the demo's facts section.</summary>
internal static class FactsCliText
{
    public static Option<string?> DateOption(string name, string description)
    {
        var option = new Option<string?>(name) { Description = description + " (yyyy-MM-dd)" };
        option.Validators.Add(result =>
        {
            var text = result.GetValueOrDefault<string?>();
            if (text is not null && !TryParseDate(text, out _)) result.AddError($"{name}: must be a date yyyy-MM-dd (was '{text}')");
        });
        return option;
    }

    public static bool TryParseDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static DateOnly? Date(ParseResult parse, Option<string?> option) =>
        parse.GetValue(option) is { } text && TryParseDate(text, out var date) ? date : null;

    /// <summary>The options that choose a facts update and say which publishers are trusted.</summary>
    public sealed record UpdateOptions(Option<string?> File, Option<string?> Signature, Option<string[]> PublisherKeys, Option<bool> AllowUnsigned)
    {
        public IEnumerable<Option> All => [File, Signature, PublisherKeys, AllowUnsigned];
    }

    public static UpdateOptions UpdateFileOption() => new(
        new Option<string?>("--facts-file")
        {
            Description = "A newer facts file (same schema) to apply on top of the embedded facts; it must be signed (FILE.sig or --facts-signature) by a --publisher-key unless --allow-unsigned-facts",
        },
        new Option<string?>("--facts-signature") { Description = "The detached signature of --facts-file (default: FILE.sig when it exists)" },
        new Option<string[]>("--publisher-key") { Description = "A PEM file with a trusted publisher's ECDSA P-256 public key (repeatable)", AllowMultipleArgumentsPerToken = false },
        new Option<bool>("--allow-unsigned-facts") { Description = "Apply --facts-file even without a signature (anyone who can write it can change the numbers victims call)" });

    /// <summary>The registry to use: the embedded one, or it with the update file applied. Problems go to stderr.</summary>
    public static FactsRegistry? Registry(ParseResult parse, UpdateOptions options, CliConsole console)
    {
        if (parse.GetValue(options.File) is not { } path) return FactsRegistry.Embedded;
        FactsUpdateTrust trust;
        try
        {
            var keys = (parse.GetValue(options.PublisherKeys) ?? []).Select(f => System.IO.File.ReadAllText(f)).ToList();
            trust = FactsUpdateTrust.Create(keys, parse.GetValue(options.AllowUnsigned));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            console.Error.WriteLine($"error: --publisher-key: {e.Message}");
            return null;
        }

        var result = FactsRegistry.Embedded.ApplyUpdateFile(path, trust, parse.GetValue(options.Signature));
        if (result.Applied)
        {
            foreach (var change in result.ContactChanges) console.Error.WriteLine(PlainText.OneLine($"warning: {path} changes a contact point: {change}"));
            return result.Registry;
        }

        console.Error.WriteLine($"error: {path}: the facts file was not applied ({result.Errors.Count} problem(s)):");
        foreach (var error in result.Errors) console.Error.WriteLine($"  {error}");
        return null;
    }

    public static string AsOf(FactDate date, AsOfBasis basis) => basis switch
    {
        AsOfBasis.SeenBy => $"seen by {date} (page undated)",
        AsOfBasis.Before => $"before {date}",
        _ => $"as of {date}",
    };

    /// <summary>A reported quantity as a reader expects it: yen amounts of 1億 or more in 億円 (¥ billions in English).</summary>
    public static string Quantity(FactQuantity q, CultureInfo culture)
    {
        var c = CultureInfo.InvariantCulture;
        var ja = TextLanguage.IsJapanese(culture);
        var (prefix, suffix) = q.Qualifier switch
        {
            QuantityQualifier.About => (ja ? "約" : "about ", ""),
            QuantityQualifier.Over => (ja ? "" : "over ", ja ? "超" : ""),
            _ => ("", ""),
        };
        var number = q.Unit != "JPY" ? q.Value.ToString("#,0", c)
            : q.Value < 100_000_000m ? Yen(q.Value)
            : ja ? (q.Value / 100_000_000m).ToString("#,0.#", c) + "億円"
            : "¥" + (q.Value / 1_000_000_000m).ToString("#,0.###", c) + " billion";
        return prefix + number + suffix;
    }

    public static string Yen(decimal amount) => "¥" + amount.ToString("#,0", CultureInfo.InvariantCulture);

    public static string Grade(EvidenceGrade grade) => grade switch
    {
        EvidenceGrade.Primary => "primary",
        EvidenceGrade.Press => "press",
        EvidenceGrade.LowAuthority => "low-authority",
        _ => "unverified",
    };

    public static string Cite(FactSource s) =>
        $"{s.Publisher}: {s.Title}" + (s.Url is null ? " (URL not recorded)" : $" <{s.Url.OriginalString}>") + (s.Published is { } p ? $" ({p})" : "") + $" [{Grade(s.Grade)}]";

    public static void WriteText(Utf8JsonWriter json, string name, BilingualText text)
    {
        json.WriteStartObject(name);
        json.WriteString("ja", text.Ja);
        json.WriteString("en", text.En);
        json.WriteEndObject();
    }

    public static void WriteSources(Utf8JsonWriter json, IEnumerable<FactSource> sources)
    {
        json.WriteStartArray("sources");
        foreach (var s in sources)
        {
            json.WriteStartObject();
            json.WriteString("id", s.Id);
            json.WriteString("title", s.Title);
            json.WriteString("publisher", s.Publisher);
            if (s.Url is null) json.WriteNull("url");
            else json.WriteString("url", s.Url.OriginalString);
            if (s.Published is { } p) json.WriteString("published", p.ToString());
            else json.WriteNull("published");
            json.WriteString("grade", Grade(s.Grade));
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    public static Utf8JsonWriter JsonWriter(Stream stream) => new(stream, new JsonWriterOptions
    {
        Indented = true,
        // Japanese text stays readable; the output is a file or a pipe, not HTML.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
