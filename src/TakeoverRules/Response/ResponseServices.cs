using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TakeoverRules.Facts;

namespace TakeoverRules.Response;

/// <summary>Registers the response-plan services for <see cref="TakeoverRulesServiceCollectionExtensions.AddTakeoverRules(Microsoft.Extensions.DependencyInjection.IServiceCollection, Action{TakeoverRulesOptions}?)"/>.</summary>
internal static class ResponseServices
{
    public static void Register(IServiceCollection services) =>
        // The planner reads contacts and brokers from the facts in force, so an applied facts update reaches the plans.
        services.TryAddSingleton(sp => new ResponsePlanner(sp.GetRequiredService<FactsRegistry>()));
}
