using System.Buffers;
using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using TakeoverRules.Links;

namespace TakeoverRules.Cli.Commands;

/// <summary>
/// <c>takeover link</c>: checks links given as arguments, or read from stdin one per line (a URL, a host, or a whole
/// mail/SMS message whose links are all checked), and writes exactly one result per input, in order. Exit code 1 when
/// any link is a look-alike. Never prints user-info, path or query of a link.
/// </summary>
internal static class LinkCommand
{
    /// <summary>Longer stdin lines are reported as too long (not checked), so one huge line cannot exhaust memory.</summary>
    public const int MaxLineLength = 1024 * 1024;

    public static Command Create(CliConsole console)
    {
        var links = new Argument<string[]>("link")
        {
            Description = "URLs, hosts or messages to check (quote a message that contains spaces)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var stdin = new Option<bool>("--stdin") { Description = "Read from stdin instead: one URL, host or message per line" };
        var format = CommonOptions.Format(OutputFormat.Text, OutputFormat.Json);
        var language = CommonOptions.Language();
        var command = new Command("link", "Tell a broker's official site from a phishing look-alike, offline: official, related, lookalike, unrelated or unknown, with reasons and advice.")
        {
            links, stdin, format, language,
        };
        command.SetAction(parse =>
        {
            var given = parse.GetValue(links) ?? [];
            var fromStdin = parse.GetValue(stdin);
            if (given.Length > 0 == fromStdin)
            {
                console.Error.WriteLine(fromStdin ? "error: give links as arguments or --stdin, not both" : "error: give one or more links, or --stdin");
                return ExitCodes.UsageError;
            }

            var run = new Run(console, parse.GetFormat(format), parse.GetValue(language)!);
            if (!fromStdin)
            {
                for (var i = 0; i < given.Length; i++) run.Write(i + 1, given[i]);
                return run.ExitCode;
            }

            var reader = new PasswordCommand.BoundedLineReader(console.In, MaxLineLength);
            var lineNumber = 0;
            while (reader.ReadLine(out var line, out var problem))
            {
                run.Write(++lineNumber, problem is null ? line : null);
            }

            return run.ExitCode;
        });
        return command;
    }

    /// <summary>A line that reads as one link is checked as one; any other line is scanned as a message.</summary>
    private static (LinkCheck Summary, IReadOnlyList<LinkCheck>? Links) Judge(string? input)
    {
        var checker = LinkChecker.Default;
        if (input is null) return (checker.Check(new string('x', LinkChecker.MaxLinkLength + 1)), null);
        var trimmed = input.Trim();
        if (trimmed.Length == 0) return (checker.Check(trimmed), null);
        if (!trimmed.Any(char.IsWhiteSpace))
        {
            // Japanese messages have no spaces: a line that is not a link on its own is scanned as a message.
            var single = checker.Check(trimmed);
            var notALink = (single.Reasons & LinkReasons.NotAWebAddress) != 0
                || ((single.Reasons & LinkReasons.NoRegistrableDomain) != 0 && !trimmed.All(char.IsAscii));
            if (!notALink) return (single, null);
        }

        var found = checker.Scan(trimmed);
        if (found.Count == 0) return (default, found);
        return (found.MaxBy(c => Severity(c.Verdict)), found);
    }

    private static int Severity(LinkVerdict verdict) => verdict switch
    {
        LinkVerdict.Lookalike => 4,
        LinkVerdict.Unknown => 3,
        LinkVerdict.Unrelated => 2,
        LinkVerdict.Related => 1,
        _ => 0,
    };

    private static string Name(LinkVerdict verdict) => verdict.ToString().ToLowerInvariant();

    private sealed class Run(CliConsole console, OutputFormat format, CultureInfo culture)
    {
        private readonly ArrayBufferWriter<byte> _json = new(1024);
        private bool _lookalike;

        public int ExitCode => _lookalike ? ExitCodes.Findings : ExitCodes.Ok;

        public void Write(int number, string? input)
        {
            var (summary, links) = Judge(input);
            var noLink = links is { Count: 0 };
            _lookalike |= links?.Any(l => l.IsLookalike) ?? summary.IsLookalike;
            if (format == OutputFormat.Json) WriteJson(number, summary, links, noLink);
            else WriteText(number, summary, links, noLink);
        }

        private void WriteJson(int number, LinkCheck summary, IReadOnlyList<LinkCheck>? links, bool noLink)
        {
            _json.Clear();
            using (var writer = new Utf8JsonWriter(_json))
            {
                writer.WriteStartObject();
                writer.WriteNumber("line", number);
                if (noLink)
                {
                    writer.WriteString("verdict", Name(LinkVerdict.Unknown));
                    writer.WriteNull("broker");
                    writer.WriteNull("host");
                    writer.WriteNull("registrableDomain");
                    writer.WriteStartArray("reasons");
                    WriteReason(writer, LinkReasons.NoLinkFound);
                    writer.WriteEndArray();
                    writer.WriteString("advice", summary.Advice.In(culture));
                }
                else
                {
                    WriteFields(writer, summary);
                }

                if (links is not null)
                {
                    writer.WriteStartArray("links");
                    foreach (var link in links)
                    {
                        writer.WriteStartObject();
                        writer.WriteNumber("start", link.Start);
                        writer.WriteNumber("length", link.Length);
                        WriteFields(writer, link);
                        writer.WriteEndObject();
                    }

                    writer.WriteEndArray();
                }

                writer.WriteEndObject();
            }

            console.Out.WriteLine(Encoding.UTF8.GetString(_json.WrittenSpan));
        }

        private void WriteFields(Utf8JsonWriter writer, LinkCheck check)
        {
            writer.WriteString("verdict", Name(check.Verdict));
            if (check.Broker is { } broker) writer.WriteString("broker", broker.Id);
            else writer.WriteNull("broker");
            if (check.Broker is { } named) writer.WriteString("brokerName", named.Name.In(culture));
            if (check.Domain is { } domain) writer.WriteString("brokerDomain", domain.Name);
            if (check.Host.Length > 0) writer.WriteString("host", check.Host);
            else writer.WriteNull("host");
            if (check.RegistrableDomain is { } registrable) writer.WriteString("registrableDomain", registrable);
            else writer.WriteNull("registrableDomain");
            writer.WriteStartArray("reasons");
            foreach (var reason in check.ReasonList()) WriteReason(writer, reason);
            writer.WriteEndArray();
            writer.WriteString("advice", check.Advice.In(culture));
        }

        private void WriteReason(Utf8JsonWriter writer, LinkReasons reason)
        {
            writer.WriteStartObject();
            writer.WriteString("code", reason.ToString());
            writer.WriteString("text", LinkChecker.Describe(reason).In(culture));
            writer.WriteEndObject();
        }

        private void WriteText(int number, LinkCheck summary, IReadOnlyList<LinkCheck>? links, bool noLink)
        {
            var o = console.Out;
            var prefix = number.ToString(CultureInfo.InvariantCulture) + ": ";
            if (noLink)
            {
                o.WriteLine(prefix + Name(LinkVerdict.Unknown).ToUpperInvariant() + "  " + LinkChecker.Describe(LinkReasons.NoLinkFound).In(culture));
                return;
            }

            foreach (var check in links ?? [summary])
            {
                var broker = check.Broker is { } b ? "  " + b.Name.In(culture) + (check.Domain is { } d ? $" ({d.Name})" : "") : "";
                var host = check.Host.Length > 0 ? "  " + check.Host : "";
                o.WriteLine(prefix + Name(check.Verdict).ToUpperInvariant() + host + broker);
                foreach (var reason in check.ReasonList()) o.WriteLine("   - " + LinkChecker.Describe(reason).In(culture));
                o.WriteLine("   → " + check.Advice.In(culture));
            }
        }
    }
}
