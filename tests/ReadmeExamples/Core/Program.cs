using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TakeoverRules;
using TakeoverRules.Detection;
using TakeoverRules.Passwords;

var builder = Host.CreateApplicationBuilder(args);       // or WebApplication.CreateBuilder(args)
builder.Services.AddTakeoverRules(builder.Configuration.GetSection("TakeoverRules"));
builder.Services.AddSingleton<IInstrumentSource>(InstrumentTable.Empty); // register your instrument data here
using var host = builder.Build();
host.Start();                                             // options are validated here

var detector = host.Services.GetRequiredService<TakeoverDetector>();
var now = DateTimeOffset.Parse("2025-03-17T09:00:00+09:00");
detector.Evaluate(new LoginEvent("e1", now, "A1", true, "198.51.100.1", "new-phone", AuthMethod.Sms, LoginChannel.Web) { Country = "SG" });
var decision = detector.Evaluate(new WithdrawalRequestEvent("e2", now.AddMinutes(3), "A1", 1_000_000m, "bank"));
Console.WriteLine($"{decision.Kind} (risk {decision.Risk})");

var checker = host.Services.GetRequiredService<PasswordPolicyChecker>();
var verdict = checker.Check("password", userInputs: ["taro@example.jp"]);
Console.WriteLine(string.Join(" ", verdict.Violations.Select(v => v.GetMessage())));
