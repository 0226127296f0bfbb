using System.Globalization;
using System.Text;
using TakeoverRules.Detection;

namespace BrokerMonitor;

/// <summary>Draws a <see cref="MonitorSummary"/> as a few lines of text for a terminal.</summary>
public static class SummaryView
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The summary as text.</summary>
    /// <param name="summary">What was seen.</param>
    /// <param name="source">The input's name.</param>
    /// <param name="progress">Share of the file read (0 to 1), or <see langword="null"/> for a stream or a followed file.</param>
    /// <param name="eventsPerSecond">The recent rate.</param>
    public static string Render(MonitorSummary summary, string source, double? progress, double eventsPerSecond)
    {
        var text = new StringBuilder();
        text.Append(Invariant, $"TakeoverRules broker monitor — {source}").AppendLine();
        if (progress is { } share)
        {
            var filled = (int)Math.Round(Math.Clamp(share, 0, 1) * 30);
            text.Append('[').Append(new string('#', filled)).Append(new string('.', 30 - filled)).Append(Invariant, $"] {share * 100,5:F1}%").AppendLine();
        }

        text.Append(Invariant, $"events {summary.Events:N0}   {eventsPerSecond:N0} events/s   malformed {summary.Malformed:N0}   decisions written {summary.Written:N0}").AppendLine();
        text.Append("decisions: ");
        text.AppendJoin("   ", Enum.GetValues<DecisionKind>().Select(k => string.Create(Invariant, $"{k.ToString().ToLowerInvariant()} {summary.Count(k):N0}"))).AppendLine();

        text.AppendLine().AppendLine("top risky accounts:");
        var accounts = summary.TopAccounts(5);
        if (accounts.Count == 0) text.AppendLine("  (none yet)");
        foreach (var a in accounts)
        {
            text.Append(Invariant, $"  {a.Account,-12} {a.Kind.ToString().ToLowerInvariant(),-7} risk {a.Risk,3}   {a.TopIndicator,-24} {a.LastTime:yyyy-MM-dd HH:mm}").AppendLine();
        }

        text.AppendLine().AppendLine("converging symbols (bought in reviewed or held orders):");
        var symbols = summary.ConvergingSymbols(5);
        if (symbols.Count == 0) text.AppendLine("  (none yet)");
        foreach (var (symbol, count) in symbols)
        {
            text.Append(Invariant, $"  {symbol,-14} {count} account{(count == 1 ? "" : "s")}").AppendLine();
        }

        foreach (var error in summary.FirstErrors)
        {
            text.Append("skipped: ").AppendLine(error.ToString());
        }

        return text.ToString();
    }
}
