using System.Globalization;
using System.Text;
using TakeoverRules.Passwords;

/// <summary>
/// <c>--tune-score DIR</c>: searches the four band edges of the 0–4 score (log10 guesses t0 &lt; t1 &lt; t2 &lt; t3; the
/// score is the number of edges at or below a password's log10) on the tuning split of DIR/leaks.tsv (odd lines),
/// maximising the smallest lead of the score's weighted Spearman (weights 1/rank) over zxcvbn 4.4.2's score across the
/// sets (it also lists the candidates with the largest smallest gain over the shipped bands). Each password is estimated once; only the banding varies, so the guess estimation is not touched. Candidates
/// must keep the synthetic bars of DIR/corpus.tsv (corpus.mjs): random 12–20 character strings all at score 3 or more,
/// 4-word passphrases all at 3–4, the leak slice at 0–1 for 95 % or more. The edges stay inside ranges an attacker model
/// justifies (see <see cref="Grid"/>).
/// <c>--tune-score DIR --lines even|odd|all --bands "t0,t1,t2,t3;…"</c> evaluates the given candidates instead, next to
/// the shipped bands and zxcvbn's score (the report split is the even lines; use --lines all for japanese.mjs's sets).
/// </summary>
internal static class ScoreTuning
{
    public static int Run(string dir, string lines, string? bands)
    {
        if (bands is null && lines != "odd") throw new ArgumentException("the search runs on the odd lines only; pass --bands to report candidates on other lines");
        var rows = LeakEvaluation.Read(dir, lines);
        var estimator = new PasswordStrengthEstimator();
        var sets = rows.GroupBy(r => r.Set).Select(g => new Set(g.Key, [.. g], [.. g.Select(r => estimator.Estimate(r.Password).GuessesLog10)])).ToList();
        var synthetic = Synthetic(dir, estimator);
        var zxcvbn = sets.Select(s => LeakEvaluation.WeightedSpearman(s.Rows, [.. s.Rows.Select(r => (double)r.ZxcvbnScore)])).ToArray();
        var shipped = sets.Select(s => LeakEvaluation.WeightedSpearman(s.Rows, [.. s.Log10.Select(v => (double)PasswordEstimate.ScoreOf(v))])).ToArray();

        Console.WriteLine(FormattableString.Invariant($"lines {lines}; sets {string.Join(" ", sets.Select(s => $"{s.Name}={s.Rows.Count}"))}; synthetic rows {synthetic.Count}"));
        Console.WriteLine("weighted ρ of the score (weights 1/rank); lead = ours − zxcvbn 4.4.2's score; synthetic: random below 3 / passphrases 3–4 / leak slice 0–1");
        Print("zxcvbn 4.4.2 score", zxcvbn, zxcvbn, null);
        Print("shipped ScoreOf", shipped, zxcvbn, Shares(synthetic, v => (int)PasswordEstimate.ScoreOf(v)));

        if (bands is not null)
        {
            foreach (var candidate in bands.Split(';', StringSplitOptions.RemoveEmptyEntries))
            {
                var t = candidate.Split(',').Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray();
                if (t.Length != 4) throw new ArgumentException($"--bands takes four edges per candidate, not {candidate}");
                Print("bands " + candidate, Rho(sets, t), zxcvbn, Shares(synthetic, v => Band(v, t)));
            }

            return 0;
        }

        var prepared = sets.Select(Prepare).ToList();
        var results = new List<(double[] T, double[] Rho, double Lead)>();
        var rejected = 0;
        foreach (var t in Grid())
        {
            var shares = Shares(synthetic, v => Band(v, t));
            if (shares is { } s && (s.RandomBelow3 > 0 || s.PhrasesStrong < 1 || s.LeakWeak < 0.95))
            {
                rejected++;
                continue;
            }

            var rho = prepared.Select(p => p.Rho(t)).ToArray();
            results.Add((t, rho, rho.Select((r, i) => r - zxcvbn[i]).Min()));
        }

        // Sanity: the bucketed ρ equals the general one.
        var check = Rho(sets, results[0].T);
        if (check.Select((r, i) => Math.Abs(r - results[0].Rho[i])).Max() > 1e-9) throw new InvalidOperationException("bucketed ρ differs from LeakEvaluation's");
        Console.WriteLine(FormattableString.Invariant($"grid: {results.Count} candidates kept, {rejected} broke a synthetic bar"));
        Console.WriteLine("best by smallest lead (ties: nearest the zxcvbn edges 3, 6, 8, 10):");
        foreach (var r in results.OrderByDescending(r => Math.Round(r.Lead, 4)).ThenBy(r => Distance(r.T)).Take(15))
            Print(string.Join(",", r.T.Select(v => v.ToString("0.00", CultureInfo.InvariantCulture))), r.Rho, zxcvbn, Shares(synthetic, v => Band(v, r.T)));

        // A candidate that moves every set the same way as the shipped bands, whatever zxcvbn does.
        Console.WriteLine("best by smallest gain over the shipped bands:");
        foreach (var r in results.OrderByDescending(r => Math.Round(r.Rho.Select((v, i) => v - shipped[i]).Min(), 4)).ThenBy(r => Distance(r.T)).Take(5))
            Print(string.Join(",", r.T.Select(v => v.ToString("0.00", CultureInfo.InvariantCulture))), r.Rho, zxcvbn, Shares(synthetic, v => Band(v, r.T)));

        // The edges one at a time (the others at 3, 6, 8, 10): how much each moves the sets.
        for (var edge = 0; edge < 4; edge++)
        {
            Console.WriteLine($"edge t{edge} alone:");
            foreach (var r in results.Where(r => Enumerable.Range(0, 4).All(k => k == edge || Math.Abs(r.T[k] - Zxcvbn[k]) < 1e-9)).OrderBy(r => r.T[edge]))
                Print(string.Join(",", r.T.Select(v => v.ToString("0.00", CultureInfo.InvariantCulture))), r.Rho, zxcvbn, null);
        }

        return 0;
    }

    private static readonly double[] Zxcvbn = [3, 6, 8, 10];

    /// <summary>
    /// Edge ranges an attacker model justifies (rates of <see cref="PasswordCrackTimes"/>): t0 10^2–10^4 (what a throttled
    /// login form at 100 guesses an hour gives away within a day or a few; NIST SP 800-63B's 100-failure lockout is 10^2);
    /// t1 10^5.5–10^7 (a year of that throttled attack is about 10^6); t2 10^7–10^9 (10^8 is about four months at
    /// 10 guesses a second unthrottled); t3 10^9–10^11 (10^10 is under two weeks offline on a slow hash at 10^4 a second).
    /// </summary>
    private static IEnumerable<double[]> Grid()
    {
        for (var t0 = 2.0; t0 <= 4.0 + 1e-9; t0 += 0.125)
        {
            for (var t1 = 5.5; t1 <= 7.0 + 1e-9; t1 += 0.125)
            {
                for (var t2 = 7.0; t2 <= 9.0 + 1e-9; t2 += 0.25)
                {
                    for (var t3 = 9.0; t3 <= 11.0 + 1e-9; t3 += 0.25)
                    {
                        if (t1 < t2 && t2 < t3) yield return [t0, t1, t2, t3];
                    }
                }
            }
        }
    }

    private static double Distance(double[] t) => t.Select((v, i) => Math.Abs(v - Zxcvbn[i])).Sum();

    private static int Band(double log10, double[] t) => log10 < t[0] ? 0 : log10 < t[1] ? 1 : log10 < t[2] ? 2 : log10 < t[3] ? 3 : 4;

    private static double[] Rho(List<Set> sets, double[] t) =>
        [.. sets.Select(s => LeakEvaluation.WeightedSpearman(s.Rows, [.. s.Log10.Select(v => (double)Band(v, t))]))];

    private static void Print(string name, double[] rho, double[] zxcvbn, (double RandomBelow3, double PhrasesStrong, double LeakWeak)? shares)
    {
        var lead = rho.Select((r, i) => r - zxcvbn[i]).Min();
        var synthetic = shares is { } s ? FormattableString.Invariant($"; synthetic {s.RandomBelow3:0.000}/{s.PhrasesStrong:0.000}/{s.LeakWeak:0.000}") : "";
        Console.WriteLine(FormattableString.Invariant($"  {name}: {string.Join(" ", rho.Select(r => r.ToString("0.000", CultureInfo.InvariantCulture)))} (lead {lead:+0.000;-0.000}){synthetic}"));
    }

    private static List<(string Category, double Log10)> Synthetic(string dir, PasswordStrengthEstimator estimator)
    {
        var file = Path.Combine(dir, "corpus.tsv");
        return File.Exists(file)
            ? [.. File.ReadAllLines(file, Encoding.UTF8).Where(l => l.Length > 0).Select(l => l.Split('\t', 3))
                .Where(f => f[0] is "random" or "passphrase" or "leak").Select(f => (f[0], estimator.Estimate(f[2]).GuessesLog10))]
            : [];
    }

    private static (double RandomBelow3, double PhrasesStrong, double LeakWeak)? Shares(List<(string Category, double Log10)> synthetic, Func<double, int> band)
    {
        if (synthetic.Count == 0) return null;
        double Share(string category, Func<int, bool> predicate)
        {
            var of = synthetic.Where(s => s.Category == category).ToList();
            return of.Count(s => predicate(band(s.Log10))) / (double)of.Count;
        }

        return (Share("random", b => b < 3), Share("passphrase", b => b >= 3), Share("leak", b => b <= 1));
    }

    // The reference's weighted ranks and weights once per set; a banded score has five values, so its weighted ranks
    // are the mid-points of five buckets' cumulative weights, and ρ is their weighted Pearson with the reference.
    private static Prepared Prepare(Set set)
    {
        var w = set.Rows.Select(r => 1.0 / r.Rank).ToArray();
        return new Prepared(LeakEvaluation.WeightedRanks([.. set.Rows.Select(r => (double)r.Rank)], w), w, set.Log10);
    }

    private sealed record Set(string Name, List<LeakRow> Rows, double[] Log10);

    private sealed record Prepared(double[] X, double[] W, double[] Log10)
    {
        public double Rho(double[] t)
        {
            Span<double> bucket = stackalloc double[5];
            var band = new int[Log10.Length];
            for (var i = 0; i < Log10.Length; i++) bucket[band[i] = Band(Log10[i], t)] += W[i];
            Span<double> mid = stackalloc double[5];
            double below = 0;
            for (var b = 0; b < 5; b++)
            {
                mid[b] = below + (bucket[b] / 2);
                below += bucket[b];
            }

            var y = new double[Log10.Length];
            for (var i = 0; i < y.Length; i++) y[i] = mid[band[i]];
            return LeakEvaluation.Pearson(X, y, W);
        }
    }
}
