using System.Globalization;
using TakeoverRules.Detection;

namespace TakeoverRules.Testing.Simulation;

/// <summary>
/// The population's synthetic instruments, drawn from ranges of realistic magnitude (see <see cref="TestMarket"/> for the
/// shapes): liquid and mid domestic stocks, ETFs, low-priced liquid stocks, thin low-priced domestic small caps, Hong Kong
/// large caps and penny stocks, US large caps. Codes are synthetic.
/// </summary>
internal sealed class Universe
{
    public Universe(Random r)
    {
        LiquidDomestic = Make(24, i => TestMarket.Domestic(Code("TSE:L", i, 3), Yen(r, 300, 30_000), LogUniform(r, 1e9, 5e10)));
        MidDomestic = Make(12, i => TestMarket.Domestic(Code("TSE:M", i, 3), Yen(r, 500, 3_000), LogUniform(r, 2e8, 1.5e9)));
        Etfs = Make(4, i => TestMarket.Domestic(Code("TSE:E", i, 3), Yen(r, 1_500, 3_500), LogUniform(r, 5e9, 5e10), lotSize: r.NextDouble() < 0.5 ? 1 : 10));
        LowPricedLiquid = Make(6, i => TestMarket.Domestic(Code("TSE:P", i, 3), Yen(r, 60, 300), LogUniform(r, 5e8, 5e9)));
        ThinDomestic = Make(30, i => TestMarket.Domestic(Code("TSE:T", i, 3), Yen(r, 40, 250), LogUniform(r, 5e5, 4e7)));
        LiquidHongKong = Make(8, i => TestMarket.HongKong(Code("HKEX:L", i, 4), Math.Round((decimal)LogUniform(r, 20, 600), 1), LogUniform(r, 5e8, 2e10), Lot(r, [100, 200, 500, 1_000])));
        ThinHongKong = Make(20, i => TestMarket.HongKong(Code("HKEX:T", i, 4), Math.Round((decimal)LogUniform(r, 0.03, 1.5), 3), LogUniform(r, 1e5, 5e6), Lot(r, [1_000, 2_000, 4_000, 5_000, 10_000, 20_000])));
        Us = Make(8, i => TestMarket.UnitedStates(Code("NASDAQ:LQ", i, 2), Math.Round((decimal)LogUniform(r, 30, 800), 2), LogUniform(r, 5e8, 2e10)));
        All = [.. LiquidDomestic, .. MidDomestic, .. Etfs, .. LowPricedLiquid, .. ThinDomestic, .. LiquidHongKong, .. ThinHongKong, .. Us];
    }

    public IReadOnlyList<Instrument> LiquidDomestic { get; }

    public IReadOnlyList<Instrument> MidDomestic { get; }

    public IReadOnlyList<Instrument> Etfs { get; }

    public IReadOnlyList<Instrument> LowPricedLiquid { get; }

    public IReadOnlyList<Instrument> ThinDomestic { get; }

    public IReadOnlyList<Instrument> LiquidHongKong { get; }

    public IReadOnlyList<Instrument> ThinHongKong { get; }

    public IReadOnlyList<Instrument> Us { get; }

    public IReadOnlyList<Instrument> All { get; }

    /// <summary>Liquid instruments of the customer's markets.</summary>
    public IReadOnlyList<Instrument> Mainstream(CustomerProfile profile)
    {
        var list = new List<Instrument>(LiquidDomestic);
        list.AddRange(MidDomestic);
        list.AddRange(Etfs);
        if (profile.Markets.Contains("HKEX"))
        {
            list.AddRange(LiquidHongKong);
        }

        if (profile.Markets.Contains("NASDAQ"))
        {
            list.AddRange(Us);
        }

        return list;
    }

    /// <summary>What the customer may hold: mainstream instruments, plus thin and low-priced ones for speculators.</summary>
    public IReadOnlyList<Instrument> HoldingPool(CustomerProfile profile)
    {
        if (!profile.TradesThinStocks)
        {
            return Mainstream(profile);
        }

        var list = new List<Instrument>(Mainstream(profile));
        list.AddRange(LowPricedLiquid);
        list.AddRange(ThinDomestic);
        if (profile.Markets.Contains("HKEX"))
        {
            list.AddRange(ThinHongKong);
        }

        return list;
    }

    public Instrument ThinOrLowPriced(Random r) =>
        r.NextDouble() < 0.6 ? ThinDomestic[r.Next(ThinDomestic.Count)] : LowPricedLiquid[r.Next(LowPricedLiquid.Count)];

    private static List<Instrument> Make(int count, Func<int, Instrument> create) => Enumerable.Range(1, count).Select(create).ToList();

    private static string Code(string prefix, int i, int digits) => prefix + i.ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0');

    private static decimal Yen(Random r, double min, double max) => Math.Round((decimal)LogUniform(r, min, max), 0);

    private static decimal LogUniform(Random r, double min, double max) => (decimal)Math.Exp(Math.Log(min) + (r.NextDouble() * (Math.Log(max) - Math.Log(min))));

    private static long Lot(Random r, long[] lots) => lots[r.Next(lots.Length)];
}
