using Microsoft.Extensions.DependencyInjection;
using TakeoverRules;

// Exercises each pillar's entry points under NativeAOT; TrimmerRootAssembly keeps the whole library so that
// every public API is analysed for trim/AOT warnings, not only what this program calls.
var services = new ServiceCollection();
services.AddTakeoverRules();
Console.WriteLine($"TakeoverRules AOT consumer: {services.Count} services registered.");

// Passwords: policy (with the embedded blocklist) and trading PIN checks.
var policy = new TakeoverRules.Passwords.PasswordPolicyChecker(TakeoverRules.Passwords.PasswordPolicy.Nist).Check("password");
var pin = TakeoverRules.Passwords.TradingPinChecker.Check("1234");
Console.WriteLine($"Passwords: policy compliant={policy.IsCompliant}, PIN acceptable={pin.IsAcceptable}");
return 0;
