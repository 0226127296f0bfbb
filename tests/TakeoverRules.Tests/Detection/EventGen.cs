using CsCheck;
using TakeoverRules.Detection;

namespace TakeoverRules.Tests.Detection;

/// <summary>CsCheck generators of valid events of every type, including awkward strings (quotes, Japanese, controls).</summary>
internal static class EventGen
{
    private static readonly Gen<string> Text = Gen.String[Gen.Char["abcXYZ019-_:. \"\\\n\t/口座証券éü"], 1, 12];

    private static readonly Gen<DateTimeOffset> Time = Gen.Select(
        Gen.Long[new DateTime(2000, 1, 1).Ticks, new DateTime(2100, 1, 1).Ticks],
        Gen.Int[-14 * 60, 14 * 60],
        (ticks, minutes) => new DateTimeOffset(ticks, TimeSpan.FromMinutes(minutes)));

    private static readonly Gen<decimal> Amount = Gen.Long[0, 100_000_000_000_000].Select(v => v / 100m);

    private static readonly Gen<decimal> Price = Gen.Long[1, 10_000_000_000].Select(v => v / 10_000m);

    private static readonly Gen<long> Quantity = Gen.Long[1, 10_000_000_000];

    private static readonly Gen<string> Symbol = Gen.Select(
        Gen.OneOf("TSE", "HKEX", "NASDAQ", "SSE", "X1"),
        Gen.String[Gen.Char["0123456789ABZ._-"], 1, 8],
        (m, c) => m + ":" + c);

    private static readonly Gen<bool?> OptionalBool = Gen.OneOf<bool?>(null, true, false);

    private static readonly Gen<(string Id, DateTimeOffset Time, string Account)> Common = Gen.Select(Text, Time, Text);

    private static readonly Gen<AccountEvent> Login = Gen.Select(
        Common, Gen.Bool, Text, Text, Gen.Enum<AuthMethod>(), Gen.Enum<LoginChannel>(),
        Gen.Select(Gen.OneOf<string?>(null, "JP", "HK", "XK"), Gen.OneOf<string?>(null, "AS64496", "64497"), OptionalBool),
        (c, success, ip, device, auth, channel, opt) => (AccountEvent)new LoginEvent(c.Id, c.Time, c.Account, success, ip, device, auth, channel)
        {
            Country = opt.Item1,
            Asn = opt.Item2,
            Hosting = opt.Item3,
        });

    private static readonly Gen<AccountEvent> Setting = Gen.Select(
        Common, Gen.Enum<AccountSetting>(), OptionalBool,
        (c, setting, enabled) => (AccountEvent)new SettingChangedEvent(c.Id, c.Time, c.Account, setting) { Enabled = enabled });

    private static readonly Gen<AccountEvent> Order = Gen.Select(
        Common, Text, Gen.Enum<OrderSide>(), Symbol, Quantity, Gen.Bool, Amount,
        Gen.Select(Price, OptionalBool, Gen.Select(Gen.Bool, Amount)),
        (c, orderId, side, symbol, quantity, isLimit, notional, opt) =>
            (AccountEvent)new OrderEvent(c.Id, c.Time, c.Account, orderId, side, symbol, quantity, isLimit ? OrderType.Limit : OrderType.Market, notional)
            {
                Price = isLimit ? opt.Item1 : null,
                Margin = opt.Item2,
                BuyingPowerJpy = opt.Item3.Item1 ? opt.Item3.Item2 : null,
            });

    private static readonly Gen<AccountEvent> Execution = Gen.Select(
        Common, Text, Gen.Enum<OrderSide>(), Symbol, Quantity, Price, Amount,
        (c, orderId, side, symbol, quantity, price, notional) =>
            (AccountEvent)new ExecutionEvent(c.Id, c.Time, c.Account, orderId, side, symbol, quantity, price, notional));

    private static readonly Gen<AccountEvent> Fx = Gen.Select(
        Common, Gen.OneOf("JPY", "HKD", "USD", "CNY"), Gen.OneOf("JPY", "HKD", "USD"), Amount,
        (c, from, to, amount) => (AccountEvent)new FxConversionEvent(c.Id, c.Time, c.Account, from, to, amount));

    private static readonly Gen<AccountEvent> Withdrawal = Gen.Select(
        Common, Amount, Text,
        (c, amount, destination) => (AccountEvent)new WithdrawalRequestEvent(c.Id, c.Time, c.Account, amount, destination));

    private static readonly Gen<AccountEvent> Portfolio = Gen.Select(
        Common, Gen.Select(Symbol, Gen.Long[0, 1_000_000], Amount, (s, q, v) => new Position(s, q, v)).List[0, 5], Amount, Amount,
        (c, positions, cash, buyingPower) => (AccountEvent)new PortfolioEvent(c.Id, c.Time, c.Account, positions, cash, buyingPower));

    public static readonly Gen<AccountEvent> Events = Gen.OneOf(Login, Setting, Order, Execution, Fx, Withdrawal, Portfolio);
}
