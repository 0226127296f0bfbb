using System.CommandLine;
using System.Globalization;
using TakeoverRules.Facts;
using TakeoverRules.Response;

namespace TakeoverRules.Cli.Commands;

/// <summary>
/// <c>takeover respond</c>: the ordered steps for a securities-account takeover, with sourced contact points, as a
/// printable Markdown checklist, a short chat text or JSON.
/// </summary>
internal static class RespondCommand
{
    private static readonly TimeSpan Jst = TimeSpan.FromHours(9);

    public static Command Create(CliConsole console)
    {
        // Loading the facts costs more than the rest of the tool's start-up; only `respond` itself needs them, so
        // building the command tree for `scan` or `password` must not.
        var planner = new Lazy<ResponsePlanner>(() => new ResponsePlanner(FactsRegistry.Embedded));
        var broker = new Option<string?>("--broker")
        {
            Description = "The broker's id, for example rakuten, sbi or nomura (an unknown id is rejected with the list of known ones)",
        };
        var noticedBy = new Option<string>("--noticed-by")
        {
            Description = "Who noticed first: customer or broker",
            DefaultValueFactory = _ => "customer",
        };
        noticedBy.AcceptOnlyFromAmong("customer", "broker");
        var withdrawal = new Option<bool>("--withdrawal-seen") { Description = "A withdrawal you did not make was seen" };
        var accountChanged = new Option<bool>("--withdrawal-account-changed") { Description = "The registered withdrawal bank account was changed" };
        var tradingStopped = new Option<bool>("--trading-stopped") { Description = "The account can no longer trade (already restricted)" };
        var reused = YesNo("--password-reused", "The broker password is also used elsewhere");
        var largeLoss = YesNo("--large-loss", "The loss is large enough to consider a lawyer");
        var discovered = new Option<string?>("--discovered")
        {
            Description = "When it was discovered, ISO 8601 (e.g. 2025-05-03T23:10); without an offset, Japan time",
        };
        var progress = new Option<FileInfo?>("--progress")
        {
            Description = "Resume from a progress file saved by ResponseTracker.ToJson: the plan comes from its context, and done steps and kept evidence are ticked",
        };
        var language = CommonOptions.Language();
        var format = CommonOptions.Format(OutputFormat.Md, OutputFormat.Text, OutputFormat.Json);

        var command = new Command("respond", "What to do after a securities-account takeover: ordered steps with sourced contacts, evidence to keep and how to know each is done.")
        {
            broker, noticedBy, withdrawal, accountChanged, tradingStopped, reused, largeLoss, discovered, progress, language, format,
        };
        Option[] contextOptions = [broker, noticedBy, withdrawal, accountChanged, tradingStopped, reused, largeLoss, discovered];
        command.SetAction(parse =>
        {
            var culture = parse.GetValue(language)!;
            if (parse.GetValue(progress) is { } file)
            {
                if (contextOptions.FirstOrDefault(o => parse.GetResult(o) is { Implicit: false }) is { } clash)
                {
                    console.Error.WriteLine($"error: --progress and {clash.Name}: the progress file holds the incident; give one, not both");
                    return ExitCodes.UsageError;
                }

                return Resume(console, planner.Value, file, culture, parse.GetFormat(format));
            }

            DateTimeOffset? at = null;
            if (parse.GetValue(discovered) is { } text)
            {
                if (!TryParseTime(text, out var value))
                {
                    console.Error.WriteLine($"error: --discovered: not an ISO 8601 date and time (was {text})");
                    return ExitCodes.UsageError;
                }

                at = value;
            }

            ResponsePlan plan;
            try
            {
                plan = planner.Value.Create(new IncidentContext
                {
                    BrokerId = parse.GetValue(broker),
                    NoticedBy = parse.GetValue(noticedBy) == "broker" ? NoticedBy.Broker : NoticedBy.Customer,
                    WithdrawalSeen = parse.GetValue(withdrawal),
                    WithdrawalAccountChangeSeen = parse.GetValue(accountChanged),
                    TradingStillPossible = parse.GetValue(tradingStopped) ? false : null,
                    PasswordReusedElsewhere = ToBool(parse.GetValue(reused)),
                    LargeLoss = ToBool(parse.GetValue(largeLoss)),
                    DiscoveredAt = at,
                });
            }
            catch (IncidentContextException ex) when (ex.Field == nameof(IncidentContext.BrokerId))
            {
                console.Error.WriteLine($"error: --broker: {ex.Reason} (was {ex.Value})");
                return ExitCodes.UsageError;
            }

            console.Out.Write(parse.GetFormat(format) switch
            {
                OutputFormat.Json => plan.ToJson() + "\n",
                OutputFormat.Text => plan.ToChatText(culture) + "\n",
                _ => plan.ToMarkdown(culture),
            });
            return ExitCodes.Ok;
        });
        return command;
    }

    private static int Resume(CliConsole console, ResponsePlanner planner, FileInfo file, CultureInfo culture, OutputFormat format)
    {
        string json;
        try
        {
            json = InputFiles.ReadAllText(file.FullName, "--progress", ResponseTracker.MaxJsonLength * 4);
        }
        catch (InputFileException ex)
        {
            console.Error.WriteLine($"error: {ex.Message}");
            return ExitCodes.UsageError;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"error: --progress {file.FullName}: reading failed ({ex.Message})");
            return ExitCodes.IoError;
        }

        var result = ResponseTracker.FromJson(json, planner);
        if (result.Tracker is not { } tracker)
        {
            foreach (var error in result.Errors)
            {
                console.Error.WriteLine($"error: --progress {file.FullName}: {error}");
            }

            return ExitCodes.UsageError;
        }

        var status = tracker.Status;
        console.Out.Write(format switch
        {
            OutputFormat.Json => tracker.Plan.ToJson() + "\n",
            OutputFormat.Text => tracker.Plan.ToChatText(culture) + "\n"
                + (status.Next is { } next ? new BilingualText($"次: {next.Order}. {next.Title.Ja}", $"Next: {next.Order}. {next.Title.En}").In(culture) + "\n" : "")
                + string.Concat(status.Missing.Select(m => m.Item.Id).Distinct().Select(id => new BilingualText($"未記録: {id}\n", $"Missing: {id}\n").In(culture))),
            _ => tracker.Plan.ToMarkdown(culture, tracker),
        });
        return ExitCodes.Ok;
    }

    private static Option<string> YesNo(string name, string description)
    {
        var option = new Option<string>(name) { Description = $"{description}: yes, no or unsure", DefaultValueFactory = _ => "unsure" };
        option.AcceptOnlyFromAmong("yes", "no", "unsure");
        return option;
    }

    private static bool? ToBool(string? value) => value switch { "yes" => true, "no" => false, _ => null };

    private static bool TryParseTime(string text, out DateTimeOffset value)
    {
        var styles = DateTimeStyles.AllowWhiteSpaces;
        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind | styles, out var local) && local.Kind == DateTimeKind.Unspecified)
        {
            value = new DateTimeOffset(local, Jst);
            return true;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, styles, out value);
    }
}
