using System.Globalization;
using TakeoverRules.Detection;

namespace TakeoverRules.Cli.Commands;

/// <summary>
/// The detection section of <c>takeover demo</c>: three customers with three weeks of ordinary history, then on one
/// afternoon an honest customer with a new phone, a classic 2025 rotation from a foreign hosting address, a quiet
/// takeover from a Japanese residential address with a small test order, and a bystander alerted by the ramp
/// across accounts. Prints each order's decision with its explanations.
/// </summary>
internal static class DetectionDemo
{
    private static readonly TimeSpan Jst = TimeSpan.FromHours(9);
    private const string Toyota = "TSE:7203";
    private const string HkPenny = "HKEX:08365";
    private const string TseThin = "TSE:9990";

    public static void Write(TextWriter output)
    {
        var instruments = new InstrumentTable(
        [
            new Instrument(Toyota, "TSE", "JPY", 2800m, 2800m, 150_000_000_000m, 100),
            new Instrument(HkPenny, "HKEX", "HKD", 0.6m, 11.4m, 4_000_000m, 4000),
            new Instrument(TseThin, "TSE", "JPY", 84m, 84m, 25_000_000m, 100),
        ]);
        var detector = new TakeoverDetector(new DetectorOptions(), instruments);
        output.WriteLine("== Takeover detection: pre-trade decisions on each order (takeover scan) ==");
        output.WriteLine("  Sample instruments (illustrative, not real market data): " + string.Join(", ", Toyota, HkPenny + " thin HK penny stock", TseThin + " thin ¥84 stock"));

        var start = new DateTimeOffset(2025, 3, 3, 20, 0, 0, Jst);
        string[] accounts = ["A-honest", "B-rotation", "C-quiet", "D-ramp1", "E-ramp2", "F-ramp3", "G-bystander"];
        foreach (var account in accounts)
        {
            foreach (var e in History(account, start))
            {
                detector.Evaluate(e);
            }
        }

        var day = start.Date.AddDays(21);
        var at = (int hour, int minute) => new DateTimeOffset(day.AddHours(hour).AddMinutes(minute), Jst);
        var n = 0;
        string Id() => "demo-" + (++n).ToString("000", CultureInfo.InvariantCulture);
        LoginEvent Login(string account, DateTimeOffset time, string device, string ip, string asn, string country, bool hosting) =>
            new(Id(), time, account, true, ip, device, AuthMethod.Sms, LoginChannel.Web) { Asn = asn, Country = country, Hosting = hosting };
        OrderEvent Order(string account, DateTimeOffset time, OrderSide side, string symbol, decimal notional, decimal? price = null, decimal? power = null) =>
            new(Id(), time, account, "o-" + n, side, symbol, 100, price is null ? OrderType.Market : OrderType.Limit, notional) { Price = price, BuyingPowerJpy = power };

        var stories = new (string Title, AccountEvent[] Events)[]
        {
            ("Honest customer, new phone, usual order", [
                Login("A-honest", at(20, 5), "new-iphone", "203.0.113.7", "AS2516", "JP", false),
                Order("A-honest", at(20, 9), OrderSide.Buy, Toyota, 310_000m, 2800m, 2_000_000m)]),
            ("2025 rotation: foreign hosting login, holdings sold, thin HK stock bought", [
                Login("B-rotation", at(15, 0), "unknown-pc", "198.51.100.20", "AS16509", "SG", true),
                new SettingChangedEvent(Id(), at(15, 2), "B-rotation", AccountSetting.LoginNotifications) { Enabled = false },
                Order("B-rotation", at(15, 5), OrderSide.Sell, Toyota, 9_200_000m),
                Order("B-rotation", at(15, 14), OrderSide.Buy, HkPenny, 5_000_000m, 0.62m, 11_200_000m)]),
            ("Quiet takeover: Japanese residential address, no setting changes, ¥8,400 test order", [
                Login("C-quiet", at(20, 10), "android-x", "203.0.114.50", "AS4713", "JP", false),
                Order("C-quiet", at(20, 16), OrderSide.Buy, TseThin, 8_400m, 84m, 2_000_000m)]),
        };

        foreach (var (title, events) in stories)
        {
            output.WriteLine();
            output.WriteLine("  " + title);
            foreach (var e in events)
            {
                Print(output, detector.Evaluate(e));
            }
        }

        output.WriteLine();
        output.WriteLine("  Next morning, ramp across accounts: three risky accounts buy " + TseThin + ", then a customer with only a new phone at home buys it (alerted, not held)");
        day = day.AddDays(1);
        var ramp = new AccountEvent[]
        {
            Login("D-ramp1", at(9, 10), "bot-1", "198.51.100.1", "AS9009", "JP", true), Order("D-ramp1", at(9, 12), OrderSide.Buy, TseThin, 2_000_000m, 84m),
            Login("E-ramp2", at(9, 20), "bot-2", "198.51.100.2", "AS9009", "JP", true), Order("E-ramp2", at(9, 22), OrderSide.Buy, TseThin, 2_000_000m, 92m),
            Login("F-ramp3", at(9, 30), "bot-3", "198.51.100.3", "AS9009", "JP", true), Order("F-ramp3", at(9, 32), OrderSide.Buy, TseThin, 2_000_000m, 101m),
            Login("G-bystander", at(10, 0), "new-iphone", "203.0.113.7", "AS2516", "JP", false), Order("G-bystander", at(10, 3), OrderSide.Buy, TseThin, 300_000m, 110m),
        };
        foreach (var e in ramp)
        {
            var decision = detector.Evaluate(e);
            if (e is OrderEvent)
            {
                Print(output, decision);
            }
        }
    }

    private static void Print(TextWriter output, Decision decision)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"    {decision.Time:HH:mm} {decision.EventType,-14} {decision.Kind.ToString().ToUpperInvariant(),-6} risk {decision.Risk,3}"));
        foreach (var hit in decision.Indicators)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"        +{hit.Points,-2} {IndicatorCatalog.Get(hit.Id).Code}: {hit.Message}"));
        }

        if (decision.Kind >= DecisionKind.Hold && decision.Indicators.Count > 0)
        {
            output.WriteLine("        ja: " + decision.Indicators[0].Describe(CommonOptions.Japanese));
        }
    }

    private static IEnumerable<AccountEvent> History(string account, DateTimeOffset start)
    {
        yield return new PortfolioEvent(account + "-pf", start.AddMinutes(-5), account, [new Position(Toyota, 3500, 10_000_000m)], 2_000_000m, 2_000_000m);
        for (var day = 0; day < 21; day++)
        {
            var time = start.AddDays(day);
            yield return new LoginEvent($"{account}-l{day}", time, account, true, "203.0.113.7", "own-phone", AuthMethod.Sms, LoginChannel.App) { Asn = "AS2516", Country = "JP", Hosting = false };
            yield return new OrderEvent($"{account}-o{day}", time.AddMinutes(3), account, $"{account}-o{day}", OrderSide.Buy, Toyota, 100, OrderType.Limit, 280_000m + day % 3 * 10_000m)
            {
                Price = 2800m,
                BuyingPowerJpy = 2_000_000m,
            };
        }
    }
}
