using TakeoverRules.Detection;

namespace TakeoverRules.Benchmarks.Detection;

/// <summary>
/// A deterministic event stream for the detection benchmarks: honest customers who log in from their own phone and
/// trade liquid stocks most evenings, interleaved day by day, and a share of attacked accounts that end with the 2025
/// rotation (foreign hosting login, liquidation, buys of a thin HK stock). Events are built up front so the
/// benchmarks measure detection, not event construction.
/// </summary>
internal sealed class DetectionWorkload
{
    private static readonly TimeSpan Jst = TimeSpan.FromHours(9);
    private static readonly string[] Liquid = ["TSE:7203", "TSE:6758", "TSE:8306", "HKEX:00700"];

    public DetectionWorkload(int accounts, int historyDays, int measuredDays, double attackedShare)
    {
        var random = new Random(20250317);
        var start = new DateTimeOffset(2025, 3, 3, 0, 0, 0, Jst);
        var history = new List<AccountEvent>();
        var honest = new List<AccountEvent>();
        var names = Enumerable.Range(0, accounts).Select(i => $"acct-{i:000000}").ToArray();
        var hours = names.Select(_ => 18 + random.Next(5)).ToArray();
        var next = 0;
        string Id() => "ev-" + (next++).ToString("0000000", System.Globalization.CultureInfo.InvariantCulture);

        for (var day = 0; day < historyDays + measuredDays; day++)
        {
            var target = day < historyDays ? history : honest;
            for (var a = 0; a < accounts; a++)
            {
                var account = names[a];
                var time = start.AddDays(day).AddHours(hours[a]).AddMinutes(a % 50);
                if (day == 0)
                {
                    history.Add(new PortfolioEvent(Id(), time.AddMinutes(-1), account, [new Position("TSE:7203", 3000, 8_400_000m)], 2_000_000m, 2_000_000m));
                }

                target.Add(new LoginEvent(Id(), time, account, true, $"203.0.{a % 200}.{a % 250}", $"phone-{account}", AuthMethod.Sms, LoginChannel.App)
                {
                    Asn = "AS" + (2500 + a % 7),
                    Country = "JP",
                    Hosting = false,
                });
                var symbol = Liquid[a % Liquid.Length];
                target.Add(new OrderEvent(Id(), time.AddMinutes(2), account, "o" + next, (day + a) % 4 == 0 ? OrderSide.Sell : OrderSide.Buy, symbol, 100, OrderType.Limit, 280_000m + (a % 5) * 10_000m)
                {
                    Price = 2800m,
                    BuyingPowerJpy = 2_000_000m,
                });
                target.Add(new ExecutionEvent(Id(), time.AddMinutes(3), account, "o" + next, OrderSide.Buy, symbol, 100, 2800m, 280_000m));
            }
        }

        var attacks = new List<AccountEvent>();
        var attackTime = start.AddDays(historyDays + measuredDays).AddHours(15);
        for (var a = 0; a < accounts * attackedShare; a++)
        {
            var account = names[a];
            var t = attackTime.AddMinutes(a % 120);
            attacks.Add(new LoginEvent(Id(), t, account, true, "198.51.100." + (a % 250), "attacker-" + (a % 3), AuthMethod.Sms, LoginChannel.Web)
            {
                Asn = "AS16509",
                Country = "SG",
                Hosting = true,
            });
            attacks.Add(new SettingChangedEvent(Id(), t.AddMinutes(1), account, AccountSetting.LoginNotifications) { Enabled = false });
            attacks.Add(new OrderEvent(Id(), t.AddMinutes(4), account, "s" + next, OrderSide.Sell, "TSE:7203", 3000, OrderType.Market, 8_000_000m));
            for (var i = 0; i < 3; i++)
            {
                attacks.Add(new OrderEvent(Id(), t.AddMinutes(8 + i), account, "b" + next, OrderSide.Buy, "HKEX:08365", 1_000_000, OrderType.Limit, 3_000_000m)
                {
                    Price = 0.60m + 0.02m * i,
                    BuyingPowerJpy = 10_000_000m - 3_000_000m * i,
                });
            }
        }

        History = [.. history];
        HonestTail = [.. honest];
        Mixed = [.. history, .. honest, .. attacks];
        Instruments = new InstrumentTable(
        [
            new Instrument("TSE:7203", "TSE", "JPY", 2800m, 2800m, 150_000_000_000m, 100),
            new Instrument("TSE:6758", "TSE", "JPY", 3300m, 3300m, 120_000_000_000m, 100),
            new Instrument("TSE:8306", "TSE", "JPY", 1900m, 1900m, 90_000_000_000m, 100),
            new Instrument("HKEX:00700", "HKEX", "HKD", 400m, 7600m, 200_000_000_000m, 100),
            new Instrument("HKEX:08365", "HKEX", "HKD", 0.6m, 11.4m, 4_000_000m, 4000),
        ]);
        Accounts = accounts;
    }

    public int Accounts { get; }

    /// <summary>The first days of every account: builds baselines.</summary>
    public AccountEvent[] History { get; }

    /// <summary>Later honest days after <see cref="History"/>: the allow path.</summary>
    public AccountEvent[] HonestTail { get; }

    /// <summary>History, honest tail and the attacks, in time order.</summary>
    public AccountEvent[] Mixed { get; }

    public InstrumentTable Instruments { get; }

    /// <summary>Decides on every event of <see cref="HonestTail"/>; throws if any indicator fires (it is the allow path).</summary>
    public int AllowAll(TakeoverDetector detector)
    {
        var flagged = 0;
        foreach (var e in HonestTail)
        {
            flagged += detector.Evaluate(e).Indicators.Count;
        }

        return flagged != 0 ? throw new InvalidOperationException($"the allow path fired {flagged} indicators") : flagged;
    }
}
