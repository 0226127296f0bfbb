using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace TakeoverRules.Facts;

/// <summary>Registers and binds the facts services for <see cref="TakeoverRulesServiceCollectionExtensions.AddTakeoverRules(IServiceCollection, Action{TakeoverRulesOptions}?)"/>.</summary>
internal static partial class FactsServices
{
    public static void Register(IServiceCollection services)
    {
        // The load result is a service of its own so a host can inspect the update file's problems; the registry is
        // whatever is in force. A rejected update fails validation (start-up) unless UseEmbeddedFactsOnError is set.
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<TakeoverRulesOptions>>().Value.Facts;
            if (options.UpdateFilePath is not { } path) return new FactsLoadResult(FactsRegistry.Embedded, []);
            var result = FactsRegistry.Embedded.ApplyUpdateFile(path, options.Trust(), options.SignatureFilePath);
            var logger = (sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger("TakeoverRules.Facts");
            if (result.Applied)
            {
                LogContactChanges(logger, path, result);
                return result;
            }

            if (!options.UseEmbeddedFactsOnError)
            {
                throw new TakeoverRulesOptionsException([.. result.Errors.Select(e => $"Facts.UpdateFilePath: {e} (was '{path}')")]);
            }

            UpdateRejected(logger, path, result.Errors.Count, string.Join("; ", result.Errors));
            return result;
        });
        services.TryAddSingleton(sp => sp.GetRequiredService<FactsLoadResult>().Registry);
    }

    /// <summary>Binds <c>TakeoverRules:Facts</c> (source-generated binder); unknown keys and bad values become errors.</summary>
    public static void Bind(FactsOptions options, IConfigurationSection section, List<string> errors)
    {
        try
        {
            section.Bind(options, o => o.ErrorOnUnknownConfiguration = true);
        }
        catch (InvalidOperationException ex)
        {
            errors.Add($"Facts: {ex.Message}");
        }
    }

    /// <summary>One Warning per changed contact detail: a planted phone number must be seen, not just applied.</summary>
    internal static void LogContactChanges(ILogger logger, string path, FactsLoadResult result)
    {
        foreach (var change in result.ContactChanges)
        {
            ContactChanged(logger, path, change.Path, change.Old ?? "(none)", change.New ?? "(none)", result.SignedBy ?? "UNSIGNED");
        }
    }

    [LoggerMessage(EventId = 3002, EventName = "FactsContactChanged", Level = LogLevel.Warning,
        Message = "The facts update file {Path} changes a contact point victims are sent to: {Field}: {Old} -> {New} (signed by {SignedBy})")]
    private static partial void ContactChanged(ILogger logger, string path, string field, string old, string @new, string signedBy);

    [LoggerMessage(EventId = 3001, EventName = "FactsUpdateRejected", Level = LogLevel.Error,
        Message = "The facts update file {Path} was rejected with {Count} problem(s); the EMBEDDED facts stay in force (UseEmbeddedFactsOnError): {Errors}")]
    private static partial void UpdateRejected(ILogger logger, string path, int count, string errors);
}
