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
/// Immutable and thread-safe. <see cref="Embedded"/> holds the data shipped in the package; <see cref="ApplyUpdate(ReadOnlySpan{byte}, ReadOnlySpan{byte}, FactsUpdateTrust)"/>
/// returns a new registry with a newer facts file applied on top, or this one unchanged with every problem listed.
/// </remarks>
public sealed class FactsRegistry
{
    /// <summary>The largest facts file an update accepts, in UTF-16 characters or UTF-8 bytes (8 MiB).</summary>
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
    /// Applies a newer facts file given as text, which carries no signature: refused with a
    /// <see cref="FactsLoadErrorKind.NotSigned"/> error unless <paramref name="trust"/> allows unsigned updates. See
    /// <see cref="ApplyUpdate(ReadOnlySpan{byte}, ReadOnlySpan{byte}, FactsUpdateTrust)"/> for what applying means.
    /// </summary>
    /// <param name="json">The facts file's text.</param>
    /// <param name="trust">Which updates the host trusts; <see cref="FactsUpdateTrust.UnsignedAllowed"/> to apply unsigned text.</param>
    /// <returns>The registry in force and the problems found.</returns>
    public FactsLoadResult ApplyUpdate(string json, FactsUpdateTrust trust)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(trust);
        if (!trust.AllowsUnsigned) return Failed(UnsignedError("the update was given as text, without a signature"));
        return ApplyTrusted(json);
    }

    /// <summary>
    /// Applies a newer facts file (same schema, with a version and a date not older than this data) after checking its
    /// detached signature: an ECDSA P-256 / SHA-256 signature over exactly <paramref name="utf8Json"/> by a key
    /// <paramref name="trust"/> holds. Entries replace entries with the same id and new entries are added. Nothing is
    /// parsed before the signature is verified; then the file is validated, and any problem leaves this registry in
    /// force and is reported with its JSON path, field and reason. Every change to a contact point is listed in
    /// <see cref="FactsLoadResult.ContactChanges"/>.
    /// </summary>
    /// <param name="utf8Json">The facts file's bytes, exactly as signed (a UTF-8 byte order mark is allowed).</param>
    /// <param name="signature">The signature: DER as <c>openssl dgst -sha256 -sign</c> writes it, 64 bytes r‖s, or base64 of either; empty for none.</param>
    /// <param name="trust">Which publishers the host trusts, and whether an update without a signature is applied.</param>
    /// <returns>The registry in force, the problems found, the key that signed and the contact changes.</returns>
    public FactsLoadResult ApplyUpdate(ReadOnlySpan<byte> utf8Json, ReadOnlySpan<byte> signature, FactsUpdateTrust trust)
    {
        ArgumentNullException.ThrowIfNull(trust);
        if (utf8Json.Length > MaxUpdateSize)
        {
            return Failed(new FactsLoadError("$", "", $"file too large: {utf8Json.Length} bytes (limit {MaxUpdateSize})"));
        }

        string? signedBy = null;
        if (signature.IsEmpty)
        {
            if (!trust.AllowsUnsigned) return Failed(UnsignedError("no signature was given"));
        }
        else if ((signedBy = trust.Verify(utf8Json, signature)) is null)
        {
            var reason = trust.KeyIds.Count == 0
                ? "the update is signed but no publisher key is trusted (Facts.PublisherKeys is empty); a signature that cannot be checked is not accepted"
                : $"the signature is not valid for this file under any trusted publisher key ({string.Join(", ", trust.KeyIds)}): the file was changed after signing, signed with another key, or the signature is malformed";
            return Failed(new FactsLoadError("$", "", reason) { Kind = FactsLoadErrorKind.SignatureInvalid });
        }

        if (utf8Json.StartsWith("\uFEFF"u8)) utf8Json = utf8Json[3..];
        var result = ApplyTrusted(System.Text.Encoding.UTF8.GetString(utf8Json));
        return result.Applied ? result with { SignedBy = signedBy } : result;
    }

    /// <summary>
    /// Reads a facts file and its detached signature from disk and applies them as
    /// <see cref="ApplyUpdate(ReadOnlySpan{byte}, ReadOnlySpan{byte}, FactsUpdateTrust)"/> does. The signature is read
    /// from <paramref name="signaturePath"/>, or from <c><paramref name="path"/>.sig</c> when that is
    /// <see langword="null"/> (no such file: the update is unsigned). A file that cannot be read, or is larger than
    /// <see cref="MaxUpdateSize"/> bytes, is reported as an error and leaves this registry in force.
    /// </summary>
    /// <param name="path">The facts file's path.</param>
    /// <param name="trust">Which updates the host trusts.</param>
    /// <param name="signaturePath">The signature file's path; <see langword="null"/> for <c><paramref name="path"/>.sig</c> if it exists.</param>
    /// <returns>The registry in force and the problems found.</returns>
    public FactsLoadResult ApplyUpdateFile(string path, FactsUpdateTrust trust, string? signaturePath = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(trust);
        if (signaturePath is not null) ArgumentException.ThrowIfNullOrWhiteSpace(signaturePath);
        try
        {
            if (Directory.Exists(path)) return Failed(new FactsLoadError("$", "", $"{path} is a directory, not a facts file"));
            if (!File.Exists(path)) return Failed(new FactsLoadError("$", "", $"file not found: {path}"));
            var sigPath = signaturePath ?? path + ".sig";
            byte[] signature = [];
            if (signaturePath is not null || File.Exists(sigPath))
            {
                if (Directory.Exists(sigPath) || !File.Exists(sigPath)) return Failed(new FactsLoadError("$", "", $"signature file not found: {sigPath}"));
                if (ReadBounded(sigPath, FactsUpdateTrust.MaxSignatureSize) is not { } sig)
                {
                    return Failed(new FactsLoadError("$", "", $"signature file too large: more than {FactsUpdateTrust.MaxSignatureSize} bytes ({sigPath})") { Kind = FactsLoadErrorKind.SignatureInvalid });
                }

                signature = sig;
            }

            return ReadBounded(path, MaxUpdateSize) is { } bytes
                ? ApplyUpdate(bytes, signature, trust)
                : Failed(new FactsLoadError("$", "", $"file too large: more than {MaxUpdateSize} bytes"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            return Failed(new FactsLoadError("$", "", $"cannot read {path}: {e.Message}"));
        }
    }

    /// <summary>Applies an update whose origin was checked (or deliberately not checked) by the caller.</summary>
    private FactsLoadResult ApplyTrusted(string json)
    {
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
        if (data is null) return new FactsLoadResult(this, mergedErrors);
        var registry = new FactsRegistry(merged, data);
        return new FactsLoadResult(registry, []) { ContactChanges = ContactChangesTo(registry) };
    }

    /// <summary>Every reachability detail of a contact point that differs between this registry and <paramref name="next"/>.</summary>
    private List<FactsContactChange> ContactChangesTo(FactsRegistry next)
    {
        var changes = new List<FactsContactChange>();
        var before = Contacts.ToDictionary(c => c.Id, StringComparer.Ordinal);
        foreach (var contact in next.Contacts)
        {
            var at = $"contacts[{contact.Id}]";
            if (!before.TryGetValue(contact.Id, out var old))
            {
                changes.Add(new FactsContactChange(contact.Id, at, null, ContactSummary(contact)));
                continue;
            }

            void Compare(string field, string? was, string? now)
            {
                if (!string.Equals(was, now, StringComparison.Ordinal)) changes.Add(new FactsContactChange(contact.Id, $"{at}.{field}", was, now));
            }

            Compare("organisation.ja", old.Organisation.Ja, contact.Organisation.Ja);
            Compare("organisation.en", old.Organisation.En, contact.Organisation.En);
            Compare("phone", old.Phone, contact.Phone);
            Compare("otherNumbers", Numbers(old), Numbers(contact));
            Compare("url", old.Url?.OriginalString, contact.Url?.OriginalString);
            Compare("hours.ja", old.Hours?.Ja, contact.Hours?.Ja);
            Compare("hours.en", old.Hours?.En, contact.Hours?.En);
            Compare("brokerId", old.BrokerId, contact.BrokerId);
        }

        return changes;

        static string? Numbers(ContactPoint c) => c.OtherNumbers.Count == 0 ? null : string.Join(", ", c.OtherNumbers.Select(n => $"{n.Number} ({n.Use.En})"));
        static string ContactSummary(ContactPoint c) =>
            string.Join(" ", new[] { c.Organisation.En, c.Phone, c.Url?.OriginalString }.Where(x => x is not null));
    }

    /// <summary>
    /// The file's bytes, or <see langword="null"/> past <paramref name="limit"/> bytes. What is read is counted, not
    /// the reported length: a device (<c>/dev/zero</c>) or a pipe reports 0 and never ends.
    /// </summary>
    private static byte[]? ReadBounded(string path, int limit)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        var buffer = new byte[Math.Min(limit + 1, 64 * 1024)];
        var length = 0;
        int read;
        while ((read = stream.Read(buffer, length, buffer.Length - length)) > 0)
        {
            length += read;
            if (length > limit) return null;
            if (length == buffer.Length) Array.Resize(ref buffer, Math.Min(buffer.Length * 2, limit + 1));
        }

        return buffer.AsSpan(0, length).ToArray();
    }

    private static FactsLoadError UnsignedError(string what) => new("$", "",
        $"unsigned update refused: {what}; a facts update must carry a detached signature by a trusted publisher key (Facts.PublisherKeys), unless the host allows unsigned updates (Facts.AllowUnsignedUpdates)")
    {
        Kind = FactsLoadErrorKind.NotSigned,
    };

    internal Fact? FindFact(string id) => _byId.GetValueOrDefault(id);

    internal static string StatisticKey(StatisticPeriod period, StatisticMetric metric) =>
        $"fsa-stats/{period}/{char.ToLowerInvariant(metric.ToString()[0])}{metric.ToString()[1..]}";

    internal static string FirstReportedKey(string brokerId) => $"brokers.first-reported.{brokerId}";

    internal static (FactsRegistry? Registry, IReadOnlyList<FactsLoadError> Errors) FromJson(string json)
    {
        var empty = new FactsRegistry(new FactsDocument(), new FactsData("0", DateOnly.MinValue, [], [], [], [], [], [], []));
        var result = empty.ApplyTrusted(json);
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
