using System.Globalization;
using System.Text.RegularExpressions;

namespace TakeoverRules.Facts.Data;

/// <summary>The typed content of a valid facts document.</summary>
internal sealed record FactsData(
    string Version,
    DateOnly Date,
    IReadOnlyList<FactSource> Sources,
    IReadOnlyList<Fact> Facts,
    IReadOnlyList<StatisticsReport> Statistics,
    IReadOnlyList<Broker> Brokers,
    IReadOnlyList<CompensationPolicy> Policies,
    IReadOnlyList<ContactPoint> Contacts,
    IReadOnlyList<CompensationRegime> Regimes);

/// <summary>
/// Validates a <see cref="FactsDocument"/> and converts it to typed values, collecting every problem with its JSON
/// path rather than stopping at the first. References (source, fact and broker ids) resolve against a lookup
/// document, so an update file may refer to entries of the data it updates.
/// </summary>
internal sealed partial class FactsReader
{
    public const int SupportedSchema = 1;

    public const int MaxEntriesPerSection = 5_000;

    private static readonly HashSet<string> Units = ["count", "JPY", "firms"];

    private readonly List<FactsLoadError> _errors = [];
    private readonly Dictionary<string, SourceDto> _sourceLookup;
    private readonly HashSet<string> _factIds;
    private readonly HashSet<string> _brokerIds;
    private readonly Dictionary<string, FactSource> _sources = new(StringComparer.Ordinal);

    private FactsReader(FactsDocument lookup)
    {
        _sourceLookup = (lookup.Sources ?? []).Where(s => s?.Id is not null).GroupBy(s => s!.Id!).ToDictionary(g => g.Key, g => g.Last()!, StringComparer.Ordinal);
        _factIds = [.. (lookup.Facts ?? []).Select(f => f?.Id).OfType<string>()];
        _brokerIds = [.. (lookup.Brokers ?? []).Select(b => b?.Id).OfType<string>()];
    }

    public static (FactsData? Data, IReadOnlyList<FactsLoadError> Errors) Read(FactsDocument document, FactsDocument lookup)
    {
        // Sources the document does not define resolve to the lookup's valid ones (an update may cite embedded sources).
        var lookupReader = new FactsReader(lookup);
        var reader = new FactsReader(lookup);
        foreach (var source in lookupReader.ReadList(lookup.Sources, "$.sources", lookupReader.ReadSource)) reader._sources[source.Id] = source;
        var data = reader.ReadDocument(document);
        return reader._errors.Count == 0 ? (data, []) : (null, reader._errors);
    }

    /// <summary>Entries of <paramref name="update"/> replace entries of <paramref name="baseDocument"/> with the same id; new ids are added.</summary>
    public static FactsDocument Merge(FactsDocument baseDocument, FactsDocument update) => new()
    {
        Schema = update.Schema,
        Version = update.Version,
        Date = update.Date,
        Sources = MergeById(baseDocument.Sources, update.Sources, s => s?.Id),
        Facts = MergeById(baseDocument.Facts, update.Facts, f => f?.Id),
        Statistics = MergeById(baseDocument.Statistics, update.Statistics, s => s?.Id),
        Brokers = MergeById(baseDocument.Brokers, update.Brokers, b => b?.Id),
        Policies = MergeById(baseDocument.Policies, update.Policies, p => p?.Id),
        Contacts = MergeById(baseDocument.Contacts, update.Contacts, c => c?.Id),
        Regimes = MergeById(baseDocument.Regimes, update.Regimes, r => r?.Id),
    };

    /// <summary>A lookup holding the entries of both documents, for resolving an update's references.</summary>
    public static FactsDocument Union(FactsDocument a, FactsDocument b) => Merge(a, b);

    private static List<T?>? MergeById<T>(List<T?>? baseItems, List<T?>? updates, Func<T?, string?> id)
        where T : class
    {
        if (updates is null) return baseItems;
        var merged = new List<T?>(baseItems ?? []);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < merged.Count; i++)
        {
            if (id(merged[i]) is { } k) index.TryAdd(k, i);
        }

        foreach (var item in updates)
        {
            if (id(item) is { } k && index.TryGetValue(k, out var at))
            {
                merged[at] = item;
            }
            else
            {
                if (id(item) is { } added) index.TryAdd(added, merged.Count);
                merged.Add(item);
            }
        }

        return merged;
    }

    private FactsData? ReadDocument(FactsDocument d)
    {
        if (d.Schema != SupportedSchema)
        {
            Error("$.schema", "schema", d.Schema is null ? "is required" : $"must be {SupportedSchema} (was {d.Schema})");
        }

        var version = RequiredString(d.Version, "$", "version");
        var date = RequiredDay(d.Date, "$", "date");

        var sources = ReadList(d.Sources, "$.sources", ReadSource);
        foreach (var s in sources) _sources[s.Id] = s;
        var facts = ReadList(d.Facts, "$.facts", ReadFact);
        var statistics = ReadList(d.Statistics, "$.statistics", ReadStatistics);
        var brokers = ReadList(d.Brokers, "$.brokers", ReadBroker);
        var policies = ReadList(d.Policies, "$.policies", ReadPolicy);
        var contacts = ReadList(d.Contacts, "$.contacts", ReadContact);
        var regimes = ReadList(d.Regimes, "$.regimes", ReadRegime);

        return version is null || date is null
            ? null
            : new FactsData(version, date.Value, sources, facts, statistics, brokers, policies, contacts, regimes);
    }

    private List<T> ReadList<TDto, T>(List<TDto?>? items, string path, Func<TDto, string, T?> read)
        where TDto : class
        where T : class
    {
        var result = new List<T>();
        if (items is null) return result;
        if (items.Count > MaxEntriesPerSection)
        {
            // Bounds the work a hostile file can cause (conflict detection compares facts of one key pairwise).
            Error(path, path[2..], $"too many entries ({items.Count}; limit {MaxEntriesPerSection})");
            return result;
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var itemPath = $"{path}[{i}]";
            if (items[i] is not { } item)
            {
                Error(itemPath, "", "must be an object, not null");
                continue;
            }

            if (read(item, itemPath) is { } value)
            {
                var id = value switch
                {
                    FactSource s => s.Id,
                    Fact f => f.Id,
                    StatisticsReport r => r.Id,
                    Broker b => b.Id,
                    CompensationPolicy p => p.Id,
                    ContactPoint c => c.Id,
                    CompensationRegime g => g.Id,
                    _ => throw new InvalidOperationException("unreachable"),
                };
                if (!ids.Add(id)) Error(itemPath + ".id", "id", $"duplicate id '{id}' in {path}");
                else result.Add(value);
            }
        }

        return result;
    }

    private FactSource? ReadSource(SourceDto s, string path)
    {
        var id = RequiredId(s.Id, path);
        var title = RequiredString(s.Title, path, "title");
        var publisher = RequiredString(s.Publisher, path, "publisher");
        var url = OptionalUrl(s.Url, path, "url");
        var published = OptionalDate(s.Published, path, "published");
        var grade = RequiredEnum<EvidenceGrade>(s.Grade, path, "grade");
        return id is null || title is null || publisher is null || grade is null || url.Failed || published.Failed
            ? null
            : new FactSource(id, title, publisher, url.Value, published.Value, grade.Value);
    }

    private Fact? ReadFact(FactDto f, string path)
    {
        var id = RequiredId(f.Id, path);
        var topic = RequiredEnum<FactTopic>(f.Topic, path, "topic");
        var key = RequiredString(f.Key, path, "key");
        var subject = OptionalBroker(f.Subject, path, "subject");
        var statement = RequiredText(f.Statement, path, "statement");
        var quantity = OptionalQuantity(f.Quantity, path + ".quantity");
        var asOf = RequiredDate(f.AsOf, path, "asOf");
        var basis = RequiredEnum<AsOfBasis>(f.Basis, path, "basis");
        var sources = RequiredSources(f.Sources, path);
        var supersedes = new List<string>();
        for (var i = 0; i < (f.Supersedes?.Count ?? 0); i++)
        {
            var target = f.Supersedes![i];
            if (target is null || !_factIds.Contains(target)) Error($"{path}.supersedes[{i}]", "supersedes", $"unknown fact id '{target}'");
            else supersedes.Add(target);
        }

        var grade = RequiredGrade(f.Grade, sources, path);
        return id is null || topic is null || key is null || statement is null || quantity.Failed || asOf is null || basis is null || sources is null || grade is null || subject.Failed
            ? null
            : new Fact(id, topic.Value, key, subject.Value, statement.Value, quantity.Value, asOf.Value, basis.Value, sources, supersedes, grade.Value);
    }

    private StatisticsReport? ReadStatistics(StatisticsReportDto r, string path)
    {
        var id = RequiredId(r.Id, path);
        var published = RequiredDay(r.Published, path, "published");
        var figures = new List<StatisticFigure>();
        if (r.Figures is null or { Count: 0 }) Error(path + ".figures", "figures", "must list at least one figure");
        for (var i = 0; i < (r.Figures?.Count ?? 0); i++)
        {
            var fp = $"{path}.figures[{i}]";
            if (r.Figures![i] is not { } fig)
            {
                Error(fp, "", "must be an object, not null");
                continue;
            }

            var from = RequiredDay(fig.From, fp, "from");
            var to = RequiredDay(fig.To, fp, "to");
            if (from is { } a && to is { } b && b < a) Error(fp + ".to", "to", $"must not be before from ({fig.From}) (was {fig.To})");
            var metric = RequiredEnum<StatisticMetric>(fig.Metric, fp, "metric");
            var value = RequiredNonNegative(fig.Value, fp, "value");
            var qualifier = RequiredEnum<QuantityQualifier>(fig.Qualifier, fp, "qualifier");
            if (from is not null && to is not null && metric is not null && value is not null && qualifier is not null && to >= from)
            {
                var unit = metric is StatisticMetric.BrokersWithFraud ? "firms" : metric is StatisticMetric.UnauthorizedAccesses or StatisticMetric.FraudulentTrades ? "count" : "JPY";
                figures.Add(new StatisticFigure(new StatisticPeriod(from.Value, to.Value), metric.Value, new FactQuantity(value.Value, unit, qualifier.Value)));
            }
        }

        var sources = RequiredSources(r.Sources, path);
        var grade = RequiredGrade(r.Grade, sources, path);
        return id is null || published is null || sources is null || grade is null || figures.Count != (r.Figures?.Count ?? -1)
            ? null
            : new StatisticsReport(id, published.Value, figures, sources, grade.Value);
    }

    private Broker? ReadBroker(BrokerDto b, string path)
    {
        var id = RequiredId(b.Id, path);
        var name = RequiredText(b.Name, path, "name");
        var domains = new List<BrokerDomain>();
        var domainsOk = true;
        for (var i = 0; i < (b.Domains?.Count ?? 0); i++)
        {
            var dp = $"{path}.domains[{i}]";
            if (b.Domains![i] is not { } d)
            {
                Error(dp, "", "must be an object, not null");
                domainsOk = false;
                continue;
            }

            var domainName = RequiredString(d.Name, dp, "name");
            if (domainName is not null && !DomainPattern().IsMatch(domainName))
            {
                Error(dp + ".name", "name", $"must be a lower-case domain name (was '{domainName}')");
                domainName = null;
            }

            if (d.Confirmed is null) Error(dp + ".confirmed", "confirmed", "is required");
            var note = OptionalText(d.Note, dp, "note");
            if (domainName is null || d.Confirmed is null || note.Failed) domainsOk = false;
            else domains.Add(new BrokerDomain(domainName, d.Confirmed.Value, note.Value));
        }

        if (b.InJsdaAgreement is null) Error(path + ".inJsdaAgreement", "inJsdaAgreement", "is required");
        var sources = RequiredSources(b.Sources, path);
        return id is null || name is null || !domainsOk || b.InJsdaAgreement is null || sources is null
            ? null
            : new Broker(id, name.Value, domains, null, b.InJsdaAgreement.Value, sources);
    }

    private CompensationPolicy? ReadPolicy(PolicyDto p, string path)
    {
        var id = RequiredId(p.Id, path);
        var brokers = new List<string>();
        if (p.Brokers is null or { Count: 0 }) Error(path + ".brokers", "brokers", "must list at least one broker id");
        for (var i = 0; i < (p.Brokers?.Count ?? 0); i++)
        {
            if (p.Brokers![i] is { } b && _brokerIds.Contains(b)) brokers.Add(b);
            else Error($"{path}.brokers[{i}]", "brokers", $"unknown broker id '{p.Brokers[i]}'");
        }

        var title = RequiredText(p.Title, path, "title");
        var kind = RequiredEnum<PolicyKind>(p.Kind, path, "kind");
        var asOf = RequiredDate(p.AsOf, path, "asOf");
        var basis = RequiredEnum<AsOfBasis>(p.Basis, path, "basis");
        var from = OptionalDay(p.IncidentsFrom, path, "incidentsFrom");
        var to = OptionalDay(p.IncidentsTo, path, "incidentsTo");
        if (from.Value is { } f && to.Value is { } t && t < f) Error(path + ".incidentsTo", "incidentsTo", $"must not be before incidentsFrom ({p.IncidentsFrom}) (was {p.IncidentsTo})");
        if (p.CashShare is { } share && (share <= 0 || share > 1)) Error(path + ".cashShare", "cashShare", $"must be in (0, 1] (was {share.ToString(CultureInfo.InvariantCulture)})");
        if (p.SympathyPaymentYen is < 0) Error(path + ".sympathyPaymentYen", "sympathyPaymentYen", $"must not be negative (was {p.SympathyPaymentYen})");
        if (p.MayBeReducedOrRefused is null) Error(path + ".mayBeReducedOrRefused", "mayBeReducedOrRefused", "is required");
        var lossBasis = RequiredEnum<LossBasis>(p.LossBasis, path, "lossBasis");
        var rules = TextList(p.Rules, path, "rules", required: true);
        var exclusions = TextList(p.Exclusions, path, "exclusions", required: false);
        var conditions = TextList(p.Conditions, path, "conditions", required: false);
        var sources = RequiredSources(p.Sources, path);
        var grade = RequiredGrade(p.Grade, sources, path);
        if (kind == PolicyKind.CashShareOfLoss && p.CashShare is null) Error(path + ".cashShare", "cashShare", "is required when kind is cashShareOfLoss");
        var ok = id is not null && brokers.Count == (p.Brokers?.Count ?? -1) && title is not null && kind is not null && asOf is not null && basis is not null
            && !from.Failed && !to.Failed && p.CashShare is null or > 0 and <= 1 && p.SympathyPaymentYen is null or >= 0 && p.MayBeReducedOrRefused is not null
            && lossBasis is not null && rules is not null && exclusions is not null && conditions is not null && sources is not null && grade is not null
            && (kind != PolicyKind.CashShareOfLoss || p.CashShare is not null) && (from.Value is null || to.Value is null || to.Value >= from.Value);
        return !ok
            ? null
            : new CompensationPolicy(id!, brokers, title!.Value, kind!.Value, asOf!.Value, basis!.Value, from.Value, to.Value, p.CashShare, p.FeesRefunded,
                p.SympathyPaymentYen, p.CoversSaleOnly, p.MayBeReducedOrRefused!.Value, lossBasis!.Value, rules!, exclusions!, conditions!, sources!, grade!.Value);
    }

    private ContactPoint? ReadContact(ContactDto c, string path)
    {
        var id = RequiredId(c.Id, path);
        var kind = RequiredEnum<ContactKind>(c.Kind, path, "kind");
        var organisation = RequiredText(c.Organisation, path, "organisation");
        var phone = OptionalPhone(c.Phone, path + ".phone", "phone");
        var numbers = new List<ContactNumber>();
        var numbersOk = true;
        for (var i = 0; i < (c.OtherNumbers?.Count ?? 0); i++)
        {
            var np = $"{path}.otherNumbers[{i}]";
            if (c.OtherNumbers![i] is not { } n)
            {
                Error(np, "", "must be an object, not null");
                numbersOk = false;
                continue;
            }

            var number = OptionalPhone(n.Number, np + ".number", "number");
            if (n.Number is null) Error(np + ".number", "number", "is required");
            var use = RequiredText(n.Use, np, "use");
            if (number.Failed || number.Value is null || use is null) numbersOk = false;
            else numbers.Add(new ContactNumber(number.Value, use.Value));
        }

        var hours = OptionalText(c.Hours, path, "hours");
        var url = OptionalUrl(c.Url, path, "url");
        var purpose = RequiredText(c.Purpose, path, "purpose");
        var broker = OptionalBroker(c.Broker, path, "broker");
        var sources = RequiredSources(c.Sources, path);
        var asOf = RequiredDate(c.AsOf, path, "asOf");
        var basis = RequiredEnum<AsOfBasis>(c.Basis, path, "basis");
        var grade = RequiredGrade(c.Grade, sources, path);
        if (c.Phone is null && c.Url is null) Error(path, "phone", "a contact needs a phone number or a url");
        return id is null || kind is null || organisation is null || phone.Failed || !numbersOk || hours.Failed || url.Failed || purpose is null || broker.Failed
            || sources is null || asOf is null || basis is null || grade is null || (c.Phone is null && c.Url is null)
            ? null
            : new ContactPoint(id, kind.Value, organisation.Value, phone.Value, numbers, hours.Value, url.Value, purpose.Value, broker.Value,
                sources[0], sources, asOf.Value, basis.Value, grade.Value);
    }

    private CompensationRegime? ReadRegime(RegimeDto r, string path)
    {
        var id = RequiredId(r.Id, path);
        var sector = RequiredEnum<FinancialSector>(r.Sector, path, "sector");
        var @case = RequiredText(r.Case, path, "case");
        var whoPays = RequiredText(r.WhoPays, path, "whoPays");
        var rule = RequiredText(r.Rule, path, "rule");
        var conditions = TextList(r.Conditions, path, "conditions", required: false);
        var shares = new List<FaultShare>();
        var sharesOk = true;
        for (var i = 0; i < (r.Shares?.Count ?? 0); i++)
        {
            var sp = $"{path}.shares[{i}]";
            if (r.Shares![i] is not { } s)
            {
                Error(sp, "", "must be an object, not null");
                sharesOk = false;
                continue;
            }

            var fault = RequiredText(s.Fault, sp, "fault");
            if (s.Share is < 0 or > 1) Error(sp + ".share", "share", $"must be in [0, 1] (was {s.Share.Value.ToString(CultureInfo.InvariantCulture)})");
            if (fault is null || s.Share is < 0 or > 1) sharesOk = false;
            else shares.Add(new FaultShare(fault.Value, s.Share));
        }

        var sources = RequiredSources(r.Sources, path);
        var asOf = RequiredDate(r.AsOf, path, "asOf");
        var grade = RequiredGrade(r.Grade, sources, path);
        return id is null || sector is null || @case is null || whoPays is null || rule is null || conditions is null || !sharesOk || sources is null || asOf is null || grade is null
            ? null
            : new CompensationRegime(id, sector.Value, @case.Value, whoPays.Value, rule.Value, conditions, shares, sources, asOf.Value, grade.Value);
    }

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private void Error(string path, string field, string reason) => _errors.Add(new FactsLoadError(path, field, reason));

    private string? RequiredId(string? value, string path)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Error(path + ".id", "id", "is required");
            return null;
        }

        if (!IdPattern().IsMatch(value))
        {
            Error(path + ".id", "id", $"must use a-z, 0-9, '.', '-' and '/' only (was '{value}')");
            return null;
        }

        return value;
    }

    private string? RequiredString(string? value, string path, string field)
    {
        if (!string.IsNullOrWhiteSpace(value)) return value;
        Error($"{path}.{field}", field, value is null ? "is required" : "must not be empty");
        return null;
    }

    private BilingualText? RequiredText(TextDto? value, string path, string field)
    {
        if (value is null)
        {
            Error($"{path}.{field}", field, "is required");
            return null;
        }

        var ja = RequiredString(value.Ja, $"{path}.{field}", "ja");
        var en = RequiredString(value.En, $"{path}.{field}", "en");
        return ja is null || en is null ? null : new BilingualText(ja, en);
    }

    private (BilingualText? Value, bool Failed) OptionalText(TextDto? value, string path, string field)
    {
        if (value is null) return (null, false);
        var text = RequiredText(value, path, field);
        return (text, text is null);
    }

    private List<BilingualText>? TextList(List<TextDto?>? values, string path, string field, bool required)
    {
        if (values is null or { Count: 0 })
        {
            if (required) Error($"{path}.{field}", field, "must list at least one entry");
            return required ? null : [];
        }

        var result = new List<BilingualText>();
        for (var i = 0; i < values.Count; i++)
        {
            if (RequiredText(values[i], path, $"{field}[{i}]") is { } text) result.Add(text);
        }

        return result.Count == values.Count ? result : null;
    }

    private TEnum? RequiredEnum<TEnum>(string? value, string path, string field)
        where TEnum : struct, Enum
    {
        // Names only: Enum.TryParse would also accept numbers, which would make the data depend on declaration order.
        if (value is not null && value.Length > 0 && char.IsLetter(value[0]) && Enum.TryParse<TEnum>(value, ignoreCase: true, out var parsed))
        {
            return parsed;
        }

        var allowed = string.Join(", ", Enum.GetNames<TEnum>().Select(Camel));
        Error($"{path}.{field}", field, value is null ? $"is required (one of {allowed})" : $"must be one of {allowed} (was '{value}')");
        return null;
    }

    private FactDate? RequiredDate(string? value, string path, string field)
    {
        if (FactDate.TryParse(value, out var date)) return date;
        Error($"{path}.{field}", field, value is null ? "is required (yyyy-MM-dd, yyyy-MM or yyyy)" : $"must be a date yyyy-MM-dd, yyyy-MM or yyyy (was '{value}')");
        return null;
    }

    private DateOnly? RequiredDay(string? value, string path, string field)
    {
        if (FactDate.TryParse(value, out var date) && date.Precision == DatePrecision.Day) return date.Date;
        Error($"{path}.{field}", field, value is null ? "is required (yyyy-MM-dd)" : $"must be a date yyyy-MM-dd (was '{value}')");
        return null;
    }

    private (DateOnly? Value, bool Failed) OptionalDay(string? value, string path, string field)
    {
        if (value is null) return (null, false);
        var day = RequiredDay(value, path, field);
        return (day, day is null);
    }

    private (FactDate? Value, bool Failed) OptionalDate(string? value, string path, string field)
    {
        if (value is null) return (null, false);
        var date = RequiredDate(value, path, field);
        return (date, date is null);
    }

    private (Uri? Value, bool Failed) OptionalUrl(string? value, string path, string field)
    {
        if (value is null) return (null, false);
        if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
        {
            return (uri, false);
        }

        Error($"{path}.{field}", field, $"must be an absolute http or https URL (was '{value}')");
        return (null, true);
    }

    private (string? Value, bool Failed) OptionalPhone(string? value, string path, string field)
    {
        if (value is null) return (null, false);
        if (PhonePattern().IsMatch(value)) return (value, false);
        Error(path, field, $"must be a Japanese phone number such as 0570-016811, #9110 or 110 (was '{value}')");
        return (null, true);
    }

    private (string? Value, bool Failed) OptionalBroker(string? value, string path, string field)
    {
        if (value is null) return (null, false);
        if (_brokerIds.Contains(value)) return (value, false);
        Error($"{path}.{field}", field, $"unknown broker id '{value}'");
        return (null, true);
    }

    private decimal? RequiredNonNegative(decimal? value, string path, string field)
    {
        if (value is >= 0) return value;
        Error($"{path}.{field}", field, value is null ? "is required" : $"must not be negative (was {value.Value.ToString(CultureInfo.InvariantCulture)})");
        return null;
    }

    private (FactQuantity? Value, bool Failed) OptionalQuantity(QuantityDto? q, string path)
    {
        if (q is null) return (null, false);
        var value = RequiredNonNegative(q.Value, path, "value");
        var unit = RequiredString(q.Unit, path, "unit");
        if (unit is not null && !Units.Contains(unit))
        {
            Error(path + ".unit", "unit", $"must be one of {string.Join(", ", Units)} (was '{unit}')");
            unit = null;
        }

        var qualifier = RequiredEnum<QuantityQualifier>(q.Qualifier, path, "qualifier");
        return value is null || unit is null || qualifier is null ? (null, true) : (new FactQuantity(value.Value, unit, qualifier.Value), false);
    }

    private List<FactSource>? RequiredSources(List<string?>? ids, string path)
    {
        if (ids is null or { Count: 0 })
        {
            Error(path + ".sources", "sources", "must list at least one source id");
            return null;
        }

        var result = new List<FactSource>();
        for (var i = 0; i < ids.Count; i++)
        {
            var id = ids[i];
            if (id is not null && _sources.TryGetValue(id, out var source)) result.Add(source);
            else if (id is not null && _sourceLookup.ContainsKey(id) && !_sources.ContainsKey(id)) Error($"{path}.sources[{i}]", "sources", $"source '{id}' is itself invalid");
            else Error($"{path}.sources[{i}]", "sources", $"unknown source id '{id}'");
        }

        return result.Count == ids.Count ? result : null;
    }

    private EvidenceGrade? RequiredGrade(string? value, List<FactSource>? sources, string path)
    {
        var grade = RequiredEnum<EvidenceGrade>(value, path, "grade");
        if (grade is { } g && sources is { Count: > 0 })
        {
            // A fact is never stronger than the best source it rests on.
            var best = sources.Min(s => s.Grade);
            if (g < best)
            {
                Error(path + ".grade", "grade", $"'{value}' is stronger than every source (best is '{Camel(best.ToString())}')");
                return null;
            }
        }

        return grade;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9./-]*$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[a-z0-9-]+(\\.[a-z0-9-]+)+$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex DomainPattern();

    [GeneratedRegex("^(#[0-9]{4}|[0-9]{3}|0[0-9]{1,4}-[0-9]{1,6}(-[0-9]{3,4})?)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex PhonePattern();
}
