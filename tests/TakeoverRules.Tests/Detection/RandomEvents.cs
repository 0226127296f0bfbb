using CsCheck;
using TakeoverRules.Detection;

namespace TakeoverRules.Tests.Detection;

/// <summary>
/// CsCheck generator of mixed event streams over a handful of accounts: logins from a few devices and networks
/// (some foreign or hosting), failed logins, settings changes, buys and sells of liquid and thin symbols, portfolio
/// snapshots, withdrawals, out-of-order times and re-delivered duplicates. Enough variety to reach every indicator.
/// </summary>
internal static class RandomEvents
{
    private static readonly string[] Symbols = [Market.Toyota, Market.Tencent, Market.HkPenny, Market.TseThin, Market.TseThin2];
    private static readonly string[] Countries = ["JP", "JP", "JP", "SG", "US"];
    private static readonly AccountSetting[] Settings = Enum.GetValues<AccountSetting>();

    /// <summary>Streams of <paramref name="minLength"/> to <paramref name="maxLength"/> events.</summary>
    public static Gen<List<AccountEvent>> Stream(int maxLength = 300, int minLength = 1) =>
        Gen.Select(Gen.Int, Gen.Int[0, 7], Gen.Int[0, 200], Gen.Int[0, 6], Gen.Int[0, 3], Gen.Int[0, 4], Gen.Int[1, 60])
            .Select(t => (Seed: t.Item1, Account: t.Item2, Minutes: t.Item3, Kind: t.Item4, Variant: t.Item5, Symbol: t.Item6, Size: t.Item7))
            .List[minLength, maxLength]
            .Select(steps =>
            {
                var start = new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.FromHours(9));
                var clock = start;
                var events = new List<AccountEvent>(steps.Count);
                for (var i = 0; i < steps.Count; i++)
                {
                    var s = steps[i];

                    // Every ninth step re-delivers an earlier event; every eleventh goes back in time.
                    if (s.Seed % 9 == 0 && events.Count > 0)
                    {
                        events.Add(events[Math.Abs(s.Seed % events.Count)]);
                        continue;
                    }

                    clock = s.Seed % 11 == 0 ? clock.AddMinutes(-s.Minutes / 4) : clock.AddMinutes(s.Minutes);
                    events.Add(Make(i, $"acct-{s.Account}", clock, s.Kind, s.Variant, Symbols[s.Symbol], s.Size));
                }

                return events;
            });

    private static AccountEvent Make(int index, string account, DateTimeOffset time, int kind, int variant, string symbol, int size)
    {
        var id = $"e{index}";
        var notional = size * 50_000m;
        return kind switch
        {
            0 or 1 => new LoginEvent(id, time, account, variant != 3, $"203.0.{variant}.{size}", $"device-{variant}", AuthMethod.Sms, LoginChannel.App)
            {
                Asn = $"AS{2500 + variant}",
                Country = Countries[(size + variant) % Countries.Length],
                Hosting = variant == 2 && size % 2 == 0,
            },
            2 => new OrderEvent(id, time, account, "o" + id, OrderSide.Buy, symbol, size * 100, variant == 0 ? OrderType.Market : OrderType.Limit, notional)
            {
                Price = variant == 0 ? null : size,
                BuyingPowerJpy = variant == 1 ? 3_000_000m : null,
                Margin = variant == 2,
            },
            3 => new OrderEvent(id, time, account, "o" + id, OrderSide.Sell, symbol, size * 100, OrderType.Market, notional * 2),
            4 => new PortfolioEvent(id, time, account, [new Position(Market.Toyota, size * 100, size * 100_000m)], 1_000_000m, 1_000_000m + variant * 500_000m),
            5 => new SettingChangedEvent(id, time, account, Settings[(size + variant) % Settings.Length]) { Enabled = variant == 0 ? null : variant % 2 == 0 },
            _ => new WithdrawalRequestEvent(id, time, account, notional, $"bank-{variant}"),
        };
    }
}
