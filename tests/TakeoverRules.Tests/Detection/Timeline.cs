using TakeoverRules.Detection;

namespace TakeoverRules.Tests.Detection;

/// <summary>Reference data shared by the hand-written detection scenarios.</summary>
internal static class Market
{
    public const string Toyota = "TSE:7203";
    public const string Tencent = "HKEX:00700";
    public const string HkPenny = "HKEX:08365";
    public const string TseThin = "TSE:9990";
    public const string TseThin2 = "TSE:9991";

    public static InstrumentTable Instruments { get; } = new(
    [
        new Instrument(Toyota, "TSE", "JPY", 2800m, 2800m, 150_000_000_000m, 100),
        new Instrument(Tencent, "HKEX", "HKD", 400m, 7600m, 200_000_000_000m, 100),
        new Instrument(HkPenny, "HKEX", "HKD", 0.6m, 11.4m, 4_000_000m, 4000),
        new Instrument(TseThin, "TSE", "JPY", 95m, 95m, 25_000_000m, 100),
        new Instrument(TseThin2, "TSE", "JPY", 140m, 140m, 60_000_000m, 100),
    ]);
}

/// <summary>
/// Builds one account's event stream on a virtual clock, with unique ids: enough to write realistic honest
/// histories and attacks by hand. Times are JST (+09:00).
/// </summary>
internal sealed class Timeline(string account, DateTimeOffset start)
{
    private static readonly TimeSpan Jst = TimeSpan.FromHours(9);
    private readonly List<AccountEvent> _events = [];
    private int _next;

    public Timeline(string account)
        : this(account, new DateTimeOffset(2025, 3, 3, 20, 0, 0, Jst))
    {
    }

    public string Account { get; } = account;

    public DateTimeOffset Now { get; private set; } = start;

    public IReadOnlyList<AccountEvent> Events => _events;

    public AccountEvent Last => _events[^1];

    public Timeline After(TimeSpan span)
    {
        Now += span;
        return this;
    }

    public Timeline At(int day, int hour, int minute = 0)
    {
        Now = new DateTimeOffset(2025, 3, 3, hour, minute, 0, Jst).AddDays(day);
        return this;
    }

    public Timeline Login(string device = "iphone-1", string ip = "203.0.113.7", string? asn = "AS2516", string? country = "JP", bool? hosting = false, bool success = true, LoginChannel channel = LoginChannel.App) =>
        Add(new LoginEvent(Id("login"), Now, Account, success, ip, device, AuthMethod.Sms, channel) { Asn = asn, Country = country, Hosting = hosting });

    public Timeline Buy(string symbol, decimal notional, decimal? price = null, decimal? buyingPower = null, bool? margin = null) =>
        Add(new OrderEvent(Id("order"), Now, Account, Id("o"), OrderSide.Buy, symbol, 100, price is null ? OrderType.Market : OrderType.Limit, notional)
        {
            Price = price,
            BuyingPowerJpy = buyingPower,
            Margin = margin,
        });

    public Timeline Sell(string symbol, decimal notional) =>
        Add(new OrderEvent(Id("order"), Now, Account, Id("o"), OrderSide.Sell, symbol, 100, OrderType.Market, notional));

    public Timeline Portfolio(decimal holdings, decimal cash, decimal? buyingPower = null) =>
        Add(new PortfolioEvent(Id("pf"), Now, Account, holdings > 0 ? [new Position(Market.Toyota, (long)(holdings / 2800), holdings)] : [], cash, buyingPower ?? cash));

    /// <summary>A snapshot holding one position in <paramref name="symbol"/> besides the Toyota shares.</summary>
    public Timeline PortfolioWith(string symbol, decimal value) =>
        Add(new PortfolioEvent(Id("pf"), Now, Account, [new Position(Market.Toyota, 3000, 8_400_000m), new Position(symbol, 1000, value)], 2_000_000m, 2_000_000m));

    public Timeline Setting(AccountSetting setting, bool? enabled = null) =>
        Add(new SettingChangedEvent(Id("set"), Now, Account, setting) { Enabled = enabled });

    public Timeline Withdraw(decimal amount, string destination = "bank-1") =>
        Add(new WithdrawalRequestEvent(Id("wd"), Now, Account, amount, destination));

    /// <summary>Twenty days of an ordinary customer: evening logins from one phone and home network, Toyota buys of about ¥300k.</summary>
    public Timeline HonestHistory(int days = 20, int hour = 20, string device = "iphone-1", string symbol = Market.Toyota, decimal size = 300_000m,
        LoginChannel channel = LoginChannel.App, int minutesToOrder = 3)
    {
        for (var day = 0; day < days; day++)
        {
            At(day, hour, 5).Login(device, channel: channel).After(TimeSpan.FromMinutes(minutesToOrder)).Buy(symbol, size + (day % 3) * 20_000m, buyingPower: 5_000_000m);
            if (day % 5 == 4)
            {
                After(TimeSpan.FromMinutes(2)).Sell(symbol, size);
            }
        }

        return At(days, hour).Portfolio(10_000_000m, 2_000_000m);
    }

    private string Id(string prefix) => $"{Account}-{prefix}-{++_next}";

    private Timeline Add(AccountEvent e)
    {
        _events.Add(e);
        return this;
    }
}
