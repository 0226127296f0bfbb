using System.Globalization;
using TakeoverRules.Detection;

namespace TakeoverRules.Testing;

/// <summary>
/// Generates an account's normal activity before its timeline from its <see cref="CustomerProfile"/>: logins from its
/// devices and networks in its usual hours (an occasional mistyped password), orders of its usual size in its markets, fills,
/// and a weekly portfolio snapshot. Deterministic for a given profile seed and account id.
/// </summary>
internal static class HistoryWriter
{
    private static readonly TimeSpan Jst = TimeSpan.FromHours(9);

    public static IReadOnlyList<string> DevicesOf(ScenarioBuilder.AccountScript script) =>
        script.Devices ??= script.Profile.Devices ?? [script.Id + "-phone", script.Id + "-pc"];

    public static TestNetworks.Network[] NetworksOf(ScenarioBuilder.AccountScript script) => script.Networks ??= ComputeNetworks(script);

    private static TestNetworks.Network[] ComputeNetworks(ScenarioBuilder.AccountScript script)
    {
        var profile = script.Profile;
        var hash = TestNetworks.StableHash(script.Id);
        if (profile.Country != "JP")
        {
            return [TestNetworks.Foreign(profile.Country, hosting: false)];
        }

        var residential = TestNetworks.JapaneseResidential;
        var result = new TestNetworks.Network[profile.Networks];
        result[0] = residential[hash % 5];
        for (var i = 1; i < result.Length; i++)
        {
            // Mobile carriers next, then other broadband providers, without repeats.
            result[i] = residential.Where(n => !result.Take(i).Contains(n)).ElementAt((hash / 7 + i) % (residential.Length - i));
        }

        return result;
    }

    public static List<AccountEvent> Write(ScenarioBuilder.AccountScript script, ScenarioBuilder builder, DateTimeOffset end)
    {
        var profile = script.Profile;
        var random = new Random(profile.Seed ?? TestNetworks.StableHash("history:" + script.Id));
        var devices = DevicesOf(script);
        var networks = NetworksOf(script);
        var subscriber = TestNetworks.StableHash(script.Id);
        var begin = end - TimeSpan.FromDays(7 * profile.HistoryWeeks);
        var pool = builder.HistoryUniverse
            .Where(i => profile.Markets.Contains(i.Market) && (profile.TradesThinStocks || IsMainstream(i)))
            .ToList();
        var popularity = pool.Count > 0 ? new Simulation.PopularityTable(pool) : null;
        var prefix = "h:" + script.Id + ":";
        var events = new List<AccountEvent>();
        var owned = new Dictionary<string, (Instrument Instrument, long Quantity)>(StringComparer.Ordinal);
        var n = 0;
        string NextId(string kind) => string.Create(CultureInfo.InvariantCulture, $"{prefix}{kind}-{++n}");

        for (var day = new DateTimeOffset(begin.ToOffset(Jst).Date, Jst); day < end; day = day.AddDays(1))
        {
            if ((day - begin).Days % 7 == 0 && day.AddHours(7) >= begin && day.AddHours(7) < end)
            {
                var positions = script.Holdings.Where(h => h.Quantity > 0)
                    .Select(h => new Position(h.Instrument.Symbol, h.Quantity, Math.Round(h.Quantity * h.Instrument.LastPriceJpy, 0)))
                    .ToList();
                events.Add(new PortfolioEvent(NextId("portfolio"), day.AddHours(7), script.Id, positions, script.Cash, script.Cash + script.MarginBuyingPower));
            }

            var logins = Poisson(random, profile.LoginsPerWeek / 7);
            for (var l = 0; l < logins; l++)
            {
                var hour = (profile.UsualHoursStart + random.Next(profile.UsualHoursLength)) % 24;
                var time = day.AddHours(hour).AddMinutes(random.Next(60)).AddSeconds(random.Next(60));
                if (time < begin || time >= end)
                {
                    continue;
                }

                var device = random.NextDouble() < 0.7 ? devices[0] : devices[random.Next(devices.Count)];
                var network = random.NextDouble() < 0.75 ? networks[0] : networks[random.Next(networks.Length)];
                var ip = TestNetworks.Address(network, subscriber);
                var channel = device.EndsWith("-phone", StringComparison.Ordinal) || device.EndsWith("-tablet", StringComparison.Ordinal) ? LoginChannel.App : LoginChannel.Web;
                if (random.NextDouble() < 0.03)
                {
                    events.Add(Login(NextId("login"), time.AddSeconds(-20), script.Id, false, ip, device, profile, channel, network));
                }

                events.Add(Login(NextId("login"), time, script.Id, true, ip, device, profile, channel, network));
                var orders = profile.LoginsPerWeek > 0 ? Poisson(random, profile.OrdersPerWeek / profile.LoginsPerWeek) : 0;
                for (var o = 0; o < orders && pool.Count > 0; o++)
                {
                    time = time.AddSeconds(60 + random.Next(300));
                    AddOrder(events, NextId, random, script, builder, popularity!, owned, time);
                }
            }
        }

        events.Sort((a, b) => a.Time.CompareTo(b.Time));
        return events;
    }

    private static bool IsMainstream(Instrument i) => i.AvgDailyTurnoverJpy >= 200_000_000m && i.LastPriceJpy >= 300m;

    private static LoginEvent Login(string id, DateTimeOffset time, string account, bool success, string ip, string device,
        CustomerProfile profile, LoginChannel channel, TestNetworks.Network network) =>
        new(id, time, account, success, ip, device, profile.AuthMethod, channel)
        {
            Country = network.Country,
            Asn = network.Asn,
            Hosting = network.Hosting,
        };

    private static void AddOrder(List<AccountEvent> events, Func<string, string> nextId, Random random, ScenarioBuilder.AccountScript script,
        ScenarioBuilder builder, Simulation.PopularityTable popularity, Dictionary<string, (Instrument Instrument, long Quantity)> owned, DateTimeOffset time)
    {
        var profile = script.Profile;
        var sell = owned.Count > 0 && random.NextDouble() < 0.45;
        Instrument instrument;
        long quantity;
        if (sell)
        {
            var pick = owned.Values.ElementAt(random.Next(owned.Count));
            instrument = pick.Instrument;
            quantity = pick.Quantity;
            owned.Remove(instrument.Symbol);
        }
        else
        {
            var value = (decimal)Math.Exp(Math.Log((double)profile.TypicalOrderJpy) + (0.55 * Gaussian(random)));
            // Customers trade popular names more often (popular names are the liquid ones) and whose lot fits their usual size.
            instrument = popularity.Pick(random);
            for (var attempt = 0; attempt < 8 && instrument.LastPriceJpy * instrument.LotSize > 2 * value; attempt++)
            {
                instrument = popularity.Pick(random);
            }
            var lotValue = instrument.LastPriceJpy * instrument.LotSize;
            quantity = Math.Max(1, (long)Math.Round(value / lotValue)) * instrument.LotSize;
            owned[instrument.Symbol] = owned.TryGetValue(instrument.Symbol, out var had) ? (instrument, had.Quantity + quantity) : (instrument, quantity);
        }

        builder.Register(instrument);
        // History prices wander a few percent around the reference price.
        var price = ScenarioBuilder.RoundToTick(instrument, instrument.LastPrice * (decimal)(0.94 + (random.NextDouble() * 0.12)));
        var notional = Math.Round(quantity * price * ScenarioBuilder.JpyPerUnit(instrument), 0);
        var margin = !sell && profile.TradesOnMargin && random.NextDouble() < 0.4;
        if (!sell && instrument.Currency != "JPY" && random.NextDouble() < 0.3)
        {
            events.Add(new FxConversionEvent(nextId("fx"), time.AddSeconds(-30), script.Id, "JPY", instrument.Currency, notional));
        }

        var orderId = nextId(sell ? "sell" : "buy");
        var buyingPower = Math.Round(Math.Max(script.Cash + script.MarginBuyingPower, notional * (decimal)(2 + (random.NextDouble() * 8))), 0);
        events.Add(new OrderEvent(orderId, time, script.Id, orderId, sell ? OrderSide.Sell : OrderSide.Buy, instrument.Symbol, quantity, OrderType.Limit, notional)
        {
            Price = price,
            Margin = margin,
            BuyingPowerJpy = buyingPower,
        });
        events.Add(new ExecutionEvent(orderId + "-fill", time.AddSeconds(2), script.Id, orderId, sell ? OrderSide.Sell : OrderSide.Buy, instrument.Symbol, quantity, price, notional));
    }

    internal static int Poisson(Random random, double mean)
    {
        if (mean <= 0)
        {
            return 0;
        }

        var limit = Math.Exp(-mean);
        var k = 0;
        var p = random.NextDouble();
        while (p > limit && k < 100)
        {
            k++;
            p *= random.NextDouble();
        }

        return k;
    }

    internal static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
