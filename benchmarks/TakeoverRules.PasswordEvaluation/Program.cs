using System.Globalization;
using System.Text;
using TakeoverRules.Passwords;

// Scores the corpus written by corpus.mjs with TakeoverRules and compares it with the anchors' scores.
//   dotnet run -c Release --project benchmarks/TakeoverRules.PasswordEvaluation -- DIR
// With --leaks DIR [--lines all|even|odd] [--no-model] it scores the held-out leak sets of leaks.mjs instead
// (LeakEvaluation.cs); with --tune DIR it searches the learned model's blend constants on the odd lines (ModelTuning.cs);
// with --tune-score DIR [--lines odd|even|all] [--bands "t0,t1,t2,t3;…"] it searches or reports the score's band edges (ScoreTuning.cs).
// With --cold-start [--cold-start-no-model] it only measures the first estimate in this fresh process (ColdStart.cs).
// Main touches no library type itself: the JIT would otherwise load the assembly and its types before the clock starts.
return args is ["--cold-start" or "--cold-start-no-model" or "--cold-start-baseline", ..] ? ColdStart.Run(args)
    : args is ["--leaks", var leaks, ..] ? LeakEvaluation.Run(leaks, Option(args, "--lines") ?? "all", !args.Contains("--no-model"))
    : args is ["--tune", var tune] ? ModelTuning.Run(tune)
    : args is ["--tune-score", var bands, ..] ? ScoreTuning.Run(bands, Option(args, "--lines") ?? "odd", Option(args, "--bands"))
    : Evaluate(args);

static string? Option(string[] args, string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

static int Evaluate(string[] args)
{
    var dir = args.Length > 0 ? args[0] : "artifacts/password-eval";
    var corpus = File.ReadAllLines(Path.Combine(dir, "corpus.tsv"), Encoding.UTF8).Where(l => l.Length > 0).Select(l => l.Split('\t', 3)).ToArray();
    var anchors = File.ReadAllLines(Path.Combine(dir, "anchors.tsv")).Where(l => l.Length > 0).Select(l => l.Split('\t')).ToArray();
    if (corpus.Length != anchors.Length) throw new InvalidDataException($"corpus has {corpus.Length} lines, anchors {anchors.Length}");

    var estimator = new PasswordStrengthEstimator();
    var rows = new List<Row>(corpus.Length);
    for (var i = 0; i < corpus.Length; i++)
    {
        var ours = estimator.Estimate(corpus[i][2]);
        rows.Add(new Row(corpus[i][0], int.Parse(corpus[i][1], CultureInfo.InvariantCulture), corpus[i][2],
            [ours.GuessesLog10, Parse(anchors[i][0]), Parse(anchors[i][2])],
            [(int)ours.Score, int.Parse(anchors[i][1], CultureInfo.InvariantCulture), int.Parse(anchors[i][3], CultureInfo.InvariantCulture)]));
    }

    string[] meters = ["TakeoverRules", "zxcvbn 4.4.2", "zxcvbn-ts 4.2.0 + ja"];
    var report = new StringBuilder();
    report.AppendLine(CultureInfo.InvariantCulture, $"| metric | {string.Join(" | ", meters)} |");
    report.AppendLine("|---|---|---|---|");
    Line("leak (held-out RockYou): Spearman ρ(attacker rank, log10 guesses)", m => Spearman(Where("leak"), m));
    Line("leak: share scored 0–1 (bar ≥ 95%)", m => Share(Where("leak"), r => r.Scores[m] <= 1));
    Line("leak: share scored 0–2", m => Share(Where("leak"), r => r.Scores[m] <= 2));
    Line("leak: median log10 guesses", m => Median(Where("leak"), m));
    Line("mangled words: share scored 0–1", m => Share(Where("mangled"), r => r.Scores[m] <= 1));
    Line("mangled words: share scored 0–2", m => Share(Where("mangled"), r => r.Scores[m] <= 2));
    Line("Japanese patterns: share scored 0–1", m => Share(Where("japanese"), r => r.Scores[m] <= 1));
    Line("Japanese patterns: share scored 0–2", m => Share(Where("japanese"), r => r.Scores[m] <= 2));
    Line("Japanese published leak entries: share scored 0–1", m => Share(Where("japanese-leak"), r => r.Scores[m] <= 1));
    Line("random 12–20 chars: share scored below 3 (bar ≤ 5%)", m => Share(Where("random"), r => r.Scores[m] < 3));
    Line("4-word passphrases: share scored 3–4", m => Share(Where("passphrase"), r => r.Scores[m] >= 3));
    Console.WriteLine(report);
    File.WriteAllText(Path.Combine(dir, "report.md"), report.ToString());

    // Per-category misses of TakeoverRules, for tuning (written to a file, never to the committed docs).
    using (var misses = new StreamWriter(Path.Combine(dir, "misses.tsv")))
    {
        foreach (var r in rows.Where(r => (r.Category is "leak" or "japanese" or "japanese-leak" && r.Scores[0] >= 2) || (r.Category == "random" && r.Scores[0] < 3)))
            misses.WriteLine(string.Join('\t', r.Category, r.Rank, r.Password, r.Log10[0].ToString("F2", CultureInfo.InvariantCulture), r.Log10[1].ToString("F2", CultureInfo.InvariantCulture), r.Log10[2].ToString("F2", CultureInfo.InvariantCulture)));
    }

    return 0;

    List<Row> Where(string category) => rows.Where(r => r.Category == category).ToList();

    void Line(string name, Func<int, double> metric) =>
        report.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {string.Join(" | ", Enumerable.Range(0, meters.Length).Select(m => metric(m).ToString("0.000", CultureInfo.InvariantCulture)))} |");

    static double Share(List<Row> rows, Func<Row, bool> predicate) => rows.Count == 0 ? double.NaN : rows.Count(predicate) / (double)rows.Count;

    static double Median(List<Row> rows, int meter)
    {
        var values = rows.Select(r => r.Log10[meter]).Order().ToArray();
        return values.Length == 0 ? double.NaN : values[values.Length / 2];
    }

    static double Spearman(List<Row> rows, int meter)
    {
        var x = Ranks(rows.Select(r => (double)r.Rank).ToArray());
        var y = Ranks(rows.Select(r => r.Log10[meter]).ToArray());
        double mx = x.Average(), my = y.Average(), sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }

        return sxy / Math.Sqrt(sxx * syy);
    }

    // Average ranks, ties sharing their mean rank.
    static double[] Ranks(double[] values)
    {
        var order = Enumerable.Range(0, values.Length).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Length];
        for (var i = 0; i < order.Length;)
        {
            var j = i;
            while (j + 1 < order.Length && values[order[j + 1]] == values[order[i]]) j++;
            for (var k = i; k <= j; k++) ranks[order[k]] = (i + j) / 2.0;
            i = j + 1;
        }

        return ranks;
    }

    static double Parse(string s) => double.Parse(s, CultureInfo.InvariantCulture);
}

internal sealed record Row(string Category, int Rank, string Password, double[] Log10, int[] Scores);
