using Microsoft.Extensions.Options;
using TakeoverRules.Detection;

namespace TakeoverRules.Orleans;

/// <summary>
/// One symbol's convergence window: the recent risky buys of it reported by account grains. The silo's
/// <see cref="TakeoverDetector"/> holds the windows of the symbols active on the silo; every change is written
/// through to storage before the reporting account's decision returns.
/// </summary>
internal sealed class SymbolWindowGrain : Grain, ISymbolWindowGrain
{
    private readonly TakeoverDetector _detector;
    private readonly DetectionGrainOptions _options;
    private readonly IPersistentState<StoredSnapshot> _state;
    private string _symbol = "";

    public SymbolWindowGrain(TakeoverDetector detector, IOptions<DetectionGrainOptions> options, IPersistentStateFactory states, IGrainContext context)
    {
        _detector = detector;
        _options = options.Value;
        _state = states.Create<StoredSnapshot>(context, new PersistentStateAttribute("symbol", _options.StorageName));
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _symbol = this.GetPrimaryKeyString();
        _detector.RemoveSymbol(_symbol);
        if (!_state.RecordExists || _state.State.Snapshot.Length == 0)
        {
            return Task.CompletedTask;
        }

        if (string.Equals(_state.State.ConfigurationHash, _detector.ConfigurationHash, StringComparison.Ordinal))
        {
            _detector.RestoreSymbol(_symbol, _state.State.Snapshot);
        }
        else if (_options.ForeignConfiguration == ForeignConfigurationPolicy.Refuse)
        {
            throw new DetectorSnapshotException(
                $"symbol {_symbol}: the stored convergence window was taken under configuration {_state.State.ConfigurationHash}, this silo runs {_detector.ConfigurationHash}; " +
                $"refused ({nameof(DetectionGrainOptions)}.{nameof(DetectionGrainOptions.ForeignConfiguration)} = {nameof(ForeignConfigurationPolicy.Refuse)})");
        }

        // Relearn: a window covers hours, not history; it starts empty.
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _detector.RemoveSymbol(_symbol);
        return Task.CompletedTask;
    }

    public Task<RiskyBuy[]> WindowAsync() => Task.FromResult<RiskyBuy[]>([.. _detector.ConvergenceWindow(_symbol)]);

    public async Task AddAsync(RiskyBuy buy)
    {
        if (!_detector.AddRiskyBuy(_symbol, buy) || _detector.SnapshotSymbol(_symbol) is not { } snapshot)
        {
            return;
        }

        _state.State = new StoredSnapshot { ConfigurationHash = _detector.ConfigurationHash, Snapshot = snapshot };
        await _state.WriteStateAsync().ConfigureAwait(true);
    }
}
