using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace TakeoverRules;

/// <summary>The dependency-injection entry point of TakeoverRules.</summary>
public static class TakeoverRulesServiceCollectionExtensions
{
    /// <summary>
    /// Registers the TakeoverRules services (password-strength estimator, policy and breach checker; takeover detector;
    /// facts registry and compensation outlook; response plans). Safe to call more than once: services are added with
    /// <c>TryAdd</c>, so the first registration wins.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Optional configuration of the options.</param>
    /// <returns>The same service collection, for chaining.</returns>
    /// <exception cref="TakeoverRulesOptionsException">The configured options are invalid; the message lists every problem.</exception>
    public static IServiceCollection AddTakeoverRules(this IServiceCollection services, Action<TakeoverRulesOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);

        var options = new TakeoverRulesOptions();
        configure?.Invoke(options);

        // Validate here rather than on first use so a bad configuration fails at start-up, not on the first order.
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new TakeoverRulesOptionsException(errors);
        }

        services.TryAddSingleton(options);
        Passwords.PasswordServices.Register(services, options.Passwords);
        Detection.DetectionServices.Register(services, options.Detection);
        Facts.FactsServices.Register(services, options.Facts);
        Response.ResponseServices.Register(services);
        return services;
    }
}
