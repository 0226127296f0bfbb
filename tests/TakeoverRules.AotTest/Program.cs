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
return 0;
