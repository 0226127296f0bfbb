using System.Globalization;
using System.Text;
using TakeoverRules.Passwords;
using TakeoverRules.Passwords.Matching;

/// <summary>
/// <c>--leaks DIR</c>: scores DIR/leaks.tsv (written by leaks.mjs) with TakeoverRules and prints, per held-out set,
/// the weighted Spearman correlation of each meter's guesses (and score) with the leak's frequency order, the plain
/// Spearman, and rank-bucket accuracy.
/// Weighting: the reference is a rank r in frequency order; a password's weight is 1/r, the Zipf estimate of its
/// relative frequency, so the frequent passwords an online attacker tries first dominate, as in the benchmark
/// (weights proportional to frequency). Ranks of both variables are weighted too (mid-point of the cumulative weight),
/// then the weighted Pearson correlation of those ranks is taken.
/// Rank buckets: decade of the reference rank (1–9, 10–99, …) against the decade of the meter's guesses.
/// </summary>
internal static class LeakEvaluation
{
    /// <summary>
    /// <paramref name="lines"/>: "all", or "even"/"odd" to keep the rows whose line in RockYou's list has that parity
    /// (odd lines tune the learned model's blend, even lines report it); <paramref name="useModel"/> false scores with
    /// the pattern decomposition alone (the "before" column).
    /// </summary>
    public static int Run(string dir, string lines = "all", bool useModel = true)
    {
        var rows = Read(dir, lines);
        var estimator = new PasswordStrengthEstimator { UseLearnedModel = useModel };
        foreach (var r in rows)
        {
            var e = estimator.Estimate(r.Password);
            r.Ours = e.GuessesLog10;
            r.OursScore = (int)e.Score;
        }

        var report = new StringBuilder();
        report.AppendLine("| set | n | weighted ρ guesses: TakeoverRules / zxcvbn 4.4.2 | weighted ρ score | plain ρ guesses | rank decade exact | within one decade |");
        report.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var set in rows.GroupBy(r => r.Set))
        {
            var list = set.ToList();
            var reference = list.Select(r => (double)r.Rank).ToArray();
            var weights = list.Select(r => 1.0 / r.Rank).ToArray();
            var ones = list.Select(_ => 1.0).ToArray();
            double[] ours = [.. list.Select(r => r.Ours)], zx = [.. list.Select(r => r.Zxcvbn)];
            double[] oursScore = [.. list.Select(r => (double)r.OursScore)], zxScore = [.. list.Select(r => (double)r.ZxcvbnScore)];
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| {set.Key} | {list.Count} | {F(Spearman(reference, ours, weights))} / {F(Spearman(reference, zx, weights))} | {F(Spearman(reference, oursScore, weights))} / {F(Spearman(reference, zxScore, weights))} | {F(Spearman(reference, ours, ones))} / {F(Spearman(reference, zx, ones))} | {F(Decade(list, r => r.Ours, 0))} / {F(Decade(list, r => r.Zxcvbn, 0))} | {F(Decade(list, r => r.Ours, 1))} / {F(Decade(list, r => r.Zxcvbn, 1))} |");
        }

        Console.WriteLine(report);
        var suffix = (lines == "all" ? "" : "-" + lines) + (useModel ? "" : "-patterns");
        File.WriteAllText(Path.Combine(dir, $"leaks-report{suffix}.md"), report.ToString());
        using var detail = new StreamWriter(Path.Combine(dir, $"leaks-scored{suffix}.tsv"));
        // The two parts of the blend, for analysing it offline: the patterns' estimate and the model's (inf: not scored).
        var patterns = new PasswordStrengthEstimator { UseLearnedModel = false };
        foreach (var r in rows)
        {
            var model = MarkovModel.Instance.TryGuessesLog10(PasswordNormalization.Normalize(r.Password), out var m) ? m : double.PositiveInfinity;
            detail.WriteLine(FormattableString.Invariant($"{r.Set}\t{r.Rank}\t{r.Password}\t{r.Ours:F2}\t{r.Zxcvbn:F2}\t{r.OursScore}\t{r.ZxcvbnScore}\t{patterns.Estimate(r.Password).GuessesLog10:F4}\t{model:F4}\t{r.Line}"));
        }
        return 0;
    }

    /// <summary>The rows of DIR/leaks.tsv on the given line parity ("all", "even", "odd").</summary>
    public static List<LeakRow> Read(string dir, string lines)
    {
        var parity = lines switch { "all" => -1, "even" => 0, "odd" => 1, _ => throw new ArgumentException($"--lines takes all, even or odd, not {lines}") };
        return File.ReadAllLines(Path.Combine(dir, "leaks.tsv"), Encoding.UTF8).Where(l => l.Length > 0).Select(Parse)
            .Where(r => parity < 0 || r.Line % 2 == parity).ToList();
    }

    /// <summary>Weighted Spearman of a meter's values against the rows' reference ranks (weights 1/rank).</summary>
    public static double WeightedSpearman(IReadOnlyList<LeakRow> rows, double[] values) =>
        Spearman([.. rows.Select(r => (double)r.Rank)], values, [.. rows.Select(r => 1.0 / r.Rank)]);

    private static string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    // Share of passwords whose guesses fall within `slack` decades of the decade of their reference rank.
    private static double Decade(List<LeakRow> rows, Func<LeakRow, double> log10, int slack) =>
        rows.Count(r => Math.Abs(Math.Floor(Math.Max(0, log10(r))) - Math.Floor(Math.Log10(r.Rank))) <= slack) / (double)rows.Count;

    private static double Spearman(double[] x, double[] y, double[] w) => Pearson(WeightedRanks(x, w), WeightedRanks(y, w), w);

    internal static double Pearson(double[] x, double[] y, double[] w)
    {
        double sw = 0, mx = 0, my = 0;
        for (var i = 0; i < x.Length; i++)
        {
            sw += w[i];
            mx += w[i] * x[i];
            my += w[i] * y[i];
        }

        mx /= sw;
        my /= sw;
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            sxy += w[i] * (x[i] - mx) * (y[i] - my);
            sxx += w[i] * (x[i] - mx) * (x[i] - mx);
            syy += w[i] * (y[i] - my) * (y[i] - my);
        }

        return sxy / Math.Sqrt(sxx * syy);
    }

    // Tied values share the mid-point of their cumulative weight.
    internal static double[] WeightedRanks(double[] values, double[] w)
    {
        var order = Enumerable.Range(0, values.Length).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Length];
        double below = 0;
        for (var i = 0; i < order.Length;)
        {
            var j = i;
            var tied = w[order[i]];
            while (j + 1 < order.Length && values[order[j + 1]] == values[order[i]]) tied += w[order[++j]];
            for (var k = i; k <= j; k++) ranks[order[k]] = below + (tied / 2);
            below += tied;
            i = j + 1;
        }

        return ranks;
    }

    private static LeakRow Parse(string line)
    {
        var f = line.Split('\t');
        return new LeakRow(f[0], int.Parse(f[1], CultureInfo.InvariantCulture), f[2],
            double.Parse(f[3], CultureInfo.InvariantCulture), int.Parse(f[4], CultureInfo.InvariantCulture),
            f.Length > 5 ? int.Parse(f[5], CultureInfo.InvariantCulture) : 0);
    }
}

internal sealed record LeakRow(string Set, int Rank, string Password, double Zxcvbn, int ZxcvbnScore, int Line)
{
    public double Ours { get; set; }

    public int OursScore { get; set; }
}
