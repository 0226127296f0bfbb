using Microsoft.Extensions.DependencyInjection;

namespace TakeoverRules.Response;

/// <summary>Registers the response-plan services for <see cref="TakeoverRulesServiceCollectionExtensions.AddTakeoverRules"/>.</summary>
internal static class ResponseServices
{
    public static void Register(IServiceCollection services)
    {
        _ = services;
    }
}
