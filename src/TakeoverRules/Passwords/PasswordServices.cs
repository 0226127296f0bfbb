using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace TakeoverRules.Passwords;

/// <summary>Registers the password services for <see cref="TakeoverRulesServiceCollectionExtensions.AddTakeoverRules"/>.</summary>
internal static class PasswordServices
{
    public static void Register(IServiceCollection services, PasswordOptions options)
    {
        // Snapshot everything now: the options object stays mutable after AddTakeoverRules returns.
        var estimator = new PasswordStrengthEstimator(options.Estimator);
        var blocklist = BuildBlocklist(options);
        var policy = options.Policy;
        var serviceWords = options.Estimator.ContextWords.ToArray();

        services.TryAddSingleton(estimator);
        services.TryAddSingleton(blocklist);
        services.TryAddSingleton(sp => new PasswordPolicyChecker(policy, sp.GetRequiredService<IPasswordBlocklist>(), serviceWords, sp.GetRequiredService<PasswordStrengthEstimator>()));

        switch (options.BreachSource)
        {
            case BreachSource.PwnedPasswordsApi:
                var api = new PwnedPasswordsRangeOptions
                {
                    BaseAddress = options.PwnedPasswordsApi.BaseAddress,
                    Timeout = options.PwnedPasswordsApi.Timeout,
                    MaxResponseBytes = options.PwnedPasswordsApi.MaxResponseBytes,
                    AddPadding = options.PwnedPasswordsApi.AddPadding,
                };
                services.TryAddSingleton<IBreachedPasswordChecker>(_ => new OwnedRangeClient(api));
                break;
            case BreachSource.PwnedPasswordsFile:
                var path = options.PwnedPasswordsFile!;
                services.TryAddSingleton<IBreachedPasswordChecker>(_ => PwnedPasswordsHashFile.Open(path));
                break;
        }
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

    /// <summary>The range client with an HTTP client of its own, disposed with the container.</summary>
    private sealed class OwnedRangeClient : IBreachedPasswordChecker, IDisposable
    {
        // Recycle pooled connections so DNS changes of the API host are picked up in a long-lived process.
        private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };

        private readonly PwnedPasswordsRangeClient _client;

        public OwnedRangeClient(PwnedPasswordsRangeOptions options)
        {
            _http.DefaultRequestHeaders.UserAgent.ParseAdd("TakeoverRules");
            _client = new PwnedPasswordsRangeClient(_http, options);
        }

        public ValueTask<BreachCheckResult> CheckAsync(string password, CancellationToken cancellationToken = default) =>
            _client.CheckAsync(password, cancellationToken);

        public void Dispose() => _http.Dispose();

        public override string ToString() => _client.ToString();
    }
}
