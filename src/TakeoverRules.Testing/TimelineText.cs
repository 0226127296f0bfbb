using System.Globalization;
using System.Text;
using TakeoverRules.Detection;

namespace TakeoverRules.Testing;

/// <summary>
/// Renders a <see cref="ScenarioResult"/> as a stable, human-readable timeline: one line per event with its decision and
/// risk, the indicators that fired under it (with their evidence), attacker events marked <c>!</c>, times in JST. Used by
/// assertion failure messages and text golden files.
/// </summary>
/// <remarks>
/// The format is invariant-culture and deterministic, so it can be snapshotted. History is summarised per account (its
/// non-allow decisions are listed) unless asked for in full. Thread-safe.
/// </remarks>
public static class TimelineText
{
    private static readonly TimeSpan Jst = TimeSpan.FromHours(9);
    private const int MaxHistoryLines = 10;

    /// <summary>Renders the result.</summary>
    /// <param name="result">The evaluated scenario.</param>
    /// <param name="includeHistory">Whether to list every history event instead of a summary per account.</param>
    /// <returns>The timeline, lines separated by <c>\n</c>.</returns>
    public static string Render(ScenarioResult result, bool includeHistory = false)
    {
        ArgumentNullException.ThrowIfNull(result);
        var sb = new StringBuilder();
        var shown = result.Events.Where(e => includeHistory || !e.IsHistory).ToList();
        var accountWidth = Math.Min(24, shown.Select(e => e.Event.Account.Length).DefaultIfEmpty(1).Max());
        var idWidth = Math.Min(28, shown.Select(e => e.Event.Id.Length).DefaultIfEmpty(1).Max());

        if (!includeHistory)
        {
            foreach (var account in result.Scenario.Accounts)
            {
                AppendHistorySummary(sb, result, account.Id, accountWidth, idWidth);
            }
        }

        DateTime? day = null;
        foreach (var e in shown)
        {
            var local = e.Event.Time.ToOffset(Jst);
            if (day != local.Date)
            {
                day = local.Date;
                sb.Append(CultureInfo.InvariantCulture, $"{local:yyyy-MM-dd} (JST)\n");
            }

            AppendEvent(sb, e, accountWidth, idWidth);
        }

        return sb.ToString();
    }

    /// <summary>A one-line description of an event, e.g. <c>buy 48,000 HKEX:T0001 @ 0.32 = ¥299,520 (buying power ¥3,900,000)</c>.</summary>
    /// <param name="accountEvent">The event.</param>
    /// <returns>The description.</returns>
    public static string Describe(AccountEvent accountEvent)
    {
        ArgumentNullException.ThrowIfNull(accountEvent);
        var c = CultureInfo.InvariantCulture;
        return accountEvent switch
        {
            LoginEvent l => string.Create(c, $"login {(l.Success ? "ok" : "FAILED")} device {l.Device} from {l.Country ?? "??"} {l.Asn ?? "AS?"}{(l.Hosting == true ? " hosting" : "")} via {l.Channel.ToString().ToLowerInvariant()}/{l.AuthMethod.ToString().ToLowerInvariant()}"),
            SettingChangedEvent s => string.Create(c, $"setting {s.Setting} {(s.Enabled switch { true => "on", false => "off", null => "changed" })}"),
            OrderEvent o => string.Create(c, $"{(o.Side == OrderSide.Buy ? "buy" : "sell")} {o.Quantity:N0} {o.Symbol} @ {(o.Price is decimal p ? p.ToString(c) : "market")} = ¥{o.NotionalJpy:N0}{(o.Margin == true ? " on margin" : "")}{(o.BuyingPowerJpy is decimal bp ? string.Create(c, $" (buying power ¥{bp:N0})") : "")}"),
            ExecutionEvent x => string.Create(c, $"fill {x.OrderId} {x.Quantity:N0} @ {x.Price.ToString(c)} = ¥{x.NotionalJpy:N0}"),
            FxConversionEvent f => string.Create(c, $"fx {f.FromCurrency}->{f.ToCurrency} ¥{f.AmountJpy:N0}"),
            WithdrawalRequestEvent w => string.Create(c, $"withdraw ¥{w.AmountJpy:N0} to {w.Destination}"),
            PortfolioEvent p => string.Create(c, $"portfolio {p.Positions.Count} positions ¥{p.Positions.Sum(x => x.ValueJpy):N0}, cash ¥{p.CashJpy:N0}, buying power ¥{p.BuyingPowerJpy:N0}"),
            _ => accountEvent.Type.ToString(),
        };
    }

    private static void AppendHistorySummary(StringBuilder sb, ScenarioResult result, string account, int accountWidth, int idWidth)
    {
        var history = result.Events.Where(e => e.IsHistory && e.Event.Account == account).ToList();
        if (history.Count == 0)
        {
            return;
        }

        var first = history[0].Event.Time.ToOffset(Jst);
        var last = history[^1].Event.Time.ToOffset(Jst);
        var notable = history.Where(e => e.Decision is { Kind: not DecisionKind.Allow } or { Status: not DecisionStatus.Evaluated }).ToList();
        sb.Append(CultureInfo.InvariantCulture,
            $"history of {account}: {history.Count} events {first:yyyy-MM-dd}..{last:yyyy-MM-dd}, {history.Count(e => e.IsStopped)} held/frozen, {history.Count(e => e.Decision?.Kind == DecisionKind.Review)} reviewed\n");
        foreach (var e in notable.Take(MaxHistoryLines))
        {
            sb.Append(CultureInfo.InvariantCulture, $"  {e.Event.Time.ToOffset(Jst):yyyy-MM-dd}");
            AppendEvent(sb, e, accountWidth, idWidth);
        }

        if (notable.Count > MaxHistoryLines)
        {
            sb.Append(CultureInfo.InvariantCulture, $"  … {notable.Count - MaxHistoryLines} more non-allow history decisions\n");
        }
    }

    private static void AppendEvent(StringBuilder sb, EvaluatedEvent e, int accountWidth, int idWidth)
    {
        var c = CultureInfo.InvariantCulture;
        var local = e.Event.Time.ToOffset(Jst);
        sb.Append(c, $"  {local:HH:mm:ss}  {e.Event.Account.PadRight(accountWidth)} {(e.IsFraudulent ? '!' : ' ')} {e.Event.Id.PadRight(idWidth)}  {Describe(e.Event)}");
        sb.Append("  => ");
        if (e.Decision is not Decision d)
        {
            sb.Append("not executed (order held or account frozen)\n");
            return;
        }

        if (d.Status != DecisionStatus.Evaluated)
        {
            sb.Append(c, $"{d.Status}: {d.RejectionReason}\n");
            return;
        }

        sb.Append(c, $"{d.Kind} risk {d.Risk}\n");
        foreach (var hit in d.Indicators)
        {
            sb.Append(c, $"      {hit.Id} ({hit.Severity}, +{hit.Points}): {hit.Message} [evidence: {string.Join(", ", hit.Evidence)}]\n");
        }
    }
}
