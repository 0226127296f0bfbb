using Microsoft.Extensions.DependencyInjection;
using TakeoverRules;

// Exercises each pillar's entry points under NativeAOT; TrimmerRootAssembly keeps the whole library so that
// every public API is analysed for trim/AOT warnings, not only what this program calls.
var services = new ServiceCollection();
services.AddTakeoverRules();
Console.WriteLine($"TakeoverRules AOT consumer: {services.Count} services registered.");

// Passwords: embedded dictionaries, NFKC and feedback texts must work trimmed and AOT-compiled.
var estimate = TakeoverRules.Passwords.PasswordStrength.Estimate("ｔａｎａｋａ１９８５", ["tanaka@example.jp"]);
Console.WriteLine($"Password estimate: score {(int)estimate.Score}, log10 {estimate.GuessesLog10:F1}, warning {estimate.Feedback.Warning}.");
if (estimate.Score > TakeoverRules.Passwords.PasswordScore.Weak) return 1;
return 0;
