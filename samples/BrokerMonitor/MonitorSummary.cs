using TakeoverRules.Detection;
using TakeoverRules.Detection.Format;

namespace BrokerMonitor;

/// <summary>What the monitor has seen so far: counts, the riskiest accounts and the symbols risky buys converge on.</summary>
/// <remarks>Not thread-safe: one reader thread records, and the screen reads between records.</remarks>
public sealed class MonitorSummary
{
    private readonly Dictionary<string, AccountRisk> _accounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _riskyBuyers = new(StringComparer.Ordinal);
    private readonly long[] _kinds = new long[4];
    private readonly List<EventFormatError> _firstErrors = [];

    /// <summary>Events evaluated.</summary>
    public long Events { get; private set; }

    /// <summary>Lines that were not valid events (skipped).</summary>
    public long Malformed { get; private set; }

    /// <summary>Decisions written to the decisions file.</summary>
    public long Written { get; private set; }

    /// <summary>The first few malformed lines, for the screen.</summary>
    public IReadOnlyList<EventFormatError> FirstErrors => _firstErrors;

    /// <summary>How many decisions of <paramref name="kind"/>.</summary>
    public long Count(DecisionKind kind) => _kinds[(int)kind];

    /// <summary>Records one evaluated event and its decision.</summary>
    public void Record(AccountEvent accountEvent, in Decision decision, bool written)
    {
        Events++;
        _kinds[(int)decision.Kind]++;
        if (written) Written++;
        if (decision.Kind == DecisionKind.Allow && decision.Risk == 0) return;

        // Per account: the worst kind and risk so far, and the most severe indicator seen (the 2025 rotation pattern or a
        // cross-account ramp is critical even when a single trait carries more points; points break ties).
        _accounts.TryGetValue(decision.Account, out var account);
        var top = account?.Top;
        foreach (var hit in decision.Indicators)
        {
            if (top is null || (hit.Severity, hit.Points).CompareTo((top.Severity, top.Points)) > 0) top = hit;
        }

        _accounts[decision.Account] = new AccountRisk(decision.Account, Math.Max(decision.Risk, account?.Risk ?? 0),
            (DecisionKind)Math.Max((int)decision.Kind, (int)(account?.Kind ?? DecisionKind.Allow)), top, decision.Time);

        // Many accounts buying one thin name under risk is the 2025 ramp; the detector's CrossAccountRamp says so too.
        if (accountEvent is OrderEvent { Side: OrderSide.Buy } order && decision.Kind >= DecisionKind.Review)
        {
            if (!_riskyBuyers.TryGetValue(order.Symbol, out var buyers)) _riskyBuyers[order.Symbol] = buyers = new(StringComparer.Ordinal);
            buyers.Add(order.Account);
        }
    }

    /// <summary>Records a malformed line.</summary>
    public void RecordError(EventFormatError error)
    {
        Malformed++;
        if (_firstErrors.Count < 3) _firstErrors.Add(error);
    }

    /// <summary>The riskiest accounts, riskiest first.</summary>
    public IReadOnlyList<AccountRisk> TopAccounts(int count) =>
        [.. _accounts.Values.OrderByDescending(a => a.Kind).ThenByDescending(a => a.Risk).ThenBy(a => a.Account, StringComparer.Ordinal).Take(count)];

    /// <summary>Symbols bought in orders held back or reviewed, with how many accounts bought each, most first.</summary>
    public IReadOnlyList<(string Symbol, int Accounts)> ConvergingSymbols(int count) =>
        [.. _riskyBuyers.Select(p => (p.Key, p.Value.Count)).OrderByDescending(p => p.Count).ThenBy(p => p.Key, StringComparer.Ordinal).Take(count)];
}

/// <summary>An account's worst decision so far, its most severe indicator and the time of its last flagged decision.</summary>
public sealed record AccountRisk(string Account, int Risk, DecisionKind Kind, IndicatorHit? Top, DateTimeOffset LastTime)
{
    /// <summary>The most severe indicator's name, or empty.</summary>
    public string TopIndicator => Top?.Id.ToString() ?? "";
}
