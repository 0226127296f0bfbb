using System.Text.Json;
using System.Text.Json.Serialization;

namespace TakeoverRules.Facts.Data;

// Wire shape of a facts file. Every member is nullable so that a partial file deserializes and the reader can
// report each missing field by path instead of failing on the first.

internal sealed class FactsDocument
{
    public int? Schema { get; set; }
    public string? Version { get; set; }
    public string? Date { get; set; }
    public List<SourceDto?>? Sources { get; set; }
    public List<FactDto?>? Facts { get; set; }
    public List<StatisticsReportDto?>? Statistics { get; set; }
    public List<BrokerDto?>? Brokers { get; set; }
    public List<PolicyDto?>? Policies { get; set; }
    public List<ContactDto?>? Contacts { get; set; }
    public List<RegimeDto?>? Regimes { get; set; }
}

internal sealed class TextDto
{
    public string? Ja { get; set; }
    public string? En { get; set; }
}

internal sealed class SourceDto
{
    public string? Id { get; set; }
    public string? Title { get; set; }
    public string? Publisher { get; set; }
    public string? Url { get; set; }
    public string? Published { get; set; }
    public string? Grade { get; set; }
}

internal sealed class QuantityDto
{
    public decimal? Value { get; set; }
    public string? Unit { get; set; }
    public string? Qualifier { get; set; }
}

internal sealed class FactDto
{
    public string? Id { get; set; }
    public string? Topic { get; set; }
    public string? Key { get; set; }
    public string? Subject { get; set; }
    public TextDto? Statement { get; set; }
    public QuantityDto? Quantity { get; set; }
    public string? AsOf { get; set; }
    public string? Basis { get; set; }
    public List<string?>? Sources { get; set; }
    public List<string?>? Supersedes { get; set; }
    public string? Grade { get; set; }
}

internal sealed class FigureDto
{
    public string? From { get; set; }
    public string? To { get; set; }
    public string? Metric { get; set; }
    public decimal? Value { get; set; }
    public string? Qualifier { get; set; }
}

internal sealed class StatisticsReportDto
{
    public string? Id { get; set; }
    public string? Published { get; set; }
    public List<FigureDto?>? Figures { get; set; }
    public List<string?>? Sources { get; set; }
    public string? Grade { get; set; }
}

internal sealed class DomainDto
{
    public string? Name { get; set; }
    public bool? Confirmed { get; set; }
    public TextDto? Note { get; set; }
}

internal sealed class BrokerDto
{
    public string? Id { get; set; }
    public TextDto? Name { get; set; }
    public List<DomainDto?>? Domains { get; set; }
    public bool? InJsdaAgreement { get; set; }
    public List<string?>? Sources { get; set; }
}

internal sealed class PolicyDto
{
    public string? Id { get; set; }
    public List<string?>? Brokers { get; set; }
    public TextDto? Title { get; set; }
    public string? Kind { get; set; }
    public string? AsOf { get; set; }
    public string? Basis { get; set; }
    public string? IncidentsFrom { get; set; }
    public string? IncidentsTo { get; set; }
    public decimal? CashShare { get; set; }
    public bool? FeesRefunded { get; set; }
    public long? SympathyPaymentYen { get; set; }
    public bool? CoversSaleOnly { get; set; }
    public bool? MayBeReducedOrRefused { get; set; }
    public string? LossBasis { get; set; }
    public List<TextDto?>? Rules { get; set; }
    public List<TextDto?>? Exclusions { get; set; }
    public List<TextDto?>? Conditions { get; set; }
    public List<string?>? Sources { get; set; }
    public string? Grade { get; set; }
}

internal sealed class NumberDto
{
    public string? Number { get; set; }
    public TextDto? Use { get; set; }
}

internal sealed class ContactDto
{
    public string? Id { get; set; }
    public string? Kind { get; set; }
    public TextDto? Organisation { get; set; }
    public string? Phone { get; set; }
    public List<NumberDto?>? OtherNumbers { get; set; }
    public TextDto? Hours { get; set; }
    public string? Url { get; set; }
    public TextDto? Purpose { get; set; }
    public string? Broker { get; set; }
    public List<string?>? Sources { get; set; }
    public string? AsOf { get; set; }
    public string? Basis { get; set; }
    public string? Grade { get; set; }
}

internal sealed class ShareDto
{
    public TextDto? Fault { get; set; }
    public decimal? Share { get; set; }
}

internal sealed class RegimeDto
{
    public string? Id { get; set; }
    public string? Sector { get; set; }
    public TextDto? Case { get; set; }
    public TextDto? WhoPays { get; set; }
    public TextDto? Rule { get; set; }
    public List<TextDto?>? Conditions { get; set; }
    public List<ShareDto?>? Shares { get; set; }
    public List<string?>? Sources { get; set; }
    public string? AsOf { get; set; }
    public string? Grade { get; set; }
}

// Unknown members are errors: a misspelt field in an update file must not be silently ignored.
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = false,
    MaxDepth = 16)]
[JsonSerializable(typeof(FactsDocument))]
internal sealed partial class FactsJsonContext : JsonSerializerContext;
