using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace TakeoverRules;

/// <summary>
/// Exposes one section of <see cref="TakeoverRulesOptions"/> as <see cref="IOptions{TOptions}"/> and
/// <see cref="IOptionsMonitor{TOptions}"/>, so a class can depend on <c>IOptions&lt;DetectorOptions&gt;</c> and see the
/// same validated values (and reloads) as the root options. Thread-safe.
/// </summary>
internal sealed class PillarOptions<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] T> : IOptionsMonitor<T>
    where T : class
{
    private readonly IOptionsMonitor<TakeoverRulesOptions> _root;
    private readonly Func<TakeoverRulesOptions, T> _pick;

    private PillarOptions(IOptionsMonitor<TakeoverRulesOptions> root, Func<TakeoverRulesOptions, T> pick)
    {
        _root = root;
        _pick = pick;
    }

    public T CurrentValue => _pick(_root.CurrentValue);

    public static void Register(IServiceCollection services, Func<TakeoverRulesOptions, T> pick)
    {
        services.TryAddSingleton<IOptionsMonitor<T>>(sp => new PillarOptions<T>(sp.GetRequiredService<IOptionsMonitor<TakeoverRulesOptions>>(), pick));
        services.TryAddSingleton<IOptions<T>>(sp => Options.Create(pick(sp.GetRequiredService<IOptions<TakeoverRulesOptions>>().Value)));
    }

    public T Get(string? name) => _pick(_root.Get(name));

    public IDisposable? OnChange(Action<T, string?> listener) => _root.OnChange((options, name) => listener(_pick(options), name));
}
