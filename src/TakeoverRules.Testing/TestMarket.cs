using TakeoverRules.Detection;

namespace TakeoverRules.Testing;

/// <summary>
/// Synthetic instrument reference data for scenarios: liquid and thin, domestic (TSE), Hong Kong (HKEX) and US (NASDAQ)
/// instruments with prices, lot sizes and 20-day average turnover of realistic magnitude.
/// </summary>
/// <remarks>
/// <para>
/// The codes (<c>TSE:L001</c>, <c>HKEX:T0001</c>, …) are deliberately not real security codes, and the prices and turnovers
/// are illustrative magnitudes, not quotes: thin low-priced domestic names trade about ¥1–20 million a day at ¥60–200 (the
/// shape of the 2025 pump targets, e.g. a ¥105 stock trading about 15,000 shares a day before a 297× volume day, Toyo Keizai
/// 2025-03-26), Hong Kong penny stocks trade below HK$1 in board lots of thousands of shares. Use the factory methods to
/// describe a real instrument instead.
/// </para>
/// <para>The members are immutable and thread-safe.</para>
/// </remarks>
public static class TestMarket
{
    /// <summary>Yen per Hong Kong dollar used by the synthetic catalog (an illustrative 2025 magnitude, not a quote).</summary>
    public const decimal JpyPerHkd = 19.5m;

    /// <summary>Yen per US dollar used by the synthetic catalog (an illustrative 2025 magnitude, not a quote).</summary>
    public const decimal JpyPerUsd = 150m;

    /// <summary>A liquid domestic large cap: ¥2,800, 100-share lots, ¥30 billion a day.</summary>
    public static Instrument LiquidDomestic { get; } = Domestic("TSE:L001", 2_800m, 30_000_000_000m);

    /// <summary>A second liquid domestic large cap: ¥6,400, 100-share lots, ¥18 billion a day.</summary>
    public static Instrument LiquidDomestic2 { get; } = Domestic("TSE:L002", 6_400m, 18_000_000_000m);

    /// <summary>A domestic mid cap: ¥1,450, 100-share lots, ¥900 million a day.</summary>
    public static Instrument MidCapDomestic { get; } = Domestic("TSE:M001", 1_450m, 900_000_000m);

    /// <summary>A broad index ETF of the kind held in NISA: ¥2,900, 1-unit lots, ¥40 billion a day.</summary>
    public static Instrument IndexEtf { get; } = Domestic("TSE:E001", 2_900m, 40_000_000_000m, lotSize: 1);

    /// <summary>A low-priced but liquid domestic stock popular with speculators: ¥140, ¥3 billion a day.</summary>
    public static Instrument LowPricedLiquidDomestic { get; } = Domestic("TSE:P001", 140m, 3_000_000_000m);

    /// <summary>A thin low-priced domestic small cap (the 2025 pump shape): ¥84, ¥4 million a day.</summary>
    public static Instrument ThinDomestic { get; } = Domestic("TSE:T001", 84m, 4_000_000m);

    /// <summary>A second thin low-priced domestic small cap: ¥105, ¥1.6 million a day.</summary>
    public static Instrument ThinDomestic2 { get; } = Domestic("TSE:T002", 105m, 1_600_000m);

    /// <summary>A Hong Kong large cap: HK$380, 100-share lots, about ¥120 billion a day.</summary>
    public static Instrument LiquidHongKong { get; } = HongKong("HKEX:L0001", 380m, 6_000_000_000m, lotSize: 100);

    /// <summary>A thin Hong Kong penny stock: HK$0.32, 4,000-share lots, about ¥39 million a day.</summary>
    public static Instrument ThinHongKong { get; } = HongKong("HKEX:T0001", 0.32m, 2_000_000m, lotSize: 4_000);

    /// <summary>A second thin Hong Kong penny stock: HK$0.085, 10,000-share lots, about ¥9.75 million a day.</summary>
    public static Instrument ThinHongKong2 { get; } = HongKong("HKEX:T0002", 0.085m, 500_000m, lotSize: 10_000);

    /// <summary>A liquid US large cap: US$210, 1-share lots.</summary>
    public static Instrument LiquidUs { get; } = UnitedStates("NASDAQ:LQ01", 210m, 9_000_000_000m);

    /// <summary>Every instrument of the synthetic catalog.</summary>
    public static IReadOnlyList<Instrument> All { get; } =
    [
        LiquidDomestic, LiquidDomestic2, MidCapDomestic, IndexEtf, LowPricedLiquidDomestic, ThinDomestic, ThinDomestic2,
        LiquidHongKong, ThinHongKong, ThinHongKong2, LiquidUs,
    ];

    /// <summary>Describes a Tokyo Stock Exchange instrument priced in yen.</summary>
    /// <param name="symbol">Symbol as <c>TSE:CODE</c>.</param>
    /// <param name="priceJpy">Last price in yen.</param>
    /// <param name="avgDailyTurnoverJpy">20-day average traded value in yen.</param>
    /// <param name="lotSize">Trading unit; 100 shares for TSE stocks.</param>
    /// <returns>The instrument.</returns>
    public static Instrument Domestic(string symbol, decimal priceJpy, decimal avgDailyTurnoverJpy, long lotSize = 100) =>
        Create(symbol, "JPY", priceJpy, 1m, avgDailyTurnoverJpy, lotSize);

    /// <summary>Describes a Hong Kong Exchange instrument priced in Hong Kong dollars.</summary>
    /// <param name="symbol">Symbol as <c>HKEX:CODE</c>.</param>
    /// <param name="priceHkd">Last price in Hong Kong dollars.</param>
    /// <param name="avgDailyTurnoverHkd">20-day average traded value in Hong Kong dollars.</param>
    /// <param name="lotSize">Board lot in shares (set per issuer in Hong Kong).</param>
    /// <returns>The instrument, with yen values at <see cref="JpyPerHkd"/>.</returns>
    public static Instrument HongKong(string symbol, decimal priceHkd, decimal avgDailyTurnoverHkd, long lotSize) =>
        Create(symbol, "HKD", priceHkd, JpyPerHkd, avgDailyTurnoverHkd * JpyPerHkd, lotSize);

    /// <summary>Describes a US instrument priced in US dollars.</summary>
    /// <param name="symbol">Symbol as <c>MARKET:CODE</c>, e.g. <c>NASDAQ:LQ01</c>.</param>
    /// <param name="priceUsd">Last price in US dollars.</param>
    /// <param name="avgDailyTurnoverUsd">20-day average traded value in US dollars.</param>
    /// <returns>The instrument, with 1-share lots and yen values at <see cref="JpyPerUsd"/>.</returns>
    public static Instrument UnitedStates(string symbol, decimal priceUsd, decimal avgDailyTurnoverUsd) =>
        Create(symbol, "USD", priceUsd, JpyPerUsd, avgDailyTurnoverUsd * JpyPerUsd, 1);

    private static Instrument Create(string symbol, string currency, decimal price, decimal jpyPerUnit, decimal turnoverJpy, long lotSize)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        var colon = symbol.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == symbol.Length - 1)
        {
            throw new ArgumentException($"Symbol '{symbol}' must be MARKET:CODE, e.g. TSE:7203.", nameof(symbol));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(price);
        ArgumentOutOfRangeException.ThrowIfNegative(turnoverJpy);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(lotSize);
        return new Instrument(symbol, symbol[..colon], currency, price, price * jpyPerUnit, turnoverJpy, lotSize);
    }
}
