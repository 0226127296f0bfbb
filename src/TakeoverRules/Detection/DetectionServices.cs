using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace TakeoverRules.Detection;

/// <summary>Registers the detection services for <see cref="TakeoverRulesServiceCollectionExtensions.AddTakeoverRules"/>.</summary>
internal static class DetectionServices
{
    public static void Register(IServiceCollection services, DetectorOptions options)
    {
        // Hosts register their own IInstrumentSource (before or after AddTakeoverRules); without one,
        // instrument-based indicators stay silent rather than failing.
        services.TryAddSingleton<IInstrumentSource>(InstrumentTable.Empty);
        services.TryAddSingleton(sp => new TakeoverDetector(options, sp.GetRequiredService<IInstrumentSource>()));
    }
}
