using System.CommandLine;
using System.Globalization;
using TakeoverRules.Facts;

namespace TakeoverRules.Cli.Commands;

/// <summary><c>takeover facts</c>: the sourced, dated facts known on a date, by topic or broker.</summary>
internal static class FactsCommand
{
    private static readonly string[] Topics = ["stats", "policies", "laws", "contacts"];

    public static Command Create(CliConsole console)
    {
        var asOf = FactsCliText.DateOption("--as-of", "Show what was known on this date (default: the latest data)");
        var broker = new Option<string?>("--broker") { Description = "Only facts about this broker (for example rakuten, sbi, nomura)" };
        var topic = new Option<string?>("--topic") { Description = "Only one topic: stats, policies, laws or contacts" };
        topic.AcceptOnlyFromAmong(Topics);
        var format = CommonOptions.Format(OutputFormat.Text, OutputFormat.Json, OutputFormat.Md);
        var language = CommonOptions.Language();
        var updateFile = FactsCliText.UpdateFileOption();

        var command = new Command("facts", "Show the sourced, dated facts on the 2025 securities-account takeovers: statistics, policies, laws and contacts.")
        {
            asOf, broker, topic, format, language,
        };
        foreach (var option in updateFile.All) command.Options.Add(option);
        command.SetAction(parse =>
        {
            var registry = FactsCliText.Registry(parse, updateFile, console);
            if (registry is null) return ExitCodes.UsageError;
            var date = FactsCliText.Date(parse, asOf) ?? registry.Date;
            var brokerId = parse.GetValue(broker);
            Broker? found = null;
            if (brokerId is not null && (found = registry.FindBroker(brokerId)) is null)
            {
                console.Error.WriteLine($"error: --broker: unknown broker '{brokerId}'; known: {string.Join(", ", registry.Brokers.Select(b => b.Id))}");
                return ExitCodes.UsageError;
            }

            var view = FactsView.Build(registry, date, found, parse.GetValue(topic));
            var culture = parse.GetValue(language)!;
            switch (parse.GetFormat(format))
            {
                case OutputFormat.Json:
                    using (var stream = new MemoryStream())
                    {
                        using (var json = FactsCliText.JsonWriter(stream)) view.WriteJson(json);
                        console.Out.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
                    }

                    break;
                case OutputFormat.Md:
                    view.WriteMarkdown(console.Out, culture);
                    break;
                default:
                    view.WriteText(console.Out, culture);
                    break;
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The facts selected for one invocation.</summary>
    private sealed record FactsView(
        FactsRegistry Registry,
        DateOnly AsOf,
        Broker? Broker,
        IReadOnlyList<(string Title, IReadOnlyList<Fact> Facts)> Sections,
        IReadOnlyList<CompensationPolicy> Policies,
        IReadOnlyList<ContactPoint> Contacts,
        IReadOnlyList<FactConflict> Conflicts)
    {
        public static FactsView Build(FactsRegistry registry, DateOnly asOf, Broker? broker, string? topic)
        {
            var known = registry.KnownOn(asOf).Where(f => broker is null || f.Subject == broker.Id).ToList();
            bool Wants(string t) => topic is null || topic == t;
            IReadOnlyList<Fact> Of(params FactTopic[] topics) => [.. known.Where(f => topics.Contains(f.Topic))];

            var sections = new List<(string, IReadOnlyList<Fact>)>();
            if (Wants("stats")) sections.Add(("Statistics", Of(FactTopic.Statistics)));
            if (Wants("policies"))
            {
                sections.Add(("Brokers", Of(FactTopic.Brokers)));
                sections.Add(("Statements", Of(FactTopic.Statements)));
                sections.Add(("Agreement and policies", Of(FactTopic.Policies)));
                sections.Add(("Guidelines and measures", Of(FactTopic.Guidelines)));
            }

            if (Wants("laws")) sections.Add(("Laws and bank versus securities", Of(FactTopic.Laws)));

            var policies = Wants("policies")
                ? registry.PoliciesKnownOn(asOf, broker?.Id)
                : [];
            var contacts = Wants("contacts")
                ? registry.Contacts.Where(c => broker is null || c.BrokerId is null || c.BrokerId == broker.Id).ToList()
                : [];
            var conflicts = registry.Conflicts(asOf)
                .Where(c => (Wants("stats") || !c.Key.StartsWith("fsa-stats/", StringComparison.Ordinal)) && (broker is null || c.Facts.Any(f => f.Subject == broker.Id)))
                .ToList();
            return new FactsView(registry, asOf, broker, [.. sections.Where(s => s.Item2.Count > 0)], policies, contacts, conflicts);
        }

        public void WriteText(TextWriter o, CultureInfo culture)
        {
            Line($"Facts known on {AsOf:yyyy-MM-dd} (data {Registry.Version}, {Registry.Date:yyyy-MM-dd})" + (Broker is null ? "" : $" — {Broker.Name.In(culture)} ({Broker.Id})"));
            if (Broker is not null)
            {
                foreach (var d in Broker.Domains) Line($"  domain {d.Name}: {(d.Confirmed ? "confirmed" : "NOT confirmed")}" + (d.Note is { } n ? $" — {n.In(culture)}" : ""));
            }

            foreach (var (title, facts) in Sections)
            {
                o.WriteLine();
                Line(title);
                foreach (var f in facts)
                {
                    Line($"  [{f.AsOf}] {f.Statement.In(culture)} ({FactsCliText.Grade(f.Grade)})");
                    foreach (var s in f.Sources) Line($"      {FactsCliText.Cite(s)}");
                }
            }

            if (Policies.Count > 0)
            {
                o.WriteLine();
                Line("Compensation policies");
                foreach (var p in Policies) WritePolicyText(o, p, culture);
            }

            if (Contacts.Count > 0)
            {
                o.WriteLine();
                Line("Where victims go");
                foreach (var c in Contacts)
                {
                    var reach = string.Join("  ", new[] { c.Phone, c.Url?.OriginalString }.Where(x => x is not null));
                    Line($"  {c.Organisation.In(culture)}  {reach}");
                    if (c.Hours is { } h) Line($"      {h.In(culture)}");
                    Line($"      {c.Purpose.In(culture)}");
                    foreach (var n in c.OtherNumbers) Line($"      {n.Use.In(culture)}: {n.Number}");
                    Line($"      {FactsCliText.AsOf(c.AsOf, c.AsOfBasis)}; {FactsCliText.Cite(c.Source)}");
                }
            }

            if (Conflicts.Count > 0)
            {
                o.WriteLine();
                Line("Sources disagree");
                foreach (var c in Conflicts)
                {
                    Line($"  {c.Key}: " + string.Join(" vs ", c.Facts.Select(f => $"{FactsCliText.Quantity(f.Quantity!.Value, culture)} ({f.AsOf}, {FactsCliText.Grade(f.Grade)})")));
                }
            }

            // One line per call: free text cannot add a line or a terminal control sequence.
            void Line(string line) => o.WriteLine(PlainText.OneLine(line));
        }

        public void WriteMarkdown(TextWriter o, CultureInfo culture)
        {
            static string M(string text) => MarkdownText.Inline(text);
            o.WriteLine($"# Facts known on {AsOf:yyyy-MM-dd}" + (Broker is null ? "" : $": {M(Broker.Name.In(culture))}"));
            o.WriteLine();
            o.WriteLine($"Data version {M(Registry.Version)} ({Registry.Date:yyyy-MM-dd}). Grades: primary, press, low-authority, unverified.");
            foreach (var (title, facts) in Sections)
            {
                o.WriteLine();
                o.WriteLine($"## {title}");
                o.WriteLine();
                foreach (var f in facts)
                {
                    var links = string.Join(", ", f.Sources.Select(s => s.Url is null ? M(s.Publisher) : MarkdownText.Link(s.Publisher, s.Url)));
                    o.WriteLine($"- **{M(f.AsOf.ToString())}** {M(f.Statement.In(culture))} _({FactsCliText.Grade(f.Grade)}; {links})_");
                }
            }

            if (Policies.Count > 0)
            {
                o.WriteLine();
                o.WriteLine("## Compensation policies");
                o.WriteLine();
                o.WriteLine("| Policy | Brokers | Date | Kind | Incidents | Grade |");
                o.WriteLine("|---|---|---|---|---|---|");
                foreach (var p in Policies)
                {
                    o.WriteLine($"| {M(p.Title.In(culture))} | {M(string.Join(", ", p.BrokerIds))} | {M(p.AsOf.ToString())} | {p.Kind} | {Period(p)} | {FactsCliText.Grade(p.Grade)} |");
                }
            }

            if (Contacts.Count > 0)
            {
                o.WriteLine();
                o.WriteLine("## Where victims go");
                o.WriteLine();
                o.WriteLine("| Organisation | Phone | Hours | URL | As of |");
                o.WriteLine("|---|---|---|---|---|");
                foreach (var c in Contacts)
                {
                    var url = c.Url is null ? "—" : MarkdownText.Url(c.Url.OriginalString);
                    o.WriteLine($"| {M(c.Organisation.In(culture))} | {(c.Phone is null ? "—" : M(c.Phone))} | {(c.Hours is { } h ? M(h.In(culture)) : "—")} | {url} | {M(FactsCliText.AsOf(c.AsOf, c.AsOfBasis))} |");
                }
            }

            if (Conflicts.Count > 0)
            {
                o.WriteLine();
                o.WriteLine("## Sources disagree");
                o.WriteLine();
                foreach (var c in Conflicts)
                {
                    o.WriteLine($"- {MarkdownText.Code(c.Key)}: " + string.Join(" vs ", c.Facts.Select(f => M($"{FactsCliText.Quantity(f.Quantity!.Value, culture)} ({f.AsOf}, {FactsCliText.Grade(f.Grade)})"))));
                }
            }
        }

        public void WriteJson(System.Text.Json.Utf8JsonWriter j)
        {
            j.WriteStartObject();
            j.WriteString("version", Registry.Version);
            j.WriteString("dataDate", Registry.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            j.WriteString("asOf", AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            if (Broker is null) j.WriteNull("broker");
            else j.WriteString("broker", Broker.Id);
            j.WriteStartArray("facts");
            foreach (var f in Sections.SelectMany(s => s.Facts))
            {
                j.WriteStartObject();
                j.WriteString("id", f.Id);
                j.WriteString("topic", f.Topic.ToString());
                j.WriteString("key", f.Key);
                if (f.Subject is null) j.WriteNull("subject");
                else j.WriteString("subject", f.Subject);
                FactsCliText.WriteText(j, "statement", f.Statement);
                if (f.Quantity is { } q)
                {
                    j.WriteStartObject("quantity");
                    j.WriteNumber("value", q.Value);
                    j.WriteString("unit", q.Unit);
                    j.WriteString("qualifier", q.Qualifier.ToString());
                    j.WriteEndObject();
                }

                j.WriteString("asOf", f.AsOf.ToString());
                j.WriteString("basis", f.Basis.ToString());
                j.WriteString("grade", FactsCliText.Grade(f.Grade));
                FactsCliText.WriteSources(j, f.Sources);
                j.WriteEndObject();
            }

            j.WriteEndArray();
            j.WriteStartArray("policies");
            foreach (var p in Policies) PolicyJson(j, p);
            j.WriteEndArray();
            j.WriteStartArray("contacts");
            foreach (var c in Contacts)
            {
                j.WriteStartObject();
                j.WriteString("id", c.Id);
                j.WriteString("kind", c.Kind.ToString());
                FactsCliText.WriteText(j, "organisation", c.Organisation);
                if (c.Phone is null) j.WriteNull("phone");
                else j.WriteString("phone", c.Phone);
                if (c.Hours is { } h) FactsCliText.WriteText(j, "hours", h);
                else j.WriteNull("hours");
                if (c.Url is null) j.WriteNull("url");
                else j.WriteString("url", c.Url.OriginalString);
                FactsCliText.WriteText(j, "purpose", c.Purpose);
                j.WriteString("asOf", c.AsOf.ToString());
                j.WriteString("grade", FactsCliText.Grade(c.Grade));
                FactsCliText.WriteSources(j, c.Sources);
                j.WriteEndObject();
            }

            j.WriteEndArray();
            j.WriteStartArray("conflicts");
            foreach (var c in Conflicts)
            {
                j.WriteStartObject();
                j.WriteString("key", c.Key);
                j.WriteStartArray("factIds");
                foreach (var f in c.Facts) j.WriteStringValue(f.Id);
                j.WriteEndArray();
                j.WriteEndObject();
            }

            j.WriteEndArray();
            j.WriteEndObject();
        }
    }

    internal static void WritePolicyText(TextWriter o, CompensationPolicy p, CultureInfo culture)
    {
        Line($"  [{p.AsOf}] {p.Title.In(culture)} — {p.Kind}, brokers: {string.Join(", ", p.BrokerIds)}, incidents: {Period(p)} ({FactsCliText.Grade(p.Grade)})");
        foreach (var r in p.Rules) Line($"      rule: {r.In(culture)}");
        foreach (var x in p.Exclusions) Line($"      excluded: {x.In(culture)}");
        foreach (var c in p.Conditions) Line($"      condition: {c.In(culture)}");
        foreach (var s in p.Sources) Line($"      {FactsCliText.Cite(s)}");

        // One line per call: free text cannot add a line or a terminal control sequence.
        void Line(string line) => o.WriteLine(PlainText.OneLine(line));
    }

    internal static void PolicyJson(System.Text.Json.Utf8JsonWriter j, CompensationPolicy p)
    {
        j.WriteStartObject();
        j.WriteString("id", p.Id);
        j.WriteStartArray("brokers");
        foreach (var b in p.BrokerIds) j.WriteStringValue(b);
        j.WriteEndArray();
        FactsCliText.WriteText(j, "title", p.Title);
        j.WriteString("kind", p.Kind.ToString());
        j.WriteString("asOf", p.AsOf.ToString());
        j.WriteString("incidents", Period(p));
        if (p.CashShare is { } share) j.WriteNumber("cashShare", share);
        else j.WriteNull("cashShare");
        j.WriteString("lossBasis", p.LossBasis.ToString());
        j.WriteBoolean("mayBeReducedOrRefused", p.MayBeReducedOrRefused);
        j.WriteString("grade", FactsCliText.Grade(p.Grade));
        FactsCliText.WriteSources(j, p.Sources);
        j.WriteEndObject();
    }

    internal static string Period(CompensationPolicy p) =>
        (p.IncidentsFrom, p.IncidentsTo) switch
        {
            (null, null) => "not stated",
            ({ } f, null) => $"from {f:yyyy-MM-dd}",
            (null, { } t) => $"until {t:yyyy-MM-dd}",
            ({ } f, { } t) => $"{f:yyyy-MM-dd}..{t:yyyy-MM-dd}",
        };
}
