using Microsoft.Extensions.DependencyInjection;
using TakeoverRules;

// Exercises each pillar's entry points under NativeAOT; TrimmerRootAssembly keeps the whole library so that
// every public API is analysed for trim/AOT warnings, not only what this program calls.
var services = new ServiceCollection();
services.AddTakeoverRules();
Console.WriteLine($"TakeoverRules AOT consumer: {services.Count} services registered.");

// Detection: decide on a login and an order, render an explanation, and round-trip the state through a snapshot.
var detector = new TakeoverRules.Detection.TakeoverDetector(new TakeoverRules.Detection.DetectorOptions(), TakeoverRules.Detection.InstrumentTable.Empty);
var now = new DateTimeOffset(2025, 3, 17, 9, 0, 0, TimeSpan.FromHours(9));
detector.Evaluate(new TakeoverRules.Detection.LoginEvent("aot-1", now, "aot", true, "198.51.100.1", "d", TakeoverRules.Detection.AuthMethod.Sms, TakeoverRules.Detection.LoginChannel.Web) { Hosting = true, Country = "SG" });
var decision = detector.Evaluate(new TakeoverRules.Detection.WithdrawalRequestEvent("aot-2", now.AddMinutes(3), "aot", 1_000_000m, "bank"));
using var state = new MemoryStream();
detector.SaveState(state);
Console.WriteLine($"Detection: {decision.Kind} risk {decision.Risk}; {decision.Indicators[0].Describe(TakeoverRules.Detection.ExplanationLanguage.Japanese)}; state {state.Length} bytes");
return 0;
