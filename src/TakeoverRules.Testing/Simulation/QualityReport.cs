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

    /// <summary>Review decisions on honest accounts' timeline events (every line counts, not only the first per account).</summary>
    public int HonestReviewLines { get; init; }

    /// <summary><see cref="HonestReviewLines"/> per honest account.</summary>
    public double ReviewLinesPerHonestAccount => HonestAccounts == 0 ? 0 : (double)HonestReviewLines / HonestAccounts;

    /// <summary>Share of honest accounts with any review, 0–1.</summary>
    public double HonestReviewedShare => HonestAccounts == 0 ? 0 : (double)HonestAccountsReviewed / HonestAccounts;

    /// <summary>
    /// Honest accounts per behaviour (<see cref="PopulationGenerator.HonestBehaviours"/>, victims excluded; an account counts
    /// under each behaviour it shows) plus <c>none</c>, the honest accounts with none of the non-noise behaviours. Empty when
    /// measured without labels.
    /// </summary>
    public IReadOnlyList<BehaviourQuality> ByBehaviour { get; init; } = [];

    /// <summary>The bars of a deployable detector (issue 12), each with the measured value and whether it is met.</summary>
    public IReadOnlyList<QualityBar> Bars => [.. BarsOf()];

    private IEnumerable<QualityBar> BarsOf()
    {
        yield return new QualityBar("false holds per 10,000 honest accounts", FalseHoldsPer10K, 5, AtMost: true);
        yield return new QualityBar("share of honest accounts with any review", HonestReviewedShare, 0.10, AtMost: true);
        yield return new QualityBar("review lines per honest account", ReviewLinesPerHonestAccount, 0.3, AtMost: true);
        yield return new QualityBar("prevention (first fraudulent buy held or frozen)", PreventionRate, 0.95, AtMost: false);
        yield return new QualityBar("fraudulent buy value held", FraudulentBuyValueHeldShare, 0.97, AtMost: false);
        foreach (var t in ByTag.Where(t => t.IsAttacked && t.Measurable > 0))
        {
            yield return new QualityBar("prevention, " + t.Tag, t.StoppedShare, 0.90, AtMost: false);
        }
    }

    /// <summary>Measures an evaluated population against its labels, also per behaviour.</summary>
    /// <param name="result">The evaluated <see cref="Population.Scenario"/>.</param>
    /// <param name="population">The population, for its labels.</param>
    /// <returns>The report.</returns>
    public static QualityReport Measure(ScenarioResult result, Population population)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(population);
        return Measure(result, population.Labels);
    }

    /// <summary>Measures an evaluated scenario.</summary>
    /// <param name="result">The evaluated scenario.</param>
    /// <returns>The report.</returns>
    public static QualityReport Measure(ScenarioResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Measure(result, labels: null);
    }

    private static QualityReport Measure(ScenarioResult result, IReadOnlyList<AccountLabel>? labels)
    {
        var accounts = result.Scenario.Accounts.ToDictionary(a => a.Id, a => new Tally(a), StringComparer.Ordinal);
        // A fraudulent buy delivered twice counts once, whatever the decision function made of the copy.
        var countedBuys = new HashSet<string>(StringComparer.Ordinal);
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

            if (e.Decision is { Status: DecisionStatus.Duplicate })
            {
                // A repeated delivery: its first copy counted.
                continue;
            }

            t.Held |= e.IsStopped;
            var review = e.Decision is { Kind: DecisionKind.Review, Status: DecisionStatus.Evaluated };
            t.Reviewed |= review;
            t.ReviewLines += review ? 1 : 0;
            if (e.IsFraudulent && e.Event is OrderEvent { Side: OrderSide.Buy } buy && countedBuys.Add(buy.Id))
            {
                t.FirstBuyStopped ??= stopped;
                t.BuyValue += buy.NotionalJpy;
                t.StoppedValue += stopped ? buy.NotionalJpy : 0;
            }
            else if (e.IsFraudulent && e.Event is WithdrawalRequestEvent withdrawal && countedBuys.Add(withdrawal.Id))
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
                    g.Sum(a => a.StoppedValue))
                {
                    Measurable = g.Key.IsAttacked ? g.Count(a => a.FirstBuyStopped is not null || a.Withdrawals > 0) : g.Count(),
                    ReviewLines = g.Sum(a => a.ReviewLines),
                })
                .ToList(),
            HonestReviewLines = honest.Sum(a => a.ReviewLines),
            ByBehaviour = labels is null ? [] : ByBehaviourOf(labels, accounts),
        };
    }

    private static List<BehaviourQuality> ByBehaviourOf(IReadOnlyList<AccountLabel> labels, Dictionary<string, Tally> accounts)
    {
        var rows = new List<BehaviourQuality>();
        var honest = labels.Where(l => !l.IsAttacked && accounts.ContainsKey(l.Account)).Select(l => (Label: l, Tally: accounts[l.Account])).ToList();
        static BehaviourQuality Row(string name, IEnumerable<(AccountLabel Label, Tally Tally)> group)
        {
            var list = group.ToList();
            return new BehaviourQuality(name, list.Count, list.Count(x => x.Tally.Held), list.Count(x => x.Tally.Reviewed), list.Sum(x => x.Tally.ReviewLines));
        }

        foreach (var behaviour in PopulationGenerator.HonestBehaviours)
        {
            rows.Add(Row(behaviour, honest.Where(x => x.Label.Behaviours.Contains(behaviour))));
        }

        rows.Add(Row("none", honest.Where(x => !x.Label.Behaviours.Except(PopulationGenerator.NoiseBehaviours).Any())));
        return rows;
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
        Row("review lines per honest account", ReviewLinesPerHonestAccount.ToString("F3", c));
        Row("accounts held during history (learning)", AccountsHeldDuringHistory.ToString("N0", c));

        sb.Append('\n');
        sb.Append(markdown ? "| bar | measured | bar | met |\n|---|---:|---:|---|\n" : string.Create(c, $"{"bar",-52} {"measured",10} {"bar",8} met\n"));
        foreach (var b in Bars)
        {
            var percent = b.Bar < 1;
            var value = percent ? b.Value.ToString("P1", c) : b.Value.ToString("F1", c);
            var bar = (b.AtMost ? "≤ " : "≥ ") + (percent ? b.Bar.ToString("P0", c) : b.Bar.ToString("F0", c));
            if (b.Name.StartsWith("review lines", StringComparison.Ordinal))
            {
                value = b.Value.ToString("F3", c);
                bar = "≤ " + b.Bar.ToString("F1", c);
            }

            sb.Append(markdown ? string.Create(c, $"| {b.Name} | {value} | {bar} | {(b.Met ? "yes" : "**no**")} |\n") : string.Create(c, $"{b.Name,-52} {value,10} {bar,8} {(b.Met ? "yes" : "no")}\n"));
        }

        sb.Append('\n');
        sb.Append(markdown
            ? "| account tag | kind | accounts | stopped | stopped share | reviewed | buy value held |\n|---|---|---:|---:|---:|---:|---:|\n"
            : string.Create(c, $"{"account tag",-24} {"kind",-7} {"accounts",9} {"stopped",9} {"share",7} {"reviewed",9} {"value held",11}\n"));
        foreach (var t in ByTag.Where(t => t.IsAttacked || ByBehaviour.Count == 0))
        {
            var kind = t.IsAttacked ? "attack" : "honest";
            var valueHeld = t.BuyValueJpy == 0 ? "-" : (t.StoppedBuyValueJpy / t.BuyValueJpy).ToString("P1", c);
            var share = t.StoppedShare.ToString("P1", c);
            sb.Append(markdown
                ? string.Create(c, $"| {t.Tag} | {kind} | {t.Accounts:N0} | {t.Stopped:N0} | {share} | {t.Reviewed:N0} | {valueHeld} |\n")
                : string.Create(c, $"{t.Tag,-24} {kind,-7} {t.Accounts,9:N0} {t.Stopped,9:N0} {share,7} {t.Reviewed,9:N0} {valueHeld,11}\n"));
        }

        if (ByBehaviour.Count > 0)
        {
            sb.Append('\n');
            sb.Append(markdown
                ? "| honest behaviour | accounts | false holds per 10k | accounts with any review | review lines per account |\n|---|---:|---:|---:|---:|\n"
                : string.Create(c, $"{"honest behaviour",-24} {"accounts",9} {"holds/10k",10} {"reviewed",9} {"lines/acct",11}\n"));
            foreach (var b in ByBehaviour)
            {
                sb.Append(markdown
                    ? string.Create(c, $"| {b.Behaviour} | {b.Accounts:N0} | {b.FalseHoldsPer10K:F0} ({b.Held:N0}) | {b.ReviewedShare:P1} | {b.ReviewLinesPerAccount:F2} |\n")
                    : string.Create(c, $"{b.Behaviour,-24} {b.Accounts,9:N0} {b.FalseHoldsPer10K,10:F0} {b.ReviewedShare,9:P1} {b.ReviewLinesPerAccount,11:F2}\n"));
            }
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

        public int ReviewLines { get; set; }

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
public sealed record TagQuality(string Tag, bool IsAttacked, int Accounts, int Stopped, int Reviewed, decimal BuyValueJpy, decimal StoppedBuyValueJpy)
{
    /// <summary>Attacked: accounts with a fraudulent buy or withdrawal (what <see cref="Stopped"/> can count). Honest: every account.</summary>
    public int Measurable { get; init; }

    /// <summary>Review decisions on these accounts' timeline events.</summary>
    public int ReviewLines { get; init; }

    /// <summary><see cref="Stopped"/> over <see cref="Measurable"/>, 0–1 (for attacks, the variant's prevention rate).</summary>
    public double StoppedShare => Measurable == 0 ? 0 : (double)Stopped / Measurable;
}

/// <summary>Quality figures for the honest accounts that show one behaviour.</summary>
/// <param name="Behaviour">The behaviour, or <c>none</c>.</param>
/// <param name="Accounts">Honest accounts with it.</param>
/// <param name="Held">Of them, accounts with any hold or freeze.</param>
/// <param name="Reviewed">Of them, accounts with any review.</param>
/// <param name="ReviewLines">Review decisions on their timeline events.</param>
public sealed record BehaviourQuality(string Behaviour, int Accounts, int Held, int Reviewed, int ReviewLines)
{
    /// <summary>Held accounts per 10,000 accounts with the behaviour.</summary>
    public double FalseHoldsPer10K => Accounts == 0 ? 0 : Held * 10_000.0 / Accounts;

    /// <summary>Share of the accounts with any review, 0–1.</summary>
    public double ReviewedShare => Accounts == 0 ? 0 : (double)Reviewed / Accounts;

    /// <summary>Review lines per account.</summary>
    public double ReviewLinesPerAccount => Accounts == 0 ? 0 : (double)ReviewLines / Accounts;
}

/// <summary>One bar of a deployable detector with its measured value.</summary>
/// <param name="Name">What is measured.</param>
/// <param name="Value">The measured value (a share 0–1, a rate per 10,000, or lines per account).</param>
/// <param name="Bar">The bar.</param>
/// <param name="AtMost">Whether the value must be at most the bar (otherwise at least).</param>
public sealed record QualityBar(string Name, double Value, double Bar, bool AtMost)
{
    /// <summary>Whether the bar is met.</summary>
    public bool Met => AtMost ? Value <= Bar : Value >= Bar;
}
