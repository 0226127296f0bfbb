using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using TakeoverRules;

// Exercises each pillar's entry points under NativeAOT; TrimmerRootAssembly keeps the whole library so that
// every public API is analysed for trim/AOT warnings, not only what this program calls.
var services = new ServiceCollection();
services.AddTakeoverRules();
Console.WriteLine($"TakeoverRules AOT consumer: {services.Count} services registered.");

// Host: options bound from configuration (source-generated binder), validated, and the services resolved from them.
var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["TakeoverRules:Passwords:Policy"] = "NistMultiFactor",
    ["TakeoverRules:Passwords:BreachSource"] = "None",
    ["TakeoverRules:Detection:HoldThreshold"] = "70",
}).Build();
using (var hosted = new ServiceCollection().AddTakeoverRules(configuration.GetSection("TakeoverRules")).BuildServiceProvider())
{
    var bound = hosted.GetRequiredService<Microsoft.Extensions.Options.IOptions<TakeoverRules.Detection.DetectorOptions>>().Value;
    var checker = hosted.GetRequiredService<TakeoverRules.Passwords.PasswordPolicyChecker>();
    var hostedDetector = hosted.GetRequiredService<TakeoverRules.Detection.TakeoverDetector>();
    Console.WriteLine($"Host: policy {checker.Policy.Name}, hold threshold {bound.HoldThreshold}, detector {hostedDetector.ConfigurationHash}");
    if (checker.Policy.Name != "nist-mfa" || bound.HoldThreshold != 70) return 1;
}

// Detection I/O: event format v1 read and written without reflection.
var line = """{"type":"order","id":"e1","time":"2025-03-21T09:15:00+09:00","account":"A1","orderId":"o1","side":"buy","symbol":"TSE:7203","quantity":100,"price":2900,"orderType":"limit","notionalJpy":290000}"""u8;
var read = TakeoverRules.Detection.Format.EventReader.Parse(line);
using (var events = new TakeoverRules.Detection.Format.EventWriter(Stream.Null))
{
    events.Write(read.Value ?? throw new InvalidOperationException(read.Error?.ToString()));
}

Console.WriteLine($"Event format v1: read {read.Value.Type} {read.Value.Id}; bad line -> {TakeoverRules.Detection.Format.EventReader.Parse("{}"u8).Error}");
// Passwords: policy (with the embedded blocklist) and trading PIN checks.
var policy = new TakeoverRules.Passwords.PasswordPolicyChecker(TakeoverRules.Passwords.PasswordPolicy.Nist).Check("password");
var pin = TakeoverRules.Passwords.TradingPinChecker.Check("1234");
Console.WriteLine($"Passwords: policy compliant={policy.IsCompliant}, PIN acceptable={pin.IsAcceptable}");
// Response and prevention: a plan from the embedded facts, tracker JSON round trip, posture with its SVG.
var plan = new TakeoverRules.Response.ResponsePlanner(TakeoverRules.Facts.FactsRegistry.Embedded)
    .Create(new TakeoverRules.Response.IncidentContext { BrokerId = "sbi", WithdrawalSeen = true });
var tracker = TakeoverRules.Response.ResponseTracker.Start(plan).MarkDone("contact-broker");
var resumed = TakeoverRules.Response.ResponseTracker.FromJson(tracker.ToJson(), new TakeoverRules.Response.ResponsePlanner(TakeoverRules.Facts.FactsRegistry.Embedded));
var posture = TakeoverRules.Prevention.SecurityPosture.Assess(new TakeoverRules.Prevention.SecurityPostureInput());
if (!resumed.Success || plan.ToJson().Length == 0 || posture.ToJson().Length == 0 || !posture.ToRadarSvg(CultureInfo.GetCultureInfo("ja")).StartsWith("<svg", StringComparison.Ordinal))
{
    Console.Error.WriteLine("response/prevention: round trip failed: " + string.Join("; ", resumed.Errors));
    return 1;
}

Console.WriteLine($"Response: {plan.Steps.Count} steps, next after resume: {resumed.Tracker!.Status.Next?.Id}; posture {posture.Overall}/100.");

// Facts: the embedded JSON goes through the source-generated context; an update file is parsed and validated the same way.
var facts = TakeoverRules.Facts.FactsRegistry.Embedded;
var update = facts.ApplyUpdate("{ \"schema\": 1, \"version\": \"aot\", \"date\": \"2099-01-01\" }", TakeoverRules.Facts.FactsUpdateTrust.UnsignedAllowed);
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

// Detection: decide on a login and an order, render an explanation, and round-trip the state through a snapshot.
var detector = new TakeoverRules.Detection.TakeoverDetector(new TakeoverRules.Detection.DetectorOptions(), TakeoverRules.Detection.InstrumentTable.Empty);
var now = new DateTimeOffset(2025, 3, 17, 9, 0, 0, TimeSpan.FromHours(9));
detector.Evaluate(new TakeoverRules.Detection.LoginEvent("aot-1", now, "aot", true, "198.51.100.1", "d", TakeoverRules.Detection.AuthMethod.Sms, TakeoverRules.Detection.LoginChannel.Web) { Hosting = true, Country = "SG" });
var decision = detector.Evaluate(new TakeoverRules.Detection.WithdrawalRequestEvent("aot-2", now.AddMinutes(3), "aot", 1_000_000m, "bank"));
using var state = new MemoryStream();
detector.SaveState(state);
// ja-JP reads Japanese by its name alone, so also with InvariantGlobalization (.ci/run runs this program both ways).
var explanation = decision.Indicators[0].Describe(CultureInfo.GetCultureInfo("ja-JP"));
Console.WriteLine($"Detection: {decision.Kind} risk {decision.Risk}; {explanation}; state {state.Length} bytes");
if (!explanation.Any(c => c is >= '\u3040' and <= '\u30FF')) return 1;
// Passwords: embedded dictionaries, NFKC and feedback texts must work trimmed and AOT-compiled.
var estimate = TakeoverRules.Passwords.PasswordStrength.Estimate("ｔａｎａｋａ１９８５", ["tanaka@example.jp"]);
Console.WriteLine($"Password estimate: score {(int)estimate.Score}, log10 {estimate.GuessesLog10:F1}, warning {estimate.Feedback.Warning}.");
if (estimate.Score > TakeoverRules.Passwords.PasswordScore.Weak) return 1;

// Links: the embedded Public Suffix List and confusables, IDN mapping and text scanning under NativeAOT.
var links = TakeoverRules.Links.LinkChecker.Default;
var homograph = links.Check("https://xn--rkuten-sec-zqi.co.jp/login");
var scanned = links.Scan("【SBI証券】 https://www.sbisec.co.jp@evil.example.com/ ｗｗｗ．ｓｂｉｓｅｃ．ｃｏ．ｊｐ");
Console.WriteLine($"Links: {homograph.Verdict} {homograph.Reasons}; scanned {scanned.Count}: {string.Join(", ", scanned.Select(c => c.Verdict))}");
if (homograph.Verdict != TakeoverRules.Links.LinkVerdict.Lookalike || scanned.Count != 2 || scanned[1].Verdict != TakeoverRules.Links.LinkVerdict.Official) return 1;
return 0;
