using System.Globalization;
using TakeoverRules.Detection;

namespace TakeoverRules.Testing.Simulation;

/// <summary>
/// The population's synthetic instruments, of realistic magnitude but with synthetic numeric codes (so a code says nothing
/// about the kind of instrument): TSE large, mid and small caps, ETFs, low-priced liquid names and thin low-priced names;
/// HKEX large caps, small caps and thin penny stocks; US large caps, ETFs and thin micro-caps; and a few TSE new listings
/// (IPOs) that trade in the period but are missing from the reference data. A short list of thin names is what most
/// attacks buy (<see cref="Targets"/>); some honest speculators own and buy them too.
/// </summary>
internal sealed class Universe
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<IReadOnlyList<Instrument>, PopularityTable> _tables = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<string> _codes = new(StringComparer.Ordinal);
    private readonly Random _r;

    public Universe(Random r, int targetCount)
    {
        _r = r;
        LargeDomestic = Make(120, () => Domestic(LogUniform(1_000, 20_000), LogUniform(5e9, 1e11), 100));
        MidDomestic = Make(350, () => Domestic(LogUniform(500, 5_000), LogUniform(2e8, 5e9), 100));
        SmallDomestic = Make(300, () => Domestic(LogUniform(300, 3_000), LogUniform(3e7, 3e8), 100));
        Etfs = Make(20, () => Domestic(LogUniform(1_000, 30_000), LogUniform(1e9, 5e10), r.NextDouble() < 0.6 ? 1 : 10));
        LowPricedLiquid = Make(30, () => Domestic(LogUniform(50, 300), LogUniform(5e8, 5e9), 100));
        ThinDomestic = Make(150, () => Domestic(LogUniform(20, 350), LogUniform(1e6, 3e7), 100));
        LargeHongKong = Make(120, () => HongKong(LogUniform(10, 600), LogUniform(1e9, 2e10), Pick([100, 200, 500, 1_000])));
        SmallHongKong = Make(100, () => HongKong(LogUniform(1, 10), LogUniform(5e7, 5e8), Pick([500, 1_000, 2_000])));
        ThinHongKong = Make(80, () => HongKong(LogUniform(0.05, 2), LogUniform(1e6, 3e7), Pick([2_000, 4_000, 5_000, 10_000, 20_000]), gem: true));
        LargeUs = Make(80, () => Us(LogUniform(30, 800), LogUniform(5e9, 5e10)));
        UsEtfs = Make(30, () => Us(LogUniform(50, 600), LogUniform(5e9, 5e10)));
        ThinUs = Make(30, () => Us(LogUniform(0.5, 5), LogUniform(1e6, 3e7)));
        Ipos = Make(4, () => Domestic(LogUniform(500, 3_000), LogUniform(1e9, 1e10), 100));
        Reference = [.. LargeDomestic, .. MidDomestic, .. SmallDomestic, .. Etfs, .. LowPricedLiquid, .. ThinDomestic, .. LargeHongKong, .. SmallHongKong, .. ThinHongKong, .. LargeUs, .. UsEtfs, .. ThinUs];
        MainstreamDomestic = [.. LargeDomestic, .. MidDomestic, .. SmallDomestic, .. Etfs];
        SpeculativeDomestic = [.. LowPricedLiquid, .. ThinDomestic];
        MainstreamHongKong = [.. LargeHongKong, .. SmallHongKong];
        MainstreamUs = [.. LargeUs, .. UsEtfs];

        // Targets: mostly thin HK names, some thin TSE names, a few US micro-caps; more of them in a larger population.
        var hk = Math.Max(2, targetCount * 6 / 10);
        var tse = Math.Max(1, targetCount * 3 / 10);
        var us = Math.Max(1, targetCount - hk - tse);
        Targets = [.. Sample(ThinHongKong, hk), .. Sample(ThinDomestic, tse), .. Sample(ThinUs, us)];
        DomesticTargets = Targets.Where(i => i.Market == "TSE").ToList();
        HongKongTargets = Targets.Where(i => i.Market == "HKEX").ToList();
    }

    public IReadOnlyList<Instrument> LargeDomestic { get; }

    public IReadOnlyList<Instrument> MidDomestic { get; }

    public IReadOnlyList<Instrument> SmallDomestic { get; }

    public IReadOnlyList<Instrument> Etfs { get; }

    public IReadOnlyList<Instrument> LowPricedLiquid { get; }

    public IReadOnlyList<Instrument> ThinDomestic { get; }

    public IReadOnlyList<Instrument> LargeHongKong { get; }

    public IReadOnlyList<Instrument> SmallHongKong { get; }

    public IReadOnlyList<Instrument> ThinHongKong { get; }

    public IReadOnlyList<Instrument> LargeUs { get; }

    public IReadOnlyList<Instrument> UsEtfs { get; }

    public IReadOnlyList<Instrument> ThinUs { get; }

    /// <summary>New listings: traded in the period, missing from <see cref="Reference"/>.</summary>
    public IReadOnlyList<Instrument> Ipos { get; }

    /// <summary>The reference data a host gets (every instrument but the new listings).</summary>
    public IReadOnlyList<Instrument> Reference { get; }

    public IReadOnlyList<Instrument> MainstreamDomestic { get; }

    public IReadOnlyList<Instrument> SpeculativeDomestic { get; }

    public IReadOnlyList<Instrument> MainstreamHongKong { get; }

    public IReadOnlyList<Instrument> MainstreamUs { get; }

    public IReadOnlyList<Instrument> Targets { get; }

    public IReadOnlyList<Instrument> DomesticTargets { get; }

    public IReadOnlyList<Instrument> HongKongTargets { get; }

    /// <summary>Picks an instrument of a pool, more often the more it trades (popular names are liquid).</summary>
    public Instrument Pick(IReadOnlyList<Instrument> pool, Random random)
    {
        // Accounts are written in parallel; a table is a pure function of its pool, so a race only builds it twice.
        return _tables.GetOrAdd(pool, p => new PopularityTable(p)).Pick(random);
    }

    /// <summary>Yen per unit of the instrument's currency.</summary>
    public static double Fx(Instrument instrument) => (double)(instrument.LastPriceJpy / instrument.LastPrice);

    private List<Instrument> Sample(IReadOnlyList<Instrument> pool, int count) =>
        pool.OrderBy(_ => _r.Next()).Take(Math.Min(count, pool.Count)).ToList();

    private static List<Instrument> Make(int count, Func<Instrument> create) => Enumerable.Range(0, count).Select(_ => create()).ToList();

    private Instrument Domestic(double price, double turnover, long lot) =>
        TestMarket.Domestic("TSE:" + Code(4, 1300, 9999), Math.Round((decimal)price, 0), Math.Round((decimal)turnover / 1000m, 0) * 1000m, lot);

    private Instrument HongKong(double priceHkd, double turnoverJpy, long lot, bool gem = false)
    {
        var code = gem && _r.NextDouble() < 0.5 ? "08" + Code(3, 100, 999) : "0" + Code(4, 1, 3999);
        var price = Math.Round((decimal)priceHkd, priceHkd < 1 ? 3 : priceHkd < 10 ? 2 : 1);
        return TestMarket.HongKong("HKEX:" + code, price, Math.Round((decimal)turnoverJpy / TestMarket.JpyPerHkd, 0), lot);
    }

    private Instrument Us(double priceUsd, double turnoverJpy)
    {
        string ticker;
        do
        {
            ticker = new string(Enumerable.Range(0, _r.Next(3, 5)).Select(_ => (char)('A' + _r.Next(26))).ToArray());
        }
        while (!_codes.Add("US" + ticker));

        return TestMarket.UnitedStates((_r.NextDouble() < 0.5 ? "NASDAQ:" : "NYSE:") + ticker, Math.Round((decimal)priceUsd, 2), Math.Round((decimal)turnoverJpy / TestMarket.JpyPerUsd, 0));
    }

    private string Code(int digits, int min, int max)
    {
        string code;
        do
        {
            code = _r.Next(min, max + 1).ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0');
        }
        while (!_codes.Add(digits + code));

        return code;
    }

    private double LogUniform(double min, double max) => Math.Exp(Math.Log(min) + (_r.NextDouble() * (Math.Log(max) - Math.Log(min))));

    private long Pick(long[] lots) => lots[_r.Next(lots.Length)];
}

/// <summary>Cumulative popularity weights of a pool, so that repeated picks cost a binary search.</summary>
internal sealed class PopularityTable
{
    private readonly IReadOnlyList<Instrument> _pool;
    private readonly double[] _cumulative;

    public PopularityTable(IReadOnlyList<Instrument> pool)
    {
        _pool = pool;
        _cumulative = new double[pool.Count];
        var total = 0.0;
        for (var i = 0; i < pool.Count; i++)
        {
            total += Math.Pow(Math.Max(1, (double)pool[i].AvgDailyTurnoverJpy), 0.5);
            _cumulative[i] = total;
        }
    }

    public Instrument Pick(Random r)
    {
        var x = r.NextDouble() * _cumulative[^1];
        var i = Array.BinarySearch(_cumulative, x);
        return _pool[Math.Min(_pool.Count - 1, i < 0 ? ~i : i)];
    }
}
