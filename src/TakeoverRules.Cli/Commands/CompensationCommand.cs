using System.CommandLine;
using System.Globalization;
using TakeoverRules.Compensation;

namespace TakeoverRules.Cli.Commands;

/// <summary><c>takeover compensation</c>: the compensation outlook for one case.</summary>
internal static class CompensationCommand
{
    public static Command Create(CliConsole console)
    {
        var broker = new Option<string>("--broker") { Description = "The broker's id (for example rakuten, sbi, nomura, matsui; see 'takeover facts --topic policies')", Required = true };
        var incident = FactsCliText.DateOption("--incident-date", "The date of the fraudulent trades");
        incident.Required = true;
        var sold = Yen("--sold", "Proceeds of the fraudulent sale of your holdings, in yen");
        var bought = Yen("--bought", "Cost of the stocks the attacker bought, in yen");
        var current = Yen("--current-value", "Current value of the stocks the attacker bought, in yen");
        var fees = Yen("--fees", "Trading fees charged on the fraudulent trades, in yen");
        var soldValue = Yen("--sold-holdings-value", "Current value of the holdings that were sold, in yen (if known)");
        var margin = new Option<bool>("--margin") { Description = "Margin (信用取引) was used" };
        var withdrawal = new Option<bool>("--withdrawal") { Description = "Cash was withdrawn from the account" };
        var mfa = Choice("--mfa", "Whether multi-factor authentication was on: on or off (default unknown)", "on", "off");
        var phishing = Choice("--phishing", "Whether the credentials were typed into a phishing site: yes or no (default unknown)", "yes", "no");
        var police = Choice("--police-report", "Whether a police report was filed: yes or no (default unknown)", "yes", "no");
        var after = new Option<double?>("--reported-after-hours") { Description = "How many hours after the fraud the broker was told" };
        after.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double?>() is { } h && (h < 0 || double.IsNaN(h) || h > 24 * 365 * 10)) r.AddError($"--reported-after-hours: must be between 0 and 87600 (was {h.ToString(CultureInfo.InvariantCulture)})");
        });
        var asOf = FactsCliText.DateOption("--as-of", "Assess with what was known on this date (default: the latest data)");
        var format = CommonOptions.Format(OutputFormat.Text, OutputFormat.Json, OutputFormat.Md);
        var language = CommonOptions.Language();
        var updateFile = FactsCliText.UpdateFileOption();

        var command = new Command("compensation", "Estimate what a broker's compensation policy would pay for a takeover case, with the conditions and sources (not legal advice).")
        {
            broker, incident, sold, bought, current, fees, soldValue, margin, withdrawal, mfa, phishing, police, after, asOf, format, language,
        };
        foreach (var option in updateFile.All) command.Options.Add(option);
        command.SetAction(parse =>
        {
            var registry = FactsCliText.Registry(parse, updateFile, console);
            if (registry is null) return ExitCodes.UsageError;
            var soldYen = Amount(parse, sold);
            var boughtYen = Amount(parse, bought);
            var currentYen = Amount(parse, current);
            var actions = (soldYen > 0 ? TakeoverActions.HoldingsSold : 0) | (boughtYen > 0 || currentYen > 0 ? TakeoverActions.StocksBought : 0)
                | (parse.GetValue(margin) ? TakeoverActions.MarginUsed : 0) | (parse.GetValue(withdrawal) ? TakeoverActions.CashWithdrawn : 0);
            var @case = new CompensationCase
            {
                BrokerId = parse.GetValue(broker)!,
                IncidentDate = FactsCliText.Date(parse, incident)!.Value,
                KnownOn = FactsCliText.Date(parse, asOf),
                Actions = actions,
                SaleProceeds = soldYen,
                PurchaseCost = boughtYen,
                CurrentValueOfPurchases = currentYen,
                Fees = Amount(parse, fees),
                CurrentValueOfSoldHoldings = parse.GetValue(soldValue) is null ? null : Amount(parse, soldValue),
                MfaEnabled = YesNo(parse.GetValue(mfa), "on"),
                CredentialsEnteredOnPhishingSite = YesNo(parse.GetValue(phishing), "yes"),
                PoliceReportFiled = YesNo(parse.GetValue(police), "yes"),
                ReportedToBrokerAfter = parse.GetValue(after) is { } hours ? TimeSpan.FromHours(hours) : null,
            };

            var problems = @case.Validate();
            if (problems.Count > 0)
            {
                foreach (var p in problems) console.Error.WriteLine($"error: {p}");
                return ExitCodes.UsageError;
            }

            var result = new CompensationOutlook(registry).Assess(@case);
            if (result.Status == OutlookStatus.UnknownBroker)
            {
                console.Error.WriteLine($"error: --broker: {result.Summary.En}");
                return ExitCodes.UsageError;
            }

            var culture = parse.GetValue(language)!;
            switch (parse.GetFormat(format))
            {
                case OutputFormat.Json:
                    using (var stream = new MemoryStream())
                    {
                        using (var json = FactsCliText.JsonWriter(stream)) WriteJson(json, result);
                        console.Out.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
                    }

                    break;
                case OutputFormat.Md:
                    WriteMarkdown(console.Out, result, culture);
                    break;
                default:
                    WriteText(console.Out, result, culture);
                    break;
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    internal static void WriteText(TextWriter o, CompensationOutlookResult r, CultureInfo culture)
    {
        Line($"Broker: {r.Broker!.Name.In(culture)} ({r.Broker.Id})   incident {r.IncidentDate:yyyy-MM-dd}   facts as of {r.KnownOn:yyyy-MM-dd}");
        Line(r.Policy is null ? "Policy: none known" : $"Policy: {r.Policy.Title.In(culture)} [{r.Policy.Id}, {r.Policy.AsOf}, {FactsCliText.Grade(r.Policy.Grade)}]");
        if (r.Estimate is { } e)
        {
            Line($"Estimate: {Range(e)} ({(e.Certainty == EstimateCertainty.InPrinciple ? "in principle" : "case by case")}); loss on the policy's basis {FactsCliText.Yen(e.Loss)}");
            foreach (var c in e.Components) Line($"  {c.Label.In(culture)}: {FactsCliText.Yen(c.Amount)}");
            Line($"  method: {e.Method.In(culture)}");
        }
        else
        {
            Line("Estimate: none (the sources give nothing to compute from)");
        }

        List("Conditions that could change it", r.Conditions);
        List("Not covered", r.Exclusions);
        Line("Sources:");
        foreach (var s in r.Citations) Line($"  {FactsCliText.Cite(s)}");
        o.WriteLine();
        Line(r.Summary.In(culture));
        Line(r.Disclaimer.In(culture));

        void List(string title, IReadOnlyList<BilingualText> items)
        {
            if (items.Count == 0) return;
            Line($"{title}:");
            foreach (var item in items) Line($"  - {item.In(culture)}");
        }

        // One line per call: free text cannot add a line or a terminal control sequence.
        void Line(string line) => o.WriteLine(PlainText.OneLine(line));
    }

    private static void WriteMarkdown(TextWriter o, CompensationOutlookResult r, CultureInfo culture)
    {
        static string M(string text) => MarkdownText.Inline(text);
        o.WriteLine($"# Compensation outlook: {M(r.Broker!.Name.In(culture))}, incident {r.IncidentDate:yyyy-MM-dd}");
        o.WriteLine();
        o.WriteLine($"> {M(r.Disclaimer.In(culture))}");
        o.WriteLine();
        o.WriteLine(M(r.Summary.In(culture)));
        if (r.Estimate is { } e)
        {
            o.WriteLine();
            o.WriteLine($"**Estimate:** {M(Range(e))} — {M(e.Method.In(culture))}");
            foreach (var c in e.Components) o.WriteLine($"- {M(c.Label.In(culture))}: {M(FactsCliText.Yen(c.Amount))}");
        }

        foreach (var (title, items) in new[] { ("Conditions", r.Conditions), ("Not covered", r.Exclusions) })
        {
            if (items.Count == 0) continue;
            o.WriteLine();
            o.WriteLine($"## {title}");
            o.WriteLine();
            foreach (var item in items) o.WriteLine($"- {M(item.In(culture))}");
        }

        o.WriteLine();
        o.WriteLine("## Sources");
        o.WriteLine();
        foreach (var s in r.Citations) o.WriteLine($"- {(s.Url is null ? M(s.Publisher) : MarkdownText.Link(s.Publisher, s.Url))}: {M(s.Title)} ({FactsCliText.Grade(s.Grade)})");
    }

    private static void WriteJson(System.Text.Json.Utf8JsonWriter j, CompensationOutlookResult r)
    {
        j.WriteStartObject();
        j.WriteString("status", r.Status.ToString());
        j.WriteString("broker", r.Broker!.Id);
        j.WriteString("incidentDate", r.IncidentDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        j.WriteString("knownOn", r.KnownOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (r.Policy is null)
        {
            j.WriteNull("policy");
        }
        else
        {
            j.WritePropertyName("policy");
            FactsCommand.PolicyJson(j, r.Policy);
        }

        if (r.Estimate is { } e)
        {
            j.WriteStartObject("estimate");
            j.WriteNumber("low", e.Low);
            if (e.High is { } high) j.WriteNumber("high", high);
            else j.WriteNull("high");
            j.WriteString("certainty", e.Certainty.ToString());
            j.WriteNumber("loss", e.Loss);
            j.WriteStartArray("components");
            foreach (var c in e.Components)
            {
                j.WriteStartObject();
                FactsCliText.WriteText(j, "label", c.Label);
                j.WriteNumber("amount", c.Amount);
                j.WriteEndObject();
            }

            j.WriteEndArray();
            FactsCliText.WriteText(j, "method", e.Method);
            j.WriteEndObject();
        }
        else
        {
            j.WriteNull("estimate");
        }

        foreach (var (name, items) in new[] { ("conditions", r.Conditions), ("exclusions", r.Exclusions) })
        {
            j.WriteStartArray(name);
            foreach (var item in items)
            {
                j.WriteStartObject();
                j.WriteString("ja", item.Ja);
                j.WriteString("en", item.En);
                j.WriteEndObject();
            }

            j.WriteEndArray();
        }

        FactsCliText.WriteSources(j, r.Citations);
        FactsCliText.WriteText(j, "summary", r.Summary);
        FactsCliText.WriteText(j, "disclaimer", r.Disclaimer);
        j.WriteEndObject();
    }

    private static string Range(CompensationEstimate e) => e switch
    {
        { IsPoint: true } => FactsCliText.Yen(e.Low),
        { High: null } => $"at least {FactsCliText.Yen(e.Low)}",
        _ => $"{FactsCliText.Yen(e.Low)} to {FactsCliText.Yen(e.High!.Value)}",
    };

    private static Option<string?> Yen(string name, string description)
    {
        var option = new Option<string?>(name) { Description = description + " (digits, commas allowed; default 0)" };
        option.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } text && !TryParseYen(text, out _)) r.AddError($"{name}: must be a non-negative whole number of yen (was '{text}')");
        });
        return option;
    }

    private static bool TryParseYen(string text, out decimal yen) =>
        decimal.TryParse(text.Replace(",", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out yen)
        && yen <= 1_000_000_000_000_000m;

    private static decimal Amount(ParseResult parse, Option<string?> option) =>
        parse.GetValue(option) is { } text && TryParseYen(text, out var yen) ? yen : 0;

    private static Option<string?> Choice(string name, string description, params string[] values)
    {
        var option = new Option<string?>(name) { Description = description };
        option.AcceptOnlyFromAmong(values);
        return option;
    }

    private static bool? YesNo(string? value, string yes) => value is null ? null : value == yes;
}
