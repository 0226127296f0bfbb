using Microsoft.Extensions.DependencyInjection;

namespace TakeoverRules.Detection;

/// <summary>Registers the detection services for <see cref="TakeoverRulesServiceCollectionExtensions.AddTakeoverRules"/>.</summary>
internal static class DetectionServices
{
    public static void Register(IServiceCollection services, DetectorOptions options)
    {
        _ = services;
        _ = options;
    }
}
