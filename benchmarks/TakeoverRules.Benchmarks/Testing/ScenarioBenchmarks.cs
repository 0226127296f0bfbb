using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using TakeoverRules.Detection;
using TakeoverRules.Testing;

namespace TakeoverRules.Benchmarks.Testing;

/// <summary>
/// The testing kit's overhead: writing a 1,000-event scenario with the fluent builder and evaluating it (labels, fills of
/// held orders withheld, a result indexed by id), against the same 1,000 events written by hand as records and passed to
/// the detector in a loop. A second kit case generates ~1,000 events of history from a customer profile instead.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ScenarioBenchmarkConfig))]
public class ScenarioBenchmarks
{
    private const int Cycles = 200; // login, buy, fill, sell, fill: 5 events a cycle, 1,000 in all
    private static readonly DateTimeOffset Start = new(2025, 3, 3, 9, 0, 0, TimeSpan.FromHours(9));
    private static readonly Instrument Stock = TestMarket.LiquidDomestic;
    private static readonly InstrumentTable Instruments = new([Stock]);
    private static readonly CustomerProfile Busy = CustomerProfile.Default with { LoginsPerWeek = 40, OrdersPerWeek = 25, HistoryWeeks = 6 };

    [Benchmark(Baseline = true, Description = "1,000 events by hand + detector loop")]
    public int HandWritten()
    {
        var events = new List<AccountEvent>(Cycles * 5 + 1)
        {
            new PortfolioEvent("open", Start.AddMinutes(-1), "a", [], 10_000_000m, 10_000_000m),
        };
        var time = Start;
        var cash = 10_000_000m;
        for (var i = 1; i <= Cycles; i++)
        {
            events.Add(new LoginEvent($"login-{i}", time, "a", true, "2001:db8:a01:1::1", "a-phone", AuthMethod.Sms, LoginChannel.App) { Country = "JP", Asn = "AS64601", Hosting = false });
            time = time.AddSeconds(30);
            events.Add(new OrderEvent($"buy-{i}", time, "a", $"buy-{i}", OrderSide.Buy, Stock.Symbol, 100, OrderType.Limit, 280_000m) { Price = 2_800m, Margin = false, BuyingPowerJpy = cash });
            events.Add(new ExecutionEvent($"buy-{i}-fill", time.AddSeconds(2), "a", $"buy-{i}", OrderSide.Buy, Stock.Symbol, 100, 2_800m, 280_000m));
            cash -= 280_000m;
            time = time.AddSeconds(40);
            events.Add(new OrderEvent($"sell-{i}", time, "a", $"sell-{i}", OrderSide.Sell, Stock.Symbol, 100, OrderType.Limit, 280_000m) { Price = 2_800m, Margin = false, BuyingPowerJpy = cash });
            events.Add(new ExecutionEvent($"sell-{i}-fill", time.AddSeconds(2), "a", $"sell-{i}", OrderSide.Sell, Stock.Symbol, 100, 2_800m, 280_000m));
            cash += 280_000m;
            time = time.AddSeconds(40).AddHours(1);
        }

        var detector = new TakeoverDetector(new DetectorOptions(), Instruments);
        var held = 0;
        foreach (var e in events)
        {
            held += detector.Evaluate(e).Kind >= DecisionKind.Hold ? 1 : 0;
        }

        return held;
    }

    [Benchmark(Description = "1,000 events with the kit + Evaluate()")]
    public int Kit()
    {
        var builder = Scenario.Create(Start).Account("a", CustomerProfile.Default with { HistoryWeeks = 0 }).Cash(10_000_000m);
        for (var i = 0; i < Cycles; i++)
        {
            builder.Login().Buy(Stock, quantity: 100).Sell(Stock, quantity: 100).After(TimeSpan.FromHours(1));
        }

        return builder.Evaluate().Events.Count(e => e.IsStopped);
    }

    [Benchmark(Description = "~1,000 generated history events + Evaluate()")]
    public int KitGeneratedHistory() =>
        Scenario.Create(Start).Account("a", Busy).Holding(Stock, 300).Cash(1_000_000m).Login().Evaluate().Events.Count(e => e.IsStopped);
}

internal sealed class ScenarioBenchmarkConfig : ManualConfig
{
    public ScenarioBenchmarkConfig() =>
        AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(10).WithToolchain(InProcessEmitToolchain.Instance));
}
