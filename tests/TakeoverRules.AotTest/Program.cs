using Microsoft.Extensions.DependencyInjection;
using TakeoverRules;

// Exercises each pillar's entry points under NativeAOT; TrimmerRootAssembly keeps the whole library so that
// every public API is analysed for trim/AOT warnings, not only what this program calls.
var services = new ServiceCollection();
services.AddTakeoverRules();
Console.WriteLine($"TakeoverRules AOT consumer: {services.Count} services registered.");
return 0;
