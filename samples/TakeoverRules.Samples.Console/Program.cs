using Microsoft.Extensions.DependencyInjection;
using TakeoverRules;

// The way an application wires TakeoverRules: one call, options validated when added.
var services = new ServiceCollection();
services.AddTakeoverRules();

using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
var options = provider.GetRequiredService<TakeoverRulesOptions>();
Console.WriteLine($"TakeoverRules is registered; options valid: {options.Validate().Count == 0}.");
