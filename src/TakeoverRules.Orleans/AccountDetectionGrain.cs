using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TakeoverRules.Detection;

namespace TakeoverRules.Orleans;

/// <summary>
/// One account's detector state and its decisions. Orleans runs one call at a time per grain, so the account's events
/// are applied in the order their calls arrive, with the same validation, duplicate and lateness rules as in process:
/// the silo's <see cref="TakeoverDetector"/> holds the state of the accounts active on the silo, and this grain is the
/// only one that touches its account there. Before a buy of a thin instrument the grain reads the symbol's window from
/// its <see cref="ISymbolWindowGrain"/>; a risky buy it reports is stored there before the decision returns.
/// </summary>
internal sealed class AccountDetectionGrain : Grain, IAccountDetectionGrain
{
    private readonly TakeoverDetector _detector;
    private readonly DetectionGrainOptions _options;
    private readonly IPersistentState<StoredSnapshot> _state;
    private readonly IServiceProvider _services;
    private string _account = "";
    private int _unpersisted;

    // The write started after the decision that brought the account to MaxUnpersistedEvents; the account's next call
    // waits for it before applying its event, so no decision returns with more than that many events unstored.
    private Task? _writing;

    public AccountDetectionGrain(TakeoverDetector detector, IOptions<DetectionGrainOptions> options, IPersistentStateFactory states, IGrainContext context, IServiceProvider services)
    {
        _detector = detector;
        _options = options.Value;
        _services = services;
        _state = states.Create<StoredSnapshot>(context, new PersistentStateAttribute("account", _options.StorageName));
    }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _account = this.GetPrimaryKeyString();
        _detector.RemoveAccount(_account);
        if (!_state.RecordExists || _state.State.Snapshot.Length == 0)
        {
            return;
        }

        if (string.Equals(_state.State.ConfigurationHash, _detector.ConfigurationHash, StringComparison.Ordinal))
        {
            _detector.RestoreAccount(_account, _state.State.Snapshot);
            return;
        }

        if (_options.ForeignConfiguration == ForeignConfigurationPolicy.Refuse)
        {
            throw new DetectorSnapshotException(
                $"account {_account}: the stored detector state was taken under configuration {_state.State.ConfigurationHash}, this silo runs {_detector.ConfigurationHash}; " +
                $"refused ({nameof(DetectionGrainOptions)}.{nameof(DetectionGrainOptions.ForeignConfiguration)} = {nameof(ForeignConfigurationPolicy.Refuse)}). " +
                $"Replay the account's events under the new configuration, or set it to {nameof(ForeignConfigurationPolicy.Relearn)} and register an {nameof(IAccountHistory)}.");
        }

        var history = _services.GetService<IAccountHistory>() ?? throw new InvalidOperationException(
            $"account {_account}: {nameof(ForeignConfigurationPolicy.Relearn)} needs an {nameof(IAccountHistory)} in the silo's services");
        // Historical convergence windows are gone; the account relearns its own behaviour only.
        await foreach (var e in history.ReadAsync(_account, cancellationToken).ConfigureAwait(true))
        {
            _detector.Learn(e, []);
        }

        await PersistAsync().ConfigureAwait(true);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        try
        {
            await SettleWriteAsync().ConfigureAwait(true);
            if (_unpersisted > 0)
            {
                await PersistAsync().ConfigureAwait(true);
            }
        }
        finally
        {
            _detector.RemoveAccount(_account);
        }
    }

    public async Task<Decision> DecideAsync(byte[] eventLine)
    {
        await SettleWriteAsync().ConfigureAwait(true);
        var decision = await DecideOneAsync(eventLine).ConfigureAwait(true);
        await PersistIfDueAsync().ConfigureAwait(true);
        return decision;
    }

    public async Task<Decision[]> DecideManyAsync(byte[][] eventLines)
    {
        ArgumentNullException.ThrowIfNull(eventLines);
        var decisions = new Decision[eventLines.Length];
        for (var i = 0; i < eventLines.Length; i++)
        {
            await SettleWriteAsync().ConfigureAwait(true);
            decisions[i] = await DecideOneAsync(eventLines[i]).ConfigureAwait(true);
            await PersistIfDueAsync().ConfigureAwait(true);
        }

        return decisions;
    }

    private async Task<Decision> DecideOneAsync(byte[] eventLine)
    {
        ArgumentNullException.ThrowIfNull(eventLine);
        var e = EventLines.Decode(eventLine);
        if (!string.Equals(e.Account, _account, StringComparison.Ordinal))
        {
            throw new ArgumentException($"event {e.Id} belongs to account {e.Account}, not to this grain's account {_account}", nameof(eventLine));
        }

        var symbol = _detector.ConvergenceSymbol(e);
        var symbolGrain = symbol is null ? null : GrainFactory.GetGrain<ISymbolWindowGrain>(symbol);
        IReadOnlyList<RiskyBuy> window = symbolGrain is null ? [] : await symbolGrain.WindowAsync().ConfigureAwait(true);
        var decision = _detector.Evaluate(e, window, out var riskyBuy);
        if (decision.Status == DecisionStatus.Evaluated)
        {
            _unpersisted++;
        }

        if (riskyBuy is { } buy && symbolGrain is not null)
        {
            // Reported before the decision returns, so anything decided after this call sees it.
            await symbolGrain.AddAsync(buy).ConfigureAwait(true);
        }

        return decision;
    }

    /// <summary>
    /// With a bound of 0 the state is written before the decision returns. Otherwise, once the account has the bound's
    /// number of events unstored, their write starts and the decision returns without waiting for it: the write runs
    /// while the caller routes its order, off the decision's latency.
    /// </summary>
    private Task PersistIfDueAsync()
    {
        var bound = _options.MaxUnpersistedEvents;
        if (bound == 0)
        {
            return _unpersisted > 0 ? PersistAsync() : Task.CompletedTask;
        }

        if (_unpersisted >= bound)
        {
            _writing = PersistAsync();
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Waits for the write started by the previous call. If it failed, the state (still in memory, still counted as
    /// unstored) is written again now, and a second failure fails this call before its event is applied.
    /// </summary>
    private async Task SettleWriteAsync()
    {
        if (_writing is not { } writing)
        {
            return;
        }

        _writing = null;
        try
        {
            await writing.ConfigureAwait(true);
        }
        catch (Exception) when (_unpersisted > 0)
        {
            await PersistAsync().ConfigureAwait(true);
        }
    }

    private async Task PersistAsync()
    {
        if (_detector.SnapshotAccount(_account) is not { } snapshot)
        {
            return;
        }

        _state.State = new StoredSnapshot { ConfigurationHash = _detector.ConfigurationHash, Snapshot = snapshot };
        await _state.WriteStateAsync().ConfigureAwait(true);
        _unpersisted = 0;
    }
}
