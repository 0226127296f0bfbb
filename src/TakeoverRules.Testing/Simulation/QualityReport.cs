using System.Globalization;
using System.Text;
using TakeoverRules.Detection;

namespace TakeoverRules.Testing.Simulation;

/// <summary>
/// Detection quality measured on an evaluated scenario (typically a <see cref="PopulationGenerator"/> population) against
/// its ground truth: how many attacks were stopped at the first fraudulent buy, how much fraudulent buy value was held, and
/// how often honest customers were held or sent to review.
/// </summary>
/// <remarks>
/// <para>Definitions (timeline events only; history is reported separately):</para>
/// <list type="bullet">
/// <item><b>Prevention rate</b>: share of attacked accounts with at least one fraudulent buy whose first fraudulent buy order was stopped (hold or freeze, or any earlier freeze of the account).</item>
/// <item><b>Fraudulent buy value held</b>: yen value of stopped fraudulent buy orders over the value of all fraudulent buy orders.</item>
/// <item><b>False holds per 10,000</b>: honest accounts with any hold or freeze decision, per 10,000 honest accounts.</item>
/// <item><b>Reviews per 10,000</b>: honest accounts with any review decision, per 10,000 honest accounts.</item>
/// </list>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed record QualityReport
{
    /// <summary>Events evaluated, history included.</summary>
    public required int Events { get; init; }

    /// <summary>Honest accounts.</summary>
    public required int HonestAccounts { get; init; }

    /// <summary>Attacked accounts.</summary>
    public required int AttackedAccounts { get; init; }

    /// <summary>Attacked accounts with at least one fraudulent buy order (the prevention denominator).</summary>
    public required int AttackedAccountsWithBuys { get; init; }

    /// <summary>Attacked accounts whose first fraudulent buy was stopped.</summary>
    public required int Prevented { get; init; }

    /// <summary>Share of <see cref="AttackedAccountsWithBuys"/> that were <see cref="Prevented"/>, 0–1.</summary>
    public double PreventionRate => AttackedAccountsWithBuys == 0 ? 0 : (double)Prevented / AttackedAccountsWithBuys;

    /// <summary>Yen value of all fraudulent buy orders.</summary>
    public required decimal FraudulentBuyValueJpy { get; init; }

    /// <summary>Yen value of the fraudulent buy orders that were stopped.</summary>
    public required decimal HeldBuyValueJpy { get; init; }

    /// <summary>Share of fraudulent buy value stopped, 0–1.</summary>
    public double FraudulentBuyValueHeldShare => FraudulentBuyValueJpy == 0 ? 0 : (double)(HeldBuyValueJpy / FraudulentBuyValueJpy);

    /// <summary>Fraudulent withdrawal requests.</summary>
    public required int FraudulentWithdrawals { get; init; }

    /// <summary>Fraudulent withdrawal requests that were stopped.</summary>
    public required int StoppedFraudulentWithdrawals { get; init; }

    /// <summary>Honest accounts with any hold or freeze in their timeline.</summary>
    public required int HonestAccountsHeld { get; init; }

    /// <summary>Honest accounts with any review in their timeline.</summary>
    public required int HonestAccountsReviewed { get; init; }

    /// <summary><see cref="HonestAccountsHeld"/> per 10,000 honest accounts.</summary>
    public double FalseHoldsPer10K => Per10K(HonestAccountsHeld, HonestAccounts);

    /// <summary><see cref="HonestAccountsReviewed"/> per 10,000 honest accounts.</summary>
    public double ReviewsPer10K => Per10K(HonestAccountsReviewed, HonestAccounts);

    /// <summary>Accounts (honest or not) with a hold or freeze during their generated history, while the detector was still learning them.</summary>
    public required int AccountsHeldDuringHistory { get; init; }

    /// <summary>The figures per account tag (attack variant or honest behaviour), attacks first, by tag.</summary>
    public required IReadOnlyList<TagQuality> ByTag { get; init; }

    /// <summary>Measures an evaluated scenario.</summary>
    /// <param name="result">The evaluated scenario.</param>
    /// <returns>The report.</returns>
    public static QualityReport Measure(ScenarioResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var accounts = result.Scenario.Accounts.ToDictionary(a => a.Id, a => new Tally(a), StringComparer.Ordinal);
        foreach (var e in result.Events)
        {
            if (!accounts.TryGetValue(e.Event.Account, out var t))
            {
                continue;
            }

            var stopped = e.IsStopped || t.Frozen;
            if (e.Decision is { Kind: DecisionKind.Freeze, Status: DecisionStatus.Evaluated })
            {
                t.Frozen = true;
            }

            if (e.IsHistory)
            {
                t.HeldInHistory |= e.IsStopped;
                continue;
            }

            t.Held |= e.IsStopped;
            t.Reviewed |= e.Decision is { Kind: DecisionKind.Review, Status: DecisionStatus.Evaluated };
            if (e.IsFraudulent && e.Event is OrderEvent { Side: OrderSide.Buy } buy)
            {
                t.FirstBuyStopped ??= stopped;
                t.BuyValue += buy.NotionalJpy;
                t.StoppedValue += stopped ? buy.NotionalJpy : 0;
            }
            else if (e.IsFraudulent && e.Event is WithdrawalRequestEvent)
            {
                t.Withdrawals++;
                t.StoppedWithdrawals += stopped ? 1 : 0;
            }
        }

        var all = accounts.Values.ToList();
        var honest = all.Where(a => !a.Account.IsAttacked).ToList();
        var attacked = all.Where(a => a.Account.IsAttacked).ToList();
        return new QualityReport
        {
            Events = result.Events.Count,
            HonestAccounts = honest.Count,
            AttackedAccounts = attacked.Count,
            AttackedAccountsWithBuys = attacked.Count(a => a.FirstBuyStopped is not null),
            Prevented = attacked.Count(a => a.FirstBuyStopped == true),
            FraudulentBuyValueJpy = attacked.Sum(a => a.BuyValue),
            HeldBuyValueJpy = attacked.Sum(a => a.StoppedValue),
            FraudulentWithdrawals = attacked.Sum(a => a.Withdrawals),
            StoppedFraudulentWithdrawals = attacked.Sum(a => a.StoppedWithdrawals),
            HonestAccountsHeld = honest.Count(a => a.Held),
            HonestAccountsReviewed = honest.Count(a => a.Reviewed),
            AccountsHeldDuringHistory = all.Count(a => a.HeldInHistory),
            ByTag = all.GroupBy(a => (a.Account.IsAttacked, a.Account.Tag))
                .OrderByDescending(g => g.Key.IsAttacked).ThenBy(g => g.Key.Tag, StringComparer.Ordinal)
                .Select(g => new TagQuality(
                    g.Key.Tag,
                    g.Key.IsAttacked,
                    g.Count(),
                    g.Key.IsAttacked ? g.Count(a => a.FirstBuyStopped == true || (a.FirstBuyStopped is null && a.Withdrawals > 0 && a.StoppedWithdrawals == a.Withdrawals)) : g.Count(a => a.Held),
                    g.Count(a => a.Reviewed),
                    g.Sum(a => a.BuyValue),
                    g.Sum(a => a.StoppedValue)))
                .ToList(),
        };
    }

    /// <summary>Renders the report as plain text.</summary>
    /// <returns>The report.</returns>
    public override string ToString() => Render(markdown: false);

    /// <summary>Renders the report as a Markdown table.</summary>
    /// <returns>The report.</returns>
    public string ToMarkdown() => Render(markdown: true);

    private string Render(bool markdown)
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        void Row(string name, string value) => sb.Append(markdown ? string.Create(c, $"| {name} | {value} |\n") : string.Create(c, $"{name,-44} {value}\n"));

        if (markdown)
        {
            sb.Append("| measure | value |\n|---|---|\n");
        }

        Row("events evaluated", Events.ToString("N0", c));
        Row("honest accounts", HonestAccounts.ToString("N0", c));
        Row("attacked accounts (with fraudulent buys)", string.Create(c, $"{AttackedAccounts:N0} ({AttackedAccountsWithBuys:N0})"));
        Row("prevention rate (first fraudulent buy held)", string.Create(c, $"{PreventionRate:P1} ({Prevented:N0}/{AttackedAccountsWithBuys:N0})"));
        Row("fraudulent buy value held", string.Create(c, $"{FraudulentBuyValueHeldShare:P1} (¥{HeldBuyValueJpy:N0} of ¥{FraudulentBuyValueJpy:N0})"));
        Row("fraudulent withdrawals stopped", string.Create(c, $"{StoppedFraudulentWithdrawals:N0}/{FraudulentWithdrawals:N0}"));
        Row("false holds per 10,000 honest accounts", string.Create(c, $"{FalseHoldsPer10K:F1} ({HonestAccountsHeld:N0} accounts)"));
        Row("reviews per 10,000 honest accounts", string.Create(c, $"{ReviewsPer10K:F1} ({HonestAccountsReviewed:N0} accounts)"));
        Row("accounts held during history (learning)", AccountsHeldDuringHistory.ToString("N0", c));

        sb.Append('\n');
        sb.Append(markdown
            ? "| account tag | kind | accounts | stopped | reviewed | buy value held |\n|---|---|---:|---:|---:|---:|\n"
            : string.Create(c, $"{"account tag",-24} {"kind",-7} {"accounts",9} {"stopped",9} {"reviewed",9} {"value held",11}\n"));
        foreach (var t in ByTag)
        {
            var kind = t.IsAttacked ? "attack" : "honest";
            var valueHeld = t.BuyValueJpy == 0 ? "-" : (t.StoppedBuyValueJpy / t.BuyValueJpy).ToString("P1", c);
            sb.Append(markdown
                ? string.Create(c, $"| {t.Tag} | {kind} | {t.Accounts:N0} | {t.Stopped:N0} | {t.Reviewed:N0} | {valueHeld} |\n")
                : string.Create(c, $"{t.Tag,-24} {kind,-7} {t.Accounts,9:N0} {t.Stopped,9:N0} {t.Reviewed,9:N0} {valueHeld,11}\n"));
        }

        return sb.ToString();
    }

    private static double Per10K(int count, int total) => total == 0 ? 0 : count * 10_000.0 / total;

    private sealed class Tally(ScenarioAccount account)
    {
        public ScenarioAccount Account { get; } = account;

        public bool Frozen { get; set; }

        public bool Held { get; set; }

        public bool Reviewed { get; set; }

        public bool HeldInHistory { get; set; }

        public bool? FirstBuyStopped { get; set; }

        public decimal BuyValue { get; set; }

        public decimal StoppedValue { get; set; }

        public int Withdrawals { get; set; }

        public int StoppedWithdrawals { get; set; }
    }
}

/// <summary>Quality figures for the accounts with one tag.</summary>
/// <param name="Tag">The attack variant or honest behaviour.</param>
/// <param name="IsAttacked">Whether these accounts were attacked.</param>
/// <param name="Accounts">How many accounts.</param>
/// <param name="Stopped">Attacked: accounts whose first fraudulent buy (or, with no buys, every fraudulent withdrawal) was stopped. Honest: accounts with any hold or freeze.</param>
/// <param name="Reviewed">Accounts with any review decision.</param>
/// <param name="BuyValueJpy">Fraudulent buy value (attacked accounts only).</param>
/// <param name="StoppedBuyValueJpy">Stopped fraudulent buy value.</param>
public sealed record TagQuality(string Tag, bool IsAttacked, int Accounts, int Stopped, int Reviewed, decimal BuyValueJpy, decimal StoppedBuyValueJpy);
