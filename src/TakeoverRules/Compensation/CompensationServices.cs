using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TakeoverRules.Facts;

namespace TakeoverRules.Compensation;

/// <summary>Registers the compensation outlook for <see cref="TakeoverRulesServiceCollectionExtensions.AddTakeoverRules(IServiceCollection, Action{TakeoverRulesOptions}?)"/>.</summary>
internal static class CompensationServices
{
    public static void Register(IServiceCollection services) =>
        // The outlook reads the policies in force, so an applied facts update reaches it.
        services.TryAddSingleton(sp => new CompensationOutlook(sp.GetRequiredService<FactsRegistry>()));
}
