using TakeoverRules.Facts;
using TakeoverRules.Prevention;
using TakeoverRules.Response;

namespace TakeoverRules.Cli.Commands;

/// <summary>The response and prevention section of <c>takeover demo</c>.</summary>
internal static class ResponseDemo
{
    public static void Write(TextWriter output)
    {
        output.WriteLine("== Response: a customer of Rakuten notices unknown trades on a Saturday night (takeover respond)");
        var planner = new ResponsePlanner(FactsRegistry.Embedded);
        var plan = planner.Create(new IncidentContext
        {
            BrokerId = "rakuten",
            TradingStillPossible = true,
            PasswordReusedElsewhere = true,
            DiscoveredAt = new DateTimeOffset(2025, 5, 3, 23, 10, 0, TimeSpan.FromHours(9)),
        });
        output.WriteLine(plan.ToChatText(CommonOptions.English));
        foreach (var note in plan.Notes)
        {
            output.WriteLine("note: " + note.En);
        }

        var tracker = ResponseTracker.Start(plan).MarkDone("contact-broker").MarkDone("report-police");
        var status = tracker.Status;
        output.WriteLine($"progress: {status.Done.Count} of {plan.Steps.Count} steps done; next: {status.Next?.Id}; missing: "
            + string.Join(", ", status.Missing.Select(m => m.Item.Id).Distinct()));
        output.WriteLine();

        output.WriteLine("== Prevention: where a typical customer stands (takeover posture)");
        var posture = SecurityPosture.Assess(SecurityPostureInput.TypicalCustomer);
        output.WriteLine($"overall {posture.Overall} / 100; " + string.Join(", ", posture.Factors.Select(f => $"{f.Label.En} {f.Score}/4")));
        output.WriteLine($"first action (+{posture.NextActions[0].Gain}): {posture.NextActions[0].Action.En}");
        output.WriteLine("radar chart: takeover posture --mfa sms ... --svg posture.svg (see docs/images/posture-example.svg)");
        output.WriteLine();
    }
}
