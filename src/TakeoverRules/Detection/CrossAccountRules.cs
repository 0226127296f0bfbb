namespace TakeoverRules.Detection;

/// <summary>
/// Cross-account evidence: several accounts, each with evidence of its own, buying the same thin symbol within the
/// convergence window (a coordinated ramp). Owns the per-symbol windows.
/// </summary>
internal sealed class CrossAccountRules(DetectorSettings settings)
{
    public Dictionary<string, SymbolState> Symbols { get; } = new(StringComparer.Ordinal);

    /// <summary>Cites a ramp in <paramref name="e"/>'s symbol when enough other accounts bought it within the window.</summary>
    public void CiteRamp(in DetectionContext ctx, OrderEvent e)
    {
        if (!Symbols.TryGetValue(e.Symbol, out var symbol))
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

    /// <summary>Adds a risky buy of a thin symbol to that symbol's window.</summary>
    public void Report(OrderEvent e, long t)
    {
        if (!Symbols.TryGetValue(e.Symbol, out var symbol))
        {
            symbol = new SymbolState();
            Symbols.Add(e.Symbol, symbol);
        }

        symbol.Add(StableHash.Of(e.Account), t, e.Id);
    }
}
