using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TakeoverRules.Compensation;
using TakeoverRules.Detection;
using TakeoverRules.Facts;
using TakeoverRules.Passwords;
using TakeoverRules.Response;

namespace TakeoverRules;

/// <summary>The dependency-injection entry point of TakeoverRules.</summary>
public static class TakeoverRulesServiceCollectionExtensions
{
    /// <summary>
    /// Registers the TakeoverRules services (password-strength estimator, policy and breach checker; takeover detector;
    /// facts registry and compensation outlook; response plans) with options configured in code. The options are
    /// validated here, so an invalid value throws before the host is built. Safe to call more than once: services
    /// are added with <c>TryAdd</c>, so the first registration wins, and every <paramref name="configure"/> applies.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Optional configuration of the options.</param>
    /// <returns>The same service collection, for chaining.</returns>
    /// <exception cref="TakeoverRulesOptionsException">The configured options are invalid; the message lists every problem.</exception>
    public static IServiceCollection AddTakeoverRules(this IServiceCollection services, Action<TakeoverRulesOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);

        // Validate a probe now rather than on first use so a bad configuration fails at start-up, not on the first order.
        var probe = new TakeoverRulesOptions();
        configure?.Invoke(probe);
        var errors = probe.Validate();
        if (errors.Count > 0)
        {
            throw new TakeoverRulesOptionsException(errors);
        }

        var builder = services.AddOptions<TakeoverRulesOptions>();
        if (configure is not null) builder.Configure(configure);
        return RegisterServices(services);
    }

    /// <summary>
    /// Registers the TakeoverRules services with options bound from configuration, usually
    /// <c>builder.Configuration.GetSection("TakeoverRules")</c> (sections <c>Passwords</c>, <c>Detection</c>,
    /// <c>Facts</c>; see <c>docs/configuration.md</c>), then <paramref name="configure"/>. Enums and password-policy
    /// presets bind by name; unknown keys are errors. The options are validated when first read and when the host
    /// starts (<c>ValidateOnStart</c>): an invalid value, a missing file or a rejected facts update stops start-up with
    /// an <see cref="OptionsValidationException"/> listing every problem. Binding is source-generated (trimming- and AOT-safe).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The <c>TakeoverRules</c> section.</param>
    /// <param name="configure">Optional changes applied after binding.</param>
    /// <returns>The same service collection, for chaining.</returns>
    public static IServiceCollection AddTakeoverRules(this IServiceCollection services, IConfiguration configuration, Action<TakeoverRulesOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        var builder = services.AddOptions<TakeoverRulesOptions>();
        builder.Configure(options => options.Bind(configuration));
        if (configure is not null) builder.Configure(configure);

        // IOptionsMonitor<T> sees reloads of the configuration (the registered services keep the values they started with).
        services.AddSingleton<IOptionsChangeTokenSource<TakeoverRulesOptions>>(new ConfigurationChangeTokenSource<TakeoverRulesOptions>(configuration));
        return RegisterServices(services);
    }

    private static IServiceCollection RegisterServices(IServiceCollection services)
    {
        services.AddOptions<TakeoverRulesOptions>().ValidateOnStart();
        if (services.Any(d => d.ServiceType == typeof(TakeoverRulesOptionsValidator))) return services;

        services.AddSingleton<TakeoverRulesOptionsValidator>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TakeoverRulesOptions>, TakeoverRulesOptionsValidator>());
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<TakeoverRulesOptions>>().Value);
        PillarOptions<PasswordOptions>.Register(services, o => o.Passwords);
        PillarOptions<DetectorOptions>.Register(services, o => o.Detection);
        PillarOptions<FactsOptions>.Register(services, o => o.Facts);

        PasswordServices.Register(services);
        DetectionServices.Register(services);
        FactsServices.Register(services);
        CompensationServices.Register(services);
        ResponseServices.Register(services);
        return services;
    }
}
