using System.Text.Json;
using TakeoverRules.Facts.Data;

namespace TakeoverRules.Facts;

/// <summary>
/// The sourced, dated facts about the 2025 securities-account takeovers in Japan and what victims can expect: FSA
/// statistics with their revisions, affected brokers, compensation policies, guidelines, laws and contact points.
/// Answers "what was known on date D" (<see cref="KnownOn"/>), "what is the latest" (<see cref="Latest"/>) and
/// exposes disagreements between sources (<see cref="Conflicts"/>) instead of hiding them.
/// </summary>
/// <remarks>
/// Immutable and thread-safe. <see cref="Embedded"/> holds the data shipped in the package; <see cref="ApplyUpdate(string)"/>
/// returns a new registry with a newer facts file applied on top, or this one unchanged with every problem listed.
/// </remarks>
public sealed class FactsRegistry
{
    /// <summary>The largest facts file <see cref="ApplyUpdate(string)"/> accepts, in UTF-16 characters or UTF-8 bytes (8 MiB).</summary>
    public const int MaxUpdateSize = 8 * 1024 * 1024;

    private const string ResourceName = "TakeoverRules.Facts.Data.facts.json";

    private static readonly Lazy<FactsRegistry> EmbeddedRegistry = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FactsDocument _document;
    private readonly Dictionary<string, List<Fact>> _byKey;
    private readonly Dictionary<string, DateOnly> _supersededFrom;
    private readonly Dictionary<string, Fact> _byId;

    private FactsRegistry(FactsDocument document, FactsData data)
    {
        _document = document;
        Version = data.Version;
        Date = data.Date;
        Sources = data.Sources;
        Statistics = data.Statistics;
        Policies = data.Policies;
        Contacts = data.Contacts;

        var facts = new List<Fact>(data.Facts);
        facts.AddRange(data.Statistics.SelectMany(ToFacts));
        facts.AddRange(data.Contacts.Select(ToFact));
        Facts = [.. facts.OrderBy(f => f.KnownFrom).ThenBy(f => f.Id, StringComparer.Ordinal)];

        Brokers = [.. data.Brokers.Select(b => b with { FirstReported = Facts.FirstOrDefault(f => f.Key == FirstReportedKey(b.Id)) })];
        _byId = Facts.GroupBy(f => f.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        _byKey = Facts.GroupBy(f => f.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        _supersededFrom = ComputeSupersession(Facts, _byKey, _byId);

        var bank = data.Regimes.Where(r => r.Sector == FinancialSector.Bank);
        var securities = data.Regimes.Where(r => r.Sector == FinancialSector.Securities);
        BankVsSecurities = new BankSecuritiesComparison([.. bank, .. securities], [.. Facts.Where(f => f.Key.StartsWith("bank-vs-securities.", StringComparison.Ordinal))]);
    }

    /// <summary>The facts shipped in the package. Loaded once, on first use.</summary>
    public static FactsRegistry Embedded => EmbeddedRegistry.Value;

    /// <summary>The version of the facts data in force, for example <c>2026.11.26</c>.</summary>
    public string Version { get; }

    /// <summary>The date of the facts data in force; facts after it are not in the data.</summary>
    public DateOnly Date { get; }

    /// <summary>Every source, as cited by the facts.</summary>
    public IReadOnlyList<FactSource> Sources { get; }

    /// <summary>Every fact, including one per statistics figure and one per contact point, ordered by <see cref="Fact.KnownFrom"/>.</summary>
    public IReadOnlyList<Fact> Facts { get; }

    /// <summary>The FSA statistics releases as reported, oldest first.</summary>
    public IReadOnlyList<StatisticsReport> Statistics { get; }

    /// <summary>The affected brokers.</summary>
    public IReadOnlyList<Broker> Brokers { get; }

    /// <summary>Every compensation policy, from the terms before the JSDA agreement to the latest broker policies.</summary>
    public IReadOnlyList<CompensationPolicy> Policies { get; }

    /// <summary>Where victims can go: police, hotlines, the FSA desk, FINMAC and broker pages; only confirmed details are present.</summary>
    public IReadOnlyList<ContactPoint> Contacts { get; }

    /// <summary>Bank versus securities compensation, side by side.</summary>
    public BankSecuritiesComparison BankVsSecurities { get; }

    /// <summary>Finds a broker by id (case-insensitive).</summary>
    /// <param name="id">The broker id, for example <c>rakuten</c>.</param>
    /// <returns>The broker, or <see langword="null"/> when the data does not know it.</returns>
    public Broker? FindBroker(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return Brokers.FirstOrDefault(b => string.Equals(b.Id, id, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// The facts that were known and current on <paramref name="date"/>: reported on or before it and not yet
    /// superseded by a newer fact reported on or before it.
    /// </summary>
    /// <param name="date">The date to look from.</param>
    /// <returns>The current facts, ordered by <see cref="Fact.KnownFrom"/>.</returns>
    public IReadOnlyList<Fact> KnownOn(DateOnly date) =>
        [.. Facts.Where(f => f.KnownFrom <= date && !IsSupersededOn(f, date))];

    /// <summary>Every version of the answer to <paramref name="key"/>, oldest first.</summary>
    /// <param name="key">A fact key, for example <c>fsa-stats/2025-04/fraudulentTrades</c>.</param>
    /// <returns>The facts with that key; empty when none.</returns>
    public IReadOnlyList<Fact> History(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _byKey.TryGetValue(key, out var list) ? list : [];
    }

    /// <summary>
    /// The most recent current answer to <paramref name="key"/> known on <paramref name="asOf"/> (default: the data's
    /// date); when sources disagree it is still returned, and <see cref="Conflicts"/> lists the disagreement.
    /// </summary>
    /// <param name="key">A fact key.</param>
    /// <param name="asOf">The date to look from; <see langword="null"/> for the latest data.</param>
    /// <returns>The fact, or <see langword="null"/> when nothing was known.</returns>
    public Fact? Latest(string key, DateOnly? asOf = null)
    {
        var date = asOf ?? DateOnly.MaxValue;
        return History(key)
            .Where(f => f.KnownFrom <= date && !IsSupersededOn(f, date))
            .OrderByDescending(f => f.KnownFrom)
            .ThenBy(f => f.Grade)
            .FirstOrDefault();
    }

    /// <summary>
    /// Questions on which current facts known on <paramref name="asOf"/> (default: the data's date) disagree: two
    /// quantities that cannot both be true, none superseding the other (for example a later low-authority report
    /// revising a primary figure).
    /// </summary>
    /// <param name="asOf">The date to look from; <see langword="null"/> for the latest data.</param>
    /// <returns>The conflicts, ordered by key.</returns>
    public IReadOnlyList<FactConflict> Conflicts(DateOnly? asOf = null)
    {
        var date = asOf ?? DateOnly.MaxValue;
        var conflicts = new List<FactConflict>();
        foreach (var (key, list) in _byKey.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var current = list.Where(f => f.Quantity is not null && f.KnownFrom <= date && !IsSupersededOn(f, date)).ToList();
            var disagreeing = current.Where(f => current.Any(g => !g.Quantity!.Value.IsConsistentWith(f.Quantity!.Value))).ToList();
            if (disagreeing.Count > 1) conflicts.Add(new FactConflict(key, disagreeing));
        }

        return conflicts;
    }

    /// <summary>Every reported value of one statistics figure, in release order, so a revision is visible.</summary>
    /// <param name="period">The period.</param>
    /// <param name="metric">The metric.</param>
    /// <returns>The facts for that figure, oldest first.</returns>
    public IReadOnlyList<Fact> StatisticHistory(StatisticPeriod period, StatisticMetric metric) => History(StatisticKey(period, metric));

    /// <summary>
    /// The compensation policies of <paramref name="brokerId"/> known on <paramref name="asOf"/>, newest first, including
    /// a state that held only before a date (<see cref="AsOfBasis.Before"/>) after that date: it still covers the
    /// incidents before it. For the policies that count as current on a date, see <see cref="PoliciesKnownOn"/>.
    /// </summary>
    /// <param name="brokerId">The broker id.</param>
    /// <param name="asOf">The date to look from; <see langword="null"/> for the latest data.</param>
    /// <returns>The policies; empty when none was known.</returns>
    public IReadOnlyList<CompensationPolicy> PoliciesFor(string brokerId, DateOnly? asOf = null)
    {
        ArgumentNullException.ThrowIfNull(brokerId);
        var date = asOf ?? DateOnly.MaxValue;
        return [.. Policies
            .Where(p => p.KnownFrom <= date && p.BrokerIds.Contains(brokerId, StringComparer.OrdinalIgnoreCase))
            .OrderByDescending(p => p.KnownFrom)
            .ThenBy(p => p.BrokerIds.Count)];
    }

    /// <summary>
    /// The compensation policies that count as known on <paramref name="asOf"/>: published on or before it, less any
    /// state that held only before a date (<see cref="AsOfBasis.Before"/>, for example terms replaced that day) once
    /// that date is reached. The one answer to "which policies were known then", for every broker or for one.
    /// </summary>
    /// <param name="asOf">The date to look from.</param>
    /// <param name="brokerId">Only the policies covering this broker (case-insensitive); <see langword="null"/> for every broker.</param>
    /// <returns>The policies, in the data's order; empty when none was known.</returns>
    public IReadOnlyList<CompensationPolicy> PoliciesKnownOn(DateOnly asOf, string? brokerId = null) =>
        [.. Policies.Where(p => p.KnownFrom <= asOf
            && !(p.AsOfBasis == AsOfBasis.Before && asOf >= p.AsOf.Date)
            && (brokerId is null || p.BrokerIds.Contains(brokerId, StringComparer.OrdinalIgnoreCase)))];

    /// <summary>
    /// Applies a newer facts file (same schema, with a version and a date not older than this data): entries replace
    /// entries with the same id and new entries are added. The file is validated first; any problem leaves this
    /// registry in force and is reported with its JSON path, field and reason.
    /// </summary>
    /// <param name="json">The facts file's text.</param>
    /// <returns>The registry in force and the problems found.</returns>
    public FactsLoadResult ApplyUpdate(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (json.Length > MaxUpdateSize)
        {
            return Failed(new FactsLoadError("$", "", $"file too large: {json.Length} characters (limit {MaxUpdateSize})"));
        }

        FactsDocument? update;
        try
        {
            update = JsonSerializer.Deserialize(json, FactsJsonContext.Default.FactsDocument);
        }
        catch (JsonException e)
        {
            // Syntax and type errors stop the parser, so only the first can be reported; it names path and line.
            var path = string.IsNullOrEmpty(e.Path) ? "$" : e.Path;
            var field = path.Split('.')[^1].Split('[')[0].TrimStart('$');
            var where = e.LineNumber is { } line ? $" (line {line + 1}, position {e.BytePositionInLine + 1})" : "";
            return Failed(new FactsLoadError(path, field, FirstSentence(e.Message) + where));
        }

        if (update is null) return Failed(new FactsLoadError("$", "", "must be a JSON object, not null"));

        var errors = new List<FactsLoadError>();
        if (FactDate.TryParse(update.Date, out var updateDate) && updateDate.Date < Date)
        {
            errors.Add(new FactsLoadError("$.date", "date", $"is older than the facts in force ({update.Date} < {Date:yyyy-MM-dd})"));
        }

        var (_, updateErrors) = FactsReader.Read(update, FactsReader.Union(_document, update));
        errors.AddRange(updateErrors);
        if (errors.Count > 0) return new FactsLoadResult(this, errors);

        var merged = FactsReader.Merge(_document, update);
        var (data, mergedErrors) = FactsReader.Read(merged, merged);
        return data is null ? new FactsLoadResult(this, mergedErrors) : new FactsLoadResult(new FactsRegistry(merged, data), []);
    }

    /// <summary>
    /// Reads a facts file from disk and applies it as <see cref="ApplyUpdate(string)"/> does. A file that cannot be
    /// read, or is larger than <see cref="MaxUpdateSize"/> bytes, is reported as an error and leaves this registry in force.
    /// </summary>
    /// <param name="path">The file's path.</param>
    /// <returns>The registry in force and the problems found.</returns>
    public FactsLoadResult ApplyUpdateFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        try
        {
            if (Directory.Exists(path)) return Failed(new FactsLoadError("$", "", $"{path} is a directory, not a facts file"));
            if (!File.Exists(path)) return Failed(new FactsLoadError("$", "", $"file not found: {path}"));
            return ReadBounded(path) is { } json
                ? ApplyUpdate(json)
                : Failed(new FactsLoadError("$", "", $"file too large: more than {MaxUpdateSize} bytes"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            return Failed(new FactsLoadError("$", "", $"cannot read {path}: {e.Message}"));
        }
    }

    /// <summary>
    /// The file's text, or <see langword="null"/> past <see cref="MaxUpdateSize"/> bytes. What is read is counted, not
    /// the reported length: a device (<c>/dev/zero</c>) or a pipe reports 0 and never ends.
    /// </summary>
    private static string? ReadBounded(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        var buffer = new byte[MaxUpdateSize + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = stream.Read(buffer, length, buffer.Length - length)) > 0)
        {
            length += read;
        }

        if (length > MaxUpdateSize) return null;
        var text = buffer.AsSpan(0, length);
        if (text.StartsWith("\uFEFF"u8)) text = text[3..];
        return System.Text.Encoding.UTF8.GetString(text);
    }

    internal Fact? FindFact(string id) => _byId.GetValueOrDefault(id);

    internal static string StatisticKey(StatisticPeriod period, StatisticMetric metric) =>
        $"fsa-stats/{period}/{char.ToLowerInvariant(metric.ToString()[0])}{metric.ToString()[1..]}";

    internal static string FirstReportedKey(string brokerId) => $"brokers.first-reported.{brokerId}";

    internal static (FactsRegistry? Registry, IReadOnlyList<FactsLoadError> Errors) FromJson(string json)
    {
        var empty = new FactsRegistry(new FactsDocument(), new FactsData("0", DateOnly.MinValue, [], [], [], [], [], [], []));
        var result = empty.ApplyUpdate(json);
        return result.Applied ? (result.Registry, []) : (null, result.Errors);
    }

    private static FactsRegistry LoadEmbedded()
    {
        using var stream = typeof(FactsRegistry).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded facts resource '{ResourceName}' is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var (registry, errors) = FromJson(reader.ReadToEnd());

        // The embedded data is checked by the test suite; reaching this means a broken build, not bad user input.
        return registry ?? throw new InvalidOperationException("The embedded facts are invalid: " + string.Join("; ", errors));
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message.TrimEnd('.');
    }

    private static IEnumerable<Fact> ToFacts(StatisticsReport report) =>
        report.Figures.Select(figure =>
        {
            var key = StatisticKey(figure.Period, figure.Metric);
            var (ja, en) = MetricNames(figure.Metric);
            var q = figure.Quantity;
            var statement = new BilingualText(
                $"{figure.Period} の{ja}: {q}({report.Published:yyyy-MM-dd} 公表)",
                $"{en} for {figure.Period}: {q} (reported {report.Published:yyyy-MM-dd})");
            return new Fact($"{report.Id}/{key}", FactTopic.Statistics, key, null, statement, q,
                FactDate.Day(report.Published), AsOfBasis.Published, report.Sources, [], report.Grade);
        });

    private static Fact ToFact(ContactPoint c)
    {
        var phone = c.Phone is null ? "" : $" {c.Phone}";
        var url = c.Url is null ? "" : $" {c.Url}";
        return new Fact($"contacts.{c.Id}", FactTopic.Contacts, $"contacts.{c.Id}", c.BrokerId,
            new BilingualText($"{c.Organisation.Ja}{phone}{url}: {c.Purpose.Ja}", $"{c.Organisation.En}{phone}{url}: {c.Purpose.En}"),
            null, c.AsOf, c.AsOfBasis, c.Sources, [], c.Grade);
    }

    private static (string Ja, string En) MetricNames(StatisticMetric metric) => metric switch
    {
        StatisticMetric.UnauthorizedAccesses => ("不正アクセス件数", "Unauthorized accesses"),
        StatisticMetric.FraudulentTrades => ("不正取引件数", "Fraudulent trades"),
        StatisticMetric.SalesAmount => ("売却金額", "Sales amount"),
        StatisticMetric.PurchaseAmount => ("買付金額", "Purchase amount"),
        StatisticMetric.TradedAmount => ("売買金額合計", "Sales plus purchases"),
        _ => ("不正取引が発生した証券会社数", "Brokers with fraudulent trades"),
    };

    private static Dictionary<string, DateOnly> ComputeSupersession(IReadOnlyList<Fact> facts, Dictionary<string, List<Fact>> byKey, Dictionary<string, Fact> byId)
    {
        // supersededFrom[f] = the first day a fact replacing f is known. A newer fact with the same key replaces an
        // older one unless it is weaker evidence: a low-authority or unverified report never overrides a stronger
        // one. One sweep per key, newest first, keeps this O(n log n) even for a hostile update file.
        var result = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        void Add(string older, DateOnly from)
        {
            if (!result.TryGetValue(older, out var existing) || from < existing) result[older] = from;
        }

        var grades = Enum.GetValues<EvidenceGrade>();
        foreach (var list in byKey.Values)
        {
            // earliestLater[g] = earliest KnownFrom among facts of grade g strictly newer than the group being processed.
            var earliestLater = new DateOnly?[grades.Length];
            foreach (var group in list.GroupBy(f => f.KnownFrom).OrderByDescending(g => g.Key))
            {
                foreach (var older in group)
                {
                    foreach (var grade in grades)
                    {
                        var stronger = grade <= older.Grade || grade <= EvidenceGrade.Press;
                        if (stronger && earliestLater[(int)grade] is { } from) Add(older.Id, from);
                    }
                }

                foreach (var fact in group) earliestLater[(int)fact.Grade] = group.Key;
            }
        }

        foreach (var fact in facts)
        {
            foreach (var target in fact.Supersedes)
            {
                if (byId.ContainsKey(target)) Add(target, fact.KnownFrom);
            }
        }

        return result;
    }

    private bool IsSupersededOn(Fact fact, DateOnly date) =>
        (fact.Basis == AsOfBasis.Before && date >= fact.AsOf.Date)
        || (_supersededFrom.TryGetValue(fact.Id, out var from) && from <= date);

    private FactsLoadResult Failed(FactsLoadError error) => new(this, [error]);
}
