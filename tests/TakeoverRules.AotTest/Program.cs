using Microsoft.Extensions.DependencyInjection;
using TakeoverRules;

// Exercises each pillar's entry points under NativeAOT; TrimmerRootAssembly keeps the whole library so that
// every public API is analysed for trim/AOT warnings, not only what this program calls.
var services = new ServiceCollection();
services.AddTakeoverRules();
Console.WriteLine($"TakeoverRules AOT consumer: {services.Count} services registered.");

// Response and prevention: a plan from the embedded facts, tracker JSON round trip, posture with its SVG.
var plan = new TakeoverRules.Response.ResponsePlanner(TakeoverRules.Facts.FactsRegistry.Embedded)
    .Create(new TakeoverRules.Response.IncidentContext { BrokerId = "sbi", WithdrawalSeen = true });
var tracker = TakeoverRules.Response.ResponseTracker.Start(plan).MarkDone("contact-broker");
var resumed = TakeoverRules.Response.ResponseTracker.FromJson(tracker.ToJson(), new TakeoverRules.Response.ResponsePlanner(TakeoverRules.Facts.FactsRegistry.Embedded));
var posture = TakeoverRules.Prevention.SecurityPosture.Assess(new TakeoverRules.Prevention.SecurityPostureInput());
if (!resumed.Success || plan.ToJson().Length == 0 || posture.ToJson().Length == 0 || !posture.ToRadarSvg("ja").StartsWith("<svg", StringComparison.Ordinal))
{
    Console.Error.WriteLine("response/prevention: round trip failed: " + string.Join("; ", resumed.Errors));
    return 1;
}

Console.WriteLine($"Response: {plan.Steps.Count} steps, next after resume: {resumed.Tracker!.Status.Next?.Id}; posture {posture.Overall}/100.");

// Facts: the embedded JSON goes through the source-generated context; an update file is parsed and validated the same way.
var facts = TakeoverRules.Facts.FactsRegistry.Embedded;
var update = facts.ApplyUpdate("{ \"schema\": 1, \"version\": \"aot\", \"date\": \"2099-01-01\" }");
var outlook = new TakeoverRules.Compensation.CompensationOutlook(update.Registry).Assess(new TakeoverRules.Compensation.CompensationCase
{
    BrokerId = "rakuten",
    IncidentDate = new DateOnly(2025, 4, 30),
    Actions = TakeoverRules.Compensation.TakeoverActions.HoldingsSold | TakeoverRules.Compensation.TakeoverActions.StocksBought,
    SaleProceeds = 1_000_000m,
    PurchaseCost = 1_000_000m,
    CurrentValueOfPurchases = 400_000m,
});
Console.WriteLine($"Facts {facts.Version}: {facts.Facts.Count} facts, {facts.Contacts.Count} contacts; update applied: {update.Applied}; outlook: {outlook.Estimate?.Low}");
if (!update.Applied || outlook.Estimate?.Low != 310_000m) return 1;
return 0;
