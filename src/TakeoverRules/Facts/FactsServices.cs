using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TakeoverRules.Compensation;

namespace TakeoverRules.Facts;

/// <summary>Registers the facts and compensation services for <see cref="TakeoverRulesServiceCollectionExtensions.AddTakeoverRules"/>.</summary>
internal static class FactsServices
{
    public static void Register(IServiceCollection services, FactsOptions options)
    {
        var updatePath = options.UpdateFilePath;

        // The load result is a service of its own so a host can log the update file's problems at start-up; the
        // registry is whatever is in force (the embedded facts when the update was rejected).
        services.TryAddSingleton(_ => updatePath is null
            ? new FactsLoadResult(FactsRegistry.Embedded, [])
            : FactsRegistry.Embedded.ApplyUpdateFile(updatePath));
        services.TryAddSingleton(sp => sp.GetRequiredService<FactsLoadResult>().Registry);
        services.TryAddSingleton(sp => new CompensationOutlook(sp.GetRequiredService<FactsRegistry>()));
    }
}
