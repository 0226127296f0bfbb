using System.Diagnostics.Metrics;
using Microsoft.Extensions.Compliance.Redaction;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TakeoverRules.Diagnostics;

namespace TakeoverRules.Detection;

/// <summary>Registers and binds the detection services for <see cref="TakeoverRulesServiceCollectionExtensions.AddTakeoverRules(IServiceCollection, Action{TakeoverRulesOptions}?)"/>.</summary>
internal static class DetectionServices
{
    public static void Register(IServiceCollection services)
    {
        // Hosts register their own IInstrumentSource (before or after AddTakeoverRules); without one the instrument
        // indicators are off, and the detector says so in a warning when it is created.
        services.TryAddSingleton<IInstrumentSource>(InstrumentTable.Empty);
        services.TryAddSingleton(sp => new IdRedaction(sp.GetService<IRedactorProvider>()));
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<TakeoverRulesOptions>>().Value.Detection;
            var instruments = sp.GetRequiredService<IInstrumentSource>();
            var logger = (sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger("TakeoverRules.Detection");
            var telemetry = new DetectionTelemetry(sp.GetService<IMeterFactory>(), logger, sp.GetRequiredService<IdRedaction>());
            telemetry.WarnIfNoInstruments(instruments);
            // A registered IAccountStateStore is used when Detection.MaxAccountsInMemory bounds the accounts in memory.
            var store = options.MaxAccountsInMemory > 0 ? sp.GetService<IAccountStateStore>() : null;
            return new TakeoverDetector(options, instruments, sp.GetService<TimeProvider>() ?? TimeProvider.System, store) { Telemetry = telemetry };
        });
    }

    /// <summary>Binds <c>TakeoverRules:Detection</c> (source-generated binder); unknown keys and bad values become errors.</summary>
    public static void Bind(DetectorOptions options, IConfigurationSection section, List<string> errors)
    {
        try
        {
            section.Bind(options, o => o.ErrorOnUnknownConfiguration = true);
        }
        catch (InvalidOperationException ex)
        {
            errors.Add($"Detection: {ex.Message}");
        }
    }
}
