using Orleans.Concurrency;
using TakeoverRules.Detection;

namespace TakeoverRules.Orleans;

/// <summary>The grain that owns one account's detector state (key: the account id) and decides its events in order.</summary>
internal interface IAccountDetectionGrain : IGrainWithStringKey
{
    /// <summary>Decides on one event, given as one line of event format v1 (UTF-8).</summary>
    Task<Decision> DecideAsync(byte[] eventLine);

    /// <summary>Decides on several events of this account, in order.</summary>
    Task<Decision[]> DecideManyAsync(byte[][] eventLines);
}

/// <summary>The grain that owns one symbol's convergence window (key: <c>MARKET:CODE</c>).</summary>
internal interface ISymbolWindowGrain : IGrainWithStringKey
{
    /// <summary>The window, oldest first.</summary>
    [ReadOnly]
    Task<RiskyBuy[]> WindowAsync();

    /// <summary>Adds a risky buy (idempotent by account and event id) and stores the window.</summary>
    Task AddAsync(RiskyBuy buy);
}

/// <summary>
/// What a detection grain stores: the detector's versioned snapshot of its account or symbol, and the configuration
/// hash it was taken under (also inside the snapshot; kept apart so a foreign configuration is told from corruption).
/// </summary>
[GenerateSerializer]
[Alias("TakeoverRules.StoredSnapshot")]
internal sealed class StoredSnapshot
{
    [Id(0)]
    public string ConfigurationHash { get; set; } = "";

    [Id(1)]
    public byte[] Snapshot { get; set; } = [];
}
