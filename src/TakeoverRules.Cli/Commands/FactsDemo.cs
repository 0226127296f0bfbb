using TakeoverRules.Compensation;
using TakeoverRules.Facts;

namespace TakeoverRules.Cli.Commands;

/// <summary>The demo's facts and compensation section: how the answer to "will I get my money back?" changed over 2025.</summary>
internal static class FactsDemo
{
    public static void Write(TextWriter o)
    {
        var facts = FactsRegistry.Embedded;
        o.WriteLine($"== Facts and compensation (data {facts.Version}: {facts.Facts.Count} dated facts from {facts.Sources.Count} sources) ==");

        var caveat = facts.Latest("stats.caveat.not-customer-losses")!;
        var janApr = facts.Statistics.Single(r => r.Id == "fsa.2025-05-08");
        o.WriteLine($"FSA, {janApr.Published:yyyy-MM-dd}: Jan–Apr 2025 fraudulent trades {Figure(janApr, StatisticMetric.FraudulentTrades)}, sales {Figure(janApr, StatisticMetric.SalesAmount)}.");
        o.WriteLine($"  caveat ({caveat.Grade}): {caveat.Statement.En}");
        var conflicts = facts.Conflicts();
        o.WriteLine($"  {conflicts.Count} figures on which sources disagree are kept side by side, for example {conflicts[0].Key}: "
            + string.Join(" vs ", conflicts[0].Facts.Select(f => $"{FactsCliText.Quantity(f.Quantity!.Value, CommonOptions.English)} ({f.AsOf}, {f.Grade})")));

        // One case, looked at from three dates: the answer changed as the sources did.
        var outlook = new CompensationOutlook(facts);
        var @case = new CompensationCase
        {
            BrokerId = "rakuten",
            IncidentDate = new DateOnly(2025, 4, 16),
            Actions = TakeoverActions.HoldingsSold | TakeoverActions.StocksBought,
            SaleProceeds = 12_000_000m,
            PurchaseCost = 12_000_000m,
            CurrentValueOfPurchases = 9_900_000m,
            Fees = 30_000m,
            CredentialsEnteredOnPhishingSite = true,
        };
        o.WriteLine("A Rakuten customer: holdings sold for ¥12,000,000, Hong Kong stocks bought for ¥12,000,000 now worth ¥9,900,000, fees ¥30,000.");
        foreach (var knownOn in new[] { new DateOnly(2025, 4, 25), new DateOnly(2025, 6, 1), facts.Date })
        {
            var r = outlook.Assess(@case with { KnownOn = knownOn });
            var estimate = r.Estimate is not { } e ? "no amount" : e.IsPoint ? FactsCliText.Yen(e.Low) : $"{FactsCliText.Yen(e.Low)} to {(e.High is { } h ? FactsCliText.Yen(h) : "?")}";
            o.WriteLine($"  known on {knownOn:yyyy-MM-dd}: {r.Policy?.Title.En ?? "no policy"} -> {estimate}");
        }

        o.WriteLine("  " + outlook.Assess(@case).Disclaimer.En);
        var police = facts.Contacts.Single(c => c.Id == "police-consultation");
        var finmac = facts.Contacts.Single(c => c.Id == "finmac");
        o.WriteLine($"Where to go: police {police.Phone} ({police.Hours?.En}), consumer hotline 188, FINMAC {finmac.Phone}. Try: takeover facts --topic contacts");
        o.WriteLine();
    }

    private static string Figure(StatisticsReport report, StatisticMetric metric) =>
        FactsCliText.Quantity(report.Figures.Single(f => f.Metric == metric && f.Period.From.Month == 1 && f.Period.To.Month == 4).Quantity, CommonOptions.English);
}
