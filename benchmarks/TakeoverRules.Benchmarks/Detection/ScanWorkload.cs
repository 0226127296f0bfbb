using TakeoverRules.Detection;
using TakeoverRules.Detection.Format;

namespace TakeoverRules.Benchmarks.Detection;

/// <summary>
/// A deterministic broker day as event format v1 bytes: logins, orders and executions, snapshots, some setting
/// changes, FX and withdrawals over many accounts, with about 1 account in 200 taken over (hosting login,
/// notifications off, sell-off, rising thin buys). The same mix as <c>make-scan-input.py</c>, which writes large files.
/// </summary>
internal static class ScanWorkload
{
    private static readonly (string Symbol, decimal Price)[] Large =
        [("TSE:7203", 2900), ("TSE:8306", 1900), ("TSE:9432", 155), ("TSE:9984", 8500), ("TSE:6758", 3300), ("TSE:8058", 2700)];

    public static InstrumentTable Instruments { get; } = new(
        [
            .. Large.Select(l => new Instrument(l.Symbol, "TSE", "JPY", l.Price, l.Price, 50_000_000_000m, 100)),
            new Instrument("HKEX:08365", "HKEX", "HKD", 0.42m, 8.1m, 3_000_000m, 4000),
        ]);

    public static byte[] Build(int count, int accounts, int seed = 20250321)
    {
        var random = new Random(seed);
        var attacked = new HashSet<int>(Enumerable.Range(0, accounts / 200).Select(_ => random.Next(accounts)));
        var stage = new Dictionary<int, int>();
        var start = new DateTimeOffset(2025, 3, 3, 8, 0, 0, TimeSpan.FromHours(9));
        using var stream = new MemoryStream();
        using (var writer = new EventWriter(stream, leaveOpen: true))
        {
            for (var i = 0; i < count; i++)
            {
                var account = random.Next(accounts);
                var id = "e" + i.ToString("D9", System.Globalization.CultureInfo.InvariantCulture);
                var name = "A-" + account.ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
                var time = start.AddSeconds(30L * 24 * 3600 * i / count);
                var s = stage.GetValueOrDefault(account);
                if (attacked.Contains(account) && i > count / 2 && s < 8)
                {
                    stage[account] = s + 1;
                    writer.Write(Attack(s, id, time, name, account, i));
                }
                else
                {
                    writer.Write(Normal(random, id, time, name, account, i));
                }
            }
        }

        return stream.ToArray();
    }

    private static AccountEvent Normal(Random random, string id, DateTimeOffset time, string name, int account, int i)
    {
        var r = random.NextDouble();
        var (symbol, price) = Large[(account + i) % Large.Length];
        var quantity = 100L * (1 + (account % 5));
        return r switch
        {
            < 0.30 => new LoginEvent(id, time, name, random.NextDouble() > 0.03, $"203.0.{account % 250}.{(account % 199) + 1}", $"dev-{account:x}", AuthMethod.Sms, account % 3 == 0 ? LoginChannel.Web : LoginChannel.App)
            {
                Country = "JP",
                Asn = "AS64496",
                Hosting = false,
            },
            < 0.60 => new OrderEvent(id, time, name, "o" + i, random.NextDouble() < 0.55 ? OrderSide.Buy : OrderSide.Sell, symbol, quantity, OrderType.Limit, quantity * price)
            {
                Price = price,
                BuyingPowerJpy = 5_000_000m,
            },
            < 0.85 => new ExecutionEvent(id, time, name, "o" + (i - 1), OrderSide.Buy, symbol, quantity, price, quantity * price),
            < 0.90 => new PortfolioEvent(id, time, name, [new Position(Large[account % Large.Length].Symbol, 500, 500 * Large[account % Large.Length].Price)], 300_000m, 300_000m),
            < 0.93 => new SettingChangedEvent(id, time, name, AccountSetting.Address),
            < 0.97 => new FxConversionEvent(id, time, name, "JPY", "USD", 100_000m),
            _ => new WithdrawalRequestEvent(id, time, name, 50_000m, $"bank-{account:D7}"),
        };
    }

    private static AccountEvent Attack(int stage, string id, DateTimeOffset time, string name, int account, int i)
    {
        switch (stage)
        {
            case 0:
                return new LoginEvent(id, time, name, true, $"198.18.{account % 250}.8", $"atk-{account:x}", AuthMethod.Sms, LoginChannel.Web)
                {
                    Country = "JP",
                    Asn = "AS64511",
                    Hosting = true,
                };
            case 1:
                return new SettingChangedEvent(id, time, name, AccountSetting.LoginNotifications) { Enabled = false };
            case 2 or 3:
                var (symbol, price) = Large[(account + stage) % Large.Length];
                return new OrderEvent(id, time, name, "x" + i, OrderSide.Sell, symbol, 500, OrderType.Market, 500 * price);
            default:
                var quantity = 40_000L * (stage - 2);
                var step = 1 + (0.05m * (stage - 4));
                return new OrderEvent(id, time, name, "x" + i, OrderSide.Buy, "HKEX:08365", quantity, OrderType.Limit, Math.Round(quantity * 8.1m * step))
                {
                    Price = Math.Round(0.42m * step, 4),
                    BuyingPowerJpy = 4_000_000m,
                };
        }
    }
}
