using System.Diagnostics.Metrics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace TakeoverRules.Passwords;

/// <summary>Registers and binds the password services for <see cref="TakeoverRulesServiceCollectionExtensions.AddTakeoverRules(IServiceCollection, Action{TakeoverRulesOptions}?)"/>.</summary>
internal static class PasswordServices
{
    /// <summary>The name of the typed HTTP client of the range API (for <c>services.AddHttpClient(name)</c> customisation).</summary>
    internal const string HttpClientName = "TakeoverRules.PwnedPasswords";

    private static readonly HashSet<string> Keys = new(StringComparer.OrdinalIgnoreCase)
    {
        "Estimator", "Policy", "CommonPasswordsMaxRank", "BlocklistEntries", "BlocklistFiles", "BreachSource", "PwnedPasswordsApi", "PwnedPasswordsFile",
    };

    private static readonly HashSet<string> PolicyKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "Preset", "Name", "MinimumLength", "MaximumLength", "RequiredClasses", "MinimumClassCount", "AsciiOnly", "CheckBlocklist", "CheckContextWords", "MinimumScore",
    };

    public static void Register(IServiceCollection services)
    {
        // Built on first resolution from the validated options, so configuration and the lambda apply alike.
        services.TryAddSingleton(sp => Telemetry(sp));
        services.TryAddSingleton(sp => new PasswordStrengthEstimator(Options(sp).Estimator) { Telemetry = sp.GetRequiredService<PasswordTelemetry>() });
        services.TryAddSingleton(sp => BuildBlocklist(Options(sp)));
        services.TryAddSingleton(sp =>
        {
            var options = Options(sp);
            return new PasswordPolicyChecker(options.Policy, sp.GetRequiredService<IPasswordBlocklist>(), options.Estimator.ContextWords.ToArray(), sp.GetRequiredService<PasswordStrengthEstimator>());
        });

        // The range API is a typed client from IHttpClientFactory with the standard resilience handler (retry with
        // jitter, circuit breaker, attempt and total timeouts), sized from PwnedPasswordsApi.Timeout.
        // The factory's own loggers write the request URI, which holds the hash prefix: removed, PasswordTelemetry logs instead.
        services.AddHttpClient(HttpClientName, (sp, http) => http.DefaultRequestHeaders.UserAgent.ParseAdd("TakeoverRules"))
            .RemoveAllLoggers()
            .AddStandardResilienceHandler()
            .Configure((HttpStandardResilienceOptions resilience, IServiceProvider sp) => SizeResilience(resilience, Options(sp).PwnedPasswordsApi.Timeout));
        services.TryAddSingleton<IBreachedPasswordChecker>(sp => CreateBreachChecker(sp)!);
        services.TryAddSingleton<PwnedPasswordsRangeClient>(sp => RangeClient(sp, Options(sp)));
    }

    /// <summary>
    /// Keeps the pipeline inside the client's own timeout: two attempts of half the budget each (the client's timer,
    /// which also covers reading the body, ends the call), and a circuit sampled over at least 30 s.
    /// </summary>
    internal static void SizeResilience(HttpStandardResilienceOptions resilience, TimeSpan timeout)
    {
        var attempt = TimeSpan.FromTicks(Math.Max(timeout.Ticks / 2, TimeSpan.FromMilliseconds(10).Ticks));
        resilience.TotalRequestTimeout.Timeout = timeout + TimeSpan.FromSeconds(1);
        resilience.AttemptTimeout.Timeout = attempt;
        resilience.Retry.MaxRetryAttempts = 1;
        resilience.Retry.Delay = TimeSpan.FromMilliseconds(100);
        resilience.CircuitBreaker.SamplingDuration = TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(30).Ticks, 2 * attempt.Ticks));
    }

    private static PasswordOptions Options(IServiceProvider sp) => sp.GetRequiredService<IOptions<TakeoverRulesOptions>>().Value.Passwords;

    private static PasswordTelemetry Telemetry(IServiceProvider sp) => new(
        sp.GetService<IMeterFactory>(),
        (sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger("TakeoverRules.Passwords"));

    private static PwnedPasswordsRangeClient RangeClient(IServiceProvider sp, PasswordOptions options) => new(
        sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
        new PwnedPasswordsRangeOptions
        {
            BaseAddress = options.PwnedPasswordsApi.BaseAddress,
            Timeout = options.PwnedPasswordsApi.Timeout,
            MaxResponseBytes = options.PwnedPasswordsApi.MaxResponseBytes,
            AddPadding = options.PwnedPasswordsApi.AddPadding,
        });

    // Null when BreachSource is None: GetService then returns null and nothing leaves the process.
    private static ObservedBreachChecker? CreateBreachChecker(IServiceProvider sp)
    {
        var options = Options(sp);
        var telemetry = sp.GetRequiredService<PasswordTelemetry>();
        return options.BreachSource switch
        {
            BreachSource.PwnedPasswordsApi => new ObservedBreachChecker(
                sp.GetRequiredService<PwnedPasswordsRangeClient>(),
                options.PwnedPasswordsFile is { Length: > 0 } file ? PwnedPasswordsHashFile.Open(file) : null,
                telemetry,
                "api"),
            BreachSource.PwnedPasswordsFile => new ObservedBreachChecker(PwnedPasswordsHashFile.Open(options.PwnedPasswordsFile!), null, telemetry, "file"),
            _ => null,
        };
    }

    private static IPasswordBlocklist BuildBlocklist(PasswordOptions options)
    {
        var lists = new List<IPasswordBlocklist> { PasswordBlocklist.CommonPasswords(options.CommonPasswordsMaxRank) };
        if (options.BlocklistEntries.Count > 0) lists.Add(PasswordBlocklist.From(options.BlocklistEntries));
        for (var i = 0; i < options.BlocklistFiles.Count; i++)
        {
            try
            {
                lists.Add(PasswordBlocklist.FromFile(options.BlocklistFiles[i]));
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                throw new TakeoverRulesOptionsException($"Passwords.BlocklistFiles[{i}]: {ex.Message}", ex);
            }
        }

        return PasswordBlocklist.Combine(lists);
    }

    /// <summary>
    /// Binds <c>TakeoverRules:Passwords</c>. Enums and policy presets bind by name (<c>"Policy": "NistMultiFactor"</c>
    /// or <c>"nist-mfa"</c>); a policy section may start from a <c>Preset</c> and override single rules. Unknown keys
    /// and unparsable values become errors, reported with the other validation problems.
    /// </summary>
    public static void Bind(PasswordOptions options, IConfigurationSection section, List<string> errors)
    {
        UnknownKeys(section, Keys, "Passwords", errors);
        var estimator = section.GetSection("Estimator");
        UnknownKeys(estimator, new(StringComparer.OrdinalIgnoreCase) { "MaxAnalyzedLength", "ReferenceYear", "ContextWords" }, "Passwords.Estimator", errors);
        if (Int(estimator, "MaxAnalyzedLength", "Passwords.Estimator", errors) is { } maxAnalyzed) options.Estimator.MaxAnalyzedLength = maxAnalyzed;
        if (Int(estimator, "ReferenceYear", "Passwords.Estimator", errors) is { } year) options.Estimator.ReferenceYear = year;
        AddAll(options.Estimator.ContextWords, estimator.GetSection("ContextWords"));

        var policy = section.GetSection("Policy");
        if (policy.Value is { } presetName) options.Policy = Preset(presetName, "Passwords.Policy", errors) ?? options.Policy;
        else if (policy.GetChildren().Any()) options.Policy = BindPolicy(policy, options.Policy, errors);

        if (section["CommonPasswordsMaxRank"] is not null) options.CommonPasswordsMaxRank = Int(section, "CommonPasswordsMaxRank", "Passwords", errors);
        AddAll(options.BlocklistEntries, section.GetSection("BlocklistEntries"));
        AddAll(options.BlocklistFiles, section.GetSection("BlocklistFiles"));
        if (Enum<BreachSource>(section, "BreachSource", "Passwords", errors) is { } source) options.BreachSource = source;
        if (section["PwnedPasswordsFile"] is { } file) options.PwnedPasswordsFile = file;

        var api = section.GetSection("PwnedPasswordsApi");
        if (api.Exists())
        {
            try
            {
                api.Bind(options.PwnedPasswordsApi, o => o.ErrorOnUnknownConfiguration = true);
            }
            catch (InvalidOperationException ex)
            {
                errors.Add($"Passwords.PwnedPasswordsApi: {ex.Message}");
            }
        }
    }

    private static PasswordPolicy BindPolicy(IConfigurationSection section, PasswordPolicy current, List<string> errors)
    {
        const string at = "Passwords.Policy";
        UnknownKeys(section, PolicyKeys, at, errors);
        var policy = section["Preset"] is { } preset ? Preset(preset, at + ".Preset", errors) ?? current : current;
        var name = section["Name"];
        return policy with
        {
            // A tightened preset is no longer the preset: name it so logs and results do not claim "nist".
            Name = name ?? (section.GetChildren().Any(c => !c.Key.Equals("Preset", StringComparison.OrdinalIgnoreCase)) ? "custom" : policy.Name),
            MinimumLength = Int(section, "MinimumLength", at, errors) ?? policy.MinimumLength,
            MaximumLength = Int(section, "MaximumLength", at, errors) ?? policy.MaximumLength,
            RequiredClasses = Enum<CharacterClasses>(section, "RequiredClasses", at, errors) ?? policy.RequiredClasses,
            MinimumClassCount = Int(section, "MinimumClassCount", at, errors) ?? policy.MinimumClassCount,
            AsciiOnly = Bool(section, "AsciiOnly", at, errors) ?? policy.AsciiOnly,
            CheckBlocklist = Bool(section, "CheckBlocklist", at, errors) ?? policy.CheckBlocklist,
            CheckContextWords = Bool(section, "CheckContextWords", at, errors) ?? policy.CheckContextWords,
            MinimumScore = Enum<PasswordScore>(section, "MinimumScore", at, errors) ?? policy.MinimumScore,
        };
    }

    /// <summary>A preset by its name (<c>nist</c>, <c>nist-mfa</c>) or its property name (<c>Nist</c>, <c>NistMultiFactor</c>).</summary>
    internal static PasswordPolicy? Preset(string name, string at, List<string> errors)
    {
        if (PasswordPolicy.TryGetPreset(name, out var preset)) return preset;
        if (name.Equals(nameof(PasswordPolicy.Nist), StringComparison.OrdinalIgnoreCase)) return PasswordPolicy.Nist;
        if (name.Equals(nameof(PasswordPolicy.NistMultiFactor), StringComparison.OrdinalIgnoreCase)) return PasswordPolicy.NistMultiFactor;
        errors.Add($"{at}: unknown preset; expected Nist (nist) or NistMultiFactor (nist-mfa) (was '{name}')");
        return null;
    }

    internal static void UnknownKeys(IConfigurationSection section, HashSet<string> known, string at, List<string> errors)
    {
        foreach (var child in section.GetChildren())
        {
            if (!known.Contains(child.Key)) errors.Add($"{at}.{child.Key}: unknown setting (was '{child.Value ?? "{...}"}')");
        }
    }

    private static void AddAll(IList<string> target, IConfigurationSection section)
    {
        foreach (var child in section.GetChildren())
        {
            if (child.Value is { } value) target.Add(value);
        }
    }

    private static int? Int(IConfigurationSection section, string key, string at, List<string> errors)
    {
        var value = section[key];
        if (value is null) return null;
        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed)) return parsed;
        errors.Add($"{at}.{key}: not a whole number (was '{value}')");
        return null;
    }

    private static bool? Bool(IConfigurationSection section, string key, string at, List<string> errors)
    {
        var value = section[key];
        if (value is null) return null;
        if (bool.TryParse(value, out var parsed)) return parsed;
        errors.Add($"{at}.{key}: not true or false (was '{value}')");
        return null;
    }

    private static T? Enum<T>(IConfigurationSection section, string key, string at, List<string> errors)
        where T : struct, Enum
    {
        var value = section[key];
        if (value is null) return null;

        // By name only (flags as "Upper, Digit"): a number would silently mean something else after a reorder.
        if (!value.AsSpan().TrimStart().StartsWith("-") && !char.IsAsciiDigit(value.TrimStart().FirstOrDefault())
            && System.Enum.TryParse<T>(value, ignoreCase: true, out var parsed))
        {
            return parsed;
        }

        errors.Add($"{at}.{key}: expected one of {string.Join(", ", System.Enum.GetNames<T>())} (was '{value}')");
        return null;
    }
}
