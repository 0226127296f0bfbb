using System.Text.Json;
using System.Text.Json.Serialization;
using TakeoverRules.Detection;

namespace TakeoverRules.Benchmarks.Detection;

/// <summary>
/// The baseline a team would write first: read a line as a string, deserialize it into a flat DTO with source-generated
/// System.Text.Json, map it to the event model, and serialize a decision DTO per line. Validation is left out, which
/// flatters the baseline.
/// </summary>
internal static class NaiveEventJson
{
    public static AccountEvent? Parse(string line)
    {
        var d = JsonSerializer.Deserialize(line, NaiveJson.Default.EventDto);
        if (d?.Type is null || d.Id is null || d.Account is null)
        {
            return null;
        }

        var time = DateTimeOffset.Parse(d.Time!, System.Globalization.CultureInfo.InvariantCulture);
        return d.Type switch
        {
            "login" => new LoginEvent(d.Id, time, d.Account, d.Success ?? false, d.Ip!, d.Device!, Enum.Parse<AuthMethod>(d.AuthMethod!, true), Enum.Parse<LoginChannel>(d.Channel!, true))
            {
                Country = d.Country,
                Asn = d.Asn,
                Hosting = d.Hosting,
            },
            "settingChanged" => new SettingChangedEvent(d.Id, time, d.Account, Enum.Parse<AccountSetting>(d.Setting!, true)) { Enabled = d.Enabled },
            "order" => new OrderEvent(d.Id, time, d.Account, d.OrderId!, Enum.Parse<OrderSide>(d.Side!, true), d.Symbol!, d.Quantity ?? 0, Enum.Parse<OrderType>(d.OrderType!, true), d.NotionalJpy ?? 0)
            {
                Price = d.Price,
                Margin = d.Margin,
                BuyingPowerJpy = d.BuyingPowerJpy,
            },
            "execution" => new ExecutionEvent(d.Id, time, d.Account, d.OrderId!, Enum.Parse<OrderSide>(d.Side!, true), d.Symbol!, d.Quantity ?? 0, d.Price ?? 0, d.NotionalJpy ?? 0),
            "fxConversion" => new FxConversionEvent(d.Id, time, d.Account, d.FromCurrency!, d.ToCurrency!, d.AmountJpy ?? 0),
            "withdrawalRequest" => new WithdrawalRequestEvent(d.Id, time, d.Account, d.AmountJpy ?? 0, d.Destination!),
            "portfolio" => new PortfolioEvent(d.Id, time, d.Account, [.. d.Positions!.Select(p => new Position(p.Symbol!, p.Quantity, p.ValueJpy))], d.CashJpy ?? 0, d.BuyingPowerJpy ?? 0),
            _ => null,
        };
    }

    public static string Serialize(Decision decision) => JsonSerializer.Serialize(
        new DecisionDto(
            decision.EventId,
            decision.Account,
            decision.Time,
            decision.Kind.ToString().ToLowerInvariant(),
            decision.Risk,
            [.. decision.Indicators.Select(i => new IndicatorDto(IndicatorCatalog.Get(i.Id).Code, i.Severity.ToString().ToLowerInvariant(), i.Evidence, i.Message))]),
        NaiveJson.Default.DecisionDto);
}

internal sealed class EventDto
{
    public string? Type { get; set; }
    public string? Id { get; set; }
    public string? Time { get; set; }
    public string? Account { get; set; }
    public bool? Success { get; set; }
    public string? Ip { get; set; }
    public string? Device { get; set; }
    public string? Country { get; set; }
    public string? Asn { get; set; }
    public bool? Hosting { get; set; }
    public string? AuthMethod { get; set; }
    public string? Channel { get; set; }
    public string? Setting { get; set; }
    public bool? Enabled { get; set; }
    public string? OrderId { get; set; }
    public string? Side { get; set; }
    public string? Symbol { get; set; }
    public long? Quantity { get; set; }
    public decimal? Price { get; set; }
    public string? OrderType { get; set; }
    public decimal? NotionalJpy { get; set; }
    public bool? Margin { get; set; }
    public decimal? BuyingPowerJpy { get; set; }
    public string? FromCurrency { get; set; }
    public string? ToCurrency { get; set; }
    public decimal? AmountJpy { get; set; }
    public string? Destination { get; set; }
    public List<PositionDto>? Positions { get; set; }
    public decimal? CashJpy { get; set; }
}

internal sealed class PositionDto
{
    public string? Symbol { get; set; }
    public long Quantity { get; set; }
    public decimal ValueJpy { get; set; }
}

internal sealed record DecisionDto(string EventId, string Account, DateTimeOffset Time, string Decision, int Risk, IReadOnlyList<IndicatorDto> Indicators);

internal sealed record IndicatorDto(string Id, string Severity, IReadOnlyList<string> Evidence, string Message);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(EventDto))]
[JsonSerializable(typeof(DecisionDto))]
internal sealed partial class NaiveJson : JsonSerializerContext;
