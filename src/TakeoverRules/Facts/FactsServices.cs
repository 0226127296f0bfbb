using Microsoft.Extensions.DependencyInjection;

namespace TakeoverRules.Facts;

/// <summary>Registers the facts and compensation services for <see cref="TakeoverRulesServiceCollectionExtensions.AddTakeoverRules"/>.</summary>
internal static class FactsServices
{
    public static void Register(IServiceCollection services, FactsOptions options)
    {
        _ = services;
        _ = options;
    }
}
