namespace TakeoverRules.Detection;

/// <summary>
/// Cross-account evidence: several accounts, each with evidence of its own, buying the same thin symbol within the
/// convergence window (a coordinated ramp). Owns the per-symbol windows, unless the host holds them: then the window
/// of the one symbol an event reads is supplied for that event, and the buy it would add is handed back instead.
/// </summary>
internal sealed class CrossAccountRules(DetectorSettings settings)
{
    private bool _external;
    private string? _suppliedSymbol;
    private SymbolState? _supplied;

    public Dictionary<string, SymbolState> Symbols { get; } = new(StringComparer.Ordinal);

    /// <summary>The buy the last externally supplied event would have added to its symbol's window, if any.</summary>
    public RiskyBuy? Reported { get; private set; }

    /// <summary>
    /// Whether deciding <paramref name="e"/> reads its symbol's window: the condition under which the trading rules call
    /// <see cref="CiteRamp"/> (a buy of a known instrument that is thin, or large against its turnover).
    /// </summary>
    public static bool ReadsWindow(OrderEvent e, IInstrumentSource instruments, DetectorOptions options) =>
        e.Side == OrderSide.Buy && instruments.TryGet(e.Symbol, out var instrument) &&
        TradingRules.IsThinBuy(instrument, (double)e.NotionalJpy, options);

    /// <summary>Until <see cref="EndSupply"/>: read <paramref name="window"/> as <paramref name="symbol"/>'s window and hand reports back.</summary>
    public void Supply(string? symbol, SymbolState? window)
    {
        _external = true;
        _suppliedSymbol = symbol;
        _supplied = window;
        Reported = null;
    }

    public void EndSupply()
    {
        _external = false;
        _suppliedSymbol = null;
        _supplied = null;
    }

    /// <summary>Cites a ramp in <paramref name="e"/>'s symbol when enough other accounts bought it within the window.</summary>
    public void CiteRamp(in DetectionContext ctx, OrderEvent e)
    {
        SymbolState? symbol;
        if (_external)
        {
            // ReadsWindow must name exactly the buys that get here, or a host would decide without the window it needed.
            if (!string.Equals(_suppliedSymbol, e.Symbol, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"event {e.Id}: the buy of {e.Symbol} reads its convergence window but ConvergenceSymbol did not name it; this is a bug in TakeoverRules");
            }

            symbol = _supplied;
        }
        else
        {
            symbol = Symbols.GetValueOrDefault(e.Symbol);
        }

        if (symbol is null)
        {
            return;
        }

        var options = settings.Options;
        var self = StableHash.Of(e.Account);
        var since = ctx.Time - settings.ConvergenceWindow;
        var others = symbol.DistinctAccounts(since, ctx.Time, self, out var earliest);
        var count = others + (ctx.Found.Evidence() * 10 >= options.ReviewThreshold ? 1 : 0);
        if (others > 0 && count >= options.ConvergenceMinAccounts)
        {
            ctx.Found.Add(new Candidate(IndicatorId.CrossAccountRamp, EvidenceModel.CrossAccountRamp, count, options.ConvergenceMinAccounts)
            {
                Subject = e.Symbol,
                Minutes = DetectorSettings.Minutes(ctx.Time - earliest),
                Evidence = symbol.Evidence(since, ctx.Time, self, e.Id),
            });
        }
    }

    /// <summary>Adds a risky buy of a thin symbol to that symbol's window (or hands it back when the host holds the window).</summary>
    public void Report(OrderEvent e, long t)
    {
        if (_external)
        {
            Reported = new RiskyBuy(StableHash.Of(e.Account), new DateTimeOffset(t, TimeSpan.Zero), e.Id);
            return;
        }

        if (!Symbols.TryGetValue(e.Symbol, out var symbol))
        {
            symbol = new SymbolState();
            Symbols.Add(e.Symbol, symbol);
        }

        symbol.Add(StableHash.Of(e.Account), t, e.Id);
    }
}
