using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Serialization;
using Orleans.Serialization.Configuration;
using TakeoverRules.Detection;
using TakeoverRules.Orleans;

namespace TakeoverRules;

/// <summary>The silo's entry point of TakeoverRules.Orleans.</summary>
public static class TakeoverRulesSiloBuilderExtensions
{
    /// <summary>
    /// Hosts the takeover detector on this silo: account and symbol grains, the silo's <see cref="TakeoverDetector"/>
    /// (from <see cref="TakeoverRulesServiceCollectionExtensions.AddTakeoverRules(IServiceCollection, Action{TakeoverRulesOptions}?)"/>:
    /// configure the detector there, and register an <see cref="IInstrumentSource"/>) and <see cref="IOrderDecisions"/>
    /// for gateways co-hosted with the silo. Add the grain storage named by <see cref="DetectionGrainOptions.StorageName"/>
    /// (<c>TakeoverRules</c>) yourself, e.g. <c>AddAdoNetGrainStorage</c>. Idempotent; every <paramref name="configure"/>
    /// applies. The options are validated when the silo starts.
    /// </summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="configure">Optional configuration of the grain options.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static ISiloBuilder AddTakeoverRules(this ISiloBuilder builder, Action<DetectionGrainOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddTakeoverRules();
        DetectorExceptions.Serialize(services);
        var options = services.AddOptions<DetectionGrainOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        if (services.Any(d => d.ServiceType == typeof(DetectionGrainOptionsValidator)))
        {
            return builder;
        }

        services.AddSingleton<DetectionGrainOptionsValidator>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DetectionGrainOptions>, DetectionGrainOptionsValidator>());
        options.ValidateOnStart();
        services.TryAddSingleton<IOrderDecisions, OrderDecisions>();
        return builder;
    }
}

/// <summary>The gateway's (client's) entry point of TakeoverRules.Orleans.</summary>
public static class TakeoverRulesClientBuilderExtensions
{
    /// <summary>Registers <see cref="IOrderDecisions"/> on an Orleans client. Idempotent.</summary>
    /// <param name="builder">The client builder.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static IClientBuilder AddTakeoverRules(this IClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        DetectorExceptions.Serialize(builder.Services);
        builder.Services.TryAddSingleton<IOrderDecisions, OrderDecisions>();
        return builder;
    }
}

/// <summary>
/// Lets a grain's <see cref="DetectorSnapshotException"/> (a refused foreign configuration) reach the gateway as itself,
/// message included: Orleans serializes only exceptions it is told about, and otherwise reports a missing codec.
/// </summary>
internal static class DetectorExceptions
{
    public static void Serialize(IServiceCollection services)
    {
        // Both collections are sets, so repeated registration is harmless.
        services.Configure<ExceptionSerializationOptions>(o => o.SupportedNamespacePrefixes.Add(typeof(DetectorSnapshotException).Namespace!));
        services.Configure<TypeManifestOptions>(o => o.AddAllowedType(typeof(DetectorSnapshotException)));
    }
}

/// <summary>
/// Checks the grain options against the detector's: the write-behind bound must stay inside the duplicate window, and
/// the detector must not evict accounts itself.
/// </summary>
internal sealed class DetectionGrainOptionsValidator(IOptions<TakeoverRulesOptions> detection) : IValidateOptions<DetectionGrainOptions>
{
    public ValidateOptionsResult Validate(string? name, DetectionGrainOptions options)
    {
        var errors = options.Validate(detection.Value.Detection.DuplicateWindow);
        if (detection.Value.Detection.MaxAccountsInMemory != 0)
        {
            // The grains already bound the silo's memory (an idle account's grain deactivates and its state leaves the
            // detector), and they persist it themselves; a detector evicting under them would write it a second time.
            errors.Add($"Orleans: Detection.MaxAccountsInMemory must be 0 on a silo (was {detection.Value.Detection.MaxAccountsInMemory}): an account's state stays in memory only while its grain is active, and the grain storage holds it otherwise");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
