using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using TakeoverRules;
using TakeoverRules.Compensation;
using TakeoverRules.Detection;
using TakeoverRules.Passwords;
using TakeoverRules.Response;

// The way an application wires TakeoverRules: one call, options validated when added, then each pillar's service.
var services = new ServiceCollection();
services.AddTakeoverRules(options =>
{
    options.Detection.HoldThreshold = 65;
    options.Passwords.Policy = PasswordPolicy.Nist;
});

using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
var ja = CultureInfo.GetCultureInfo("ja-JP");

// Passwords: a sign-up form's check, as the user types.
var estimator = provider.GetRequiredService<PasswordStrengthEstimator>();
var estimate = estimator.Estimate("tanaka1985", userInputs: ["tanaka@example.jp"]);
Console.WriteLine($"password: score {(int)estimate.Score}/4, 10^{estimate.GuessesLog10:F1} guesses; {estimate.Feedback.GetWarningText(ja)}");
var policy = provider.GetRequiredService<PasswordPolicyChecker>().Check("tanaka1985", estimate);
Console.WriteLine($"policy: {(policy.IsCompliant ? "ok" : string.Join(", ", policy.Violations.Select(v => v.Code)))}");

// Detection: a login from a hosting range abroad, then a withdrawal request three minutes later.
var detector = provider.GetRequiredService<TakeoverDetector>();
var at = new DateTimeOffset(2025, 3, 19, 15, 0, 0, TimeSpan.FromHours(9));
detector.Evaluate(new LoginEvent("e1", at, "A-1", true, "198.51.100.7", "dev-x", AuthMethod.Sms, LoginChannel.Web) { Country = "SG", Hosting = true });
var decision = detector.Evaluate(new WithdrawalRequestEvent("e2", at.AddMinutes(3), "A-1", 2_000_000m, "bank-new"));
Console.WriteLine($"detection: {decision.Kind} (risk {decision.Risk}) {string.Join("; ", decision.Indicators.Select(i => i.Describe(CultureInfo.GetCultureInfo("en"))))}");

// Compensation outlook and the response plan, from the same sourced facts. The library's example case: holdings sold
// for ¥5m at SBI on 2025-04-20, ¥5m of stocks bought now worth ¥2m (a real case is a new CompensationCase { ... }).
var outlook = provider.GetRequiredService<CompensationOutlook>().Assess(CompensationCase.Example);
Console.WriteLine($"compensation: {outlook.Policy?.Id ?? "no known policy"}, estimate {outlook.Estimate?.Low:N0}–{outlook.Estimate?.High:N0} JPY");

var plan = provider.GetRequiredService<ResponsePlanner>().Create(new IncidentContext { BrokerId = "sbi", NoticedBy = NoticedBy.Customer });
Console.WriteLine($"response: {plan.Steps.Count} steps, first: {plan.Steps[0].Title.En}");
