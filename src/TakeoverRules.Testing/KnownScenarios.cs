using TakeoverRules.Detection;

namespace TakeoverRules.Testing;

/// <summary>
/// Ready-made scenarios: the takeover variants reported in Japan in 2025 and the honest behaviours that look like them.
/// Each returns a builder (so a test can add to it) with one account, <c>victim</c> or <c>customer</c>, that has eight
/// weeks of normal history; the ramp has ten victims. Event ids follow the story: <c>login-1</c>, <c>sell-1</c>, <c>buy-1</c>.
/// </summary>
/// <remarks>Thread-safe: every call returns a new builder.</remarks>
public static class KnownScenarios
{
    /// <summary>The takeover variants, by name.</summary>
    public static IReadOnlyDictionary<string, Func<ScenarioBuilder>> Attacks { get; } = new Dictionary<string, Func<ScenarioBuilder>>(StringComparer.Ordinal)
    {
        ["classic-rotation-abroad"] = () => ClassicRotationAbroad(),
        ["quiet-residential-japan"] = () => QuietResidentialJapan(),
        ["cash-only-margin-buy"] = () => CashOnlyMarginBuy(),
        ["small-test-order-first"] = () => SmallTestOrderFirst(),
        ["domestic-thin-pump"] = () => DomesticThinPump(),
        ["multi-account-ramp"] = () => MultiAccountRamp(),
        ["withdrawal-diversion"] = () => WithdrawalDiversion(),
    };

    /// <summary>The honest look-alikes, by name.</summary>
    public static IReadOnlyDictionary<string, Func<ScenarioBuilder>> LookAlikes { get; } = new Dictionary<string, Func<ScenarioBuilder>>(StringComparer.Ordinal)
    {
        ["new-phone"] = () => NewPhone(),
        ["travel-abroad"] = () => TravelAbroad(),
        ["low-priced-speculator"] = () => LowPricedSpeculator(),
        ["hong-kong-large-cap-trader"] = () => HongKongLargeCapTrader(),
        ["retiree-liquidation"] = () => RetireeLiquidation(),
        ["night-trader"] = () => NightTrader(),
        ["nisa-rebalancer"] = () => NisaRebalancer(),
    };

    /// <summary>A new device on a Vietnamese hosting IP turns off login notifications, enables foreign trading, sells most holdings and buys a thin Hong Kong stock in three orders at rising prices.</summary>
    /// <returns>The builder.</returns>
    public static ScenarioBuilder ClassicRotationAbroad() =>
        Victim().Attack(AttackPlan.ClassicRotation with { SettingChanges = [AccountSetting.LoginNotifications] });

    /// <summary>A residential Japanese IP, no setting changes, in the customer's usual hours: most holdings sold, a thin domestic stock bought.</summary>
    /// <returns>The builder.</returns>
    public static ScenarioBuilder QuietResidentialJapan() => Victim().Attack(AttackPlan.QuietResidential);

    /// <summary>An index-fund account with cash and an unused margin facility: margin buys of a thin domestic stock, nothing sold.</summary>
    /// <returns>The builder.</returns>
    public static ScenarioBuilder CashOnlyMarginBuy() =>
        Scenario.Create()
            .Account("victim", CustomerProfile.Default with { OrdersPerWeek = 0.5, TypicalOrderJpy = 100_000m })
            .Holding(TestMarket.IndexEtf, 120).Cash(600_000m).MarginBuyingPower(2_400_000m)
            .Attack(AttackPlan.CashOnlyMargin);

    /// <summary>A ¥30,000 test buy of the thin Hong Kong stock, 25 minutes of waiting, then the rotation.</summary>
    /// <returns>The builder.</returns>
    public static ScenarioBuilder SmallTestOrderFirst() => Victim().Attack(AttackPlan.SmallTestOrderFirst);

    /// <summary>Holdings sold and a ¥84 domestic small cap bought in four rising orders, from a Japanese hosting range.</summary>
    /// <returns>The builder.</returns>
    public static ScenarioBuilder DomesticThinPump() => Victim().Attack(AttackPlan.DomesticPump);

    /// <summary>
    /// Accounts <c>victim-1</c> … <c>victim-N</c> hijacked one after another over <paramref name="over"/>, each selling and
    /// buying the ¥84 thin domestic stock at rising prices, so the price climbs towards ¥110 (the shape of the 2025-03-17 case:
    /// ten accounts, about two hours). Access signals vary: some foreign hosting IPs, some residential Japanese ones.
    /// </summary>
    /// <param name="accounts">How many accounts; default 10.</param>
    /// <param name="over">The span of the ramp; default 2 hours.</param>
    /// <returns>The builder.</returns>
    public static ScenarioBuilder MultiAccountRamp(int accounts = 10, TimeSpan? over = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(accounts, 2);
        var span = over ?? TimeSpan.FromHours(2);
        var builder = Scenario.Create();
        for (var i = 0; i < accounts; i++)
        {
            var plan = (i % 3) switch
            {
                0 => AttackPlan.DomesticPump,
                1 => AttackPlan.QuietResidential with { RisingPrices = true },
                _ => AttackPlan.ClassicRotation with { Target = TestMarket.ThinDomestic, Country = "CN" },
            };
            builder.At(Scenario.DefaultStart + (span * i / accounts));
            Holdings(builder.Account($"victim-{i + 1}"), i).Attack(plan with { Name = "multi-account-ramp", PriceStep = 0.009, BuyOrders = 3 });
        }

        return builder;
    }

    /// <summary>An e-mail and withdrawal-account change from a foreign hosting IP, everything sold, the cash withdrawn.</summary>
    /// <returns>The builder.</returns>
    public static ScenarioBuilder WithdrawalDiversion() => Victim().Attack(AttackPlan.WithdrawalDiversion);

    /// <summary>The customer's first login from a new phone (app, home network), then an ordinary buy of a usual size.</summary>
    /// <returns>The builder.</returns>
    public static ScenarioBuilder NewPhone() =>
        Customer("new-phone").Login(fromNewDevice: true, channel: LoginChannel.App).After(TimeSpan.FromMinutes(4))
            .Buy(TestMarket.MidCapDomestic, amountJpy: 300_000m);

    /// <summary>A customer travelling in Thailand logs in from a hotel network on the usual phone, sells one holding and buys the index ETF.</summary>
    /// <returns>The builder.</returns>
    public static ScenarioBuilder TravelAbroad() =>
        Customer("travel-abroad").Login(country: "TH").After(TimeSpan.FromMinutes(3))
            .Sell(TestMarket.MidCapDomestic).After(TimeSpan.FromMinutes(2))
            .Buy(TestMarket.IndexEtf, amountJpy: 1_000_000m);

    /// <summary>A speculator who has traded thin low-priced stocks for weeks buys one in three rising orders of the usual size.</summary>
    /// <returns>The builder.</returns>
    public static ScenarioBuilder LowPricedSpeculator() =>
        Scenario.Create()
            .Account("customer", CustomerProfile.Default with { TradesThinStocks = true, TypicalOrderJpy = 150_000m, OrdersPerWeek = 5, LoginsPerWeek = 8 })
            .Tagged("low-priced-speculator")
            .Holding(TestMarket.LowPricedLiquidDomestic, 3_000).Holding(TestMarket.ThinDomestic2, 1_000).Cash(500_000m)
            .Login().After(TimeSpan.FromMinutes(1))
            .Buy(TestMarket.ThinDomestic, amountJpy: 150_000m).After(TimeSpan.FromMinutes(3))
            .Buy(TestMarket.ThinDomestic, amountJpy: 150_000m, price: 86m).After(TimeSpan.FromMinutes(3))
            .Buy(TestMarket.ThinDomestic, amountJpy: 150_000m, price: 88m);

    /// <summary>A customer who trades Hong Kong large caps converts yen and buys one lot of the Hong Kong large cap.</summary>
    /// <returns>The builder.</returns>
    public static ScenarioBuilder HongKongLargeCapTrader() =>
        Scenario.Create()
            .Account("customer", CustomerProfile.Default with { Markets = ["TSE", "HKEX"], TypicalOrderJpy = 800_000m })
            .Tagged("hong-kong-large-cap-trader")
            .Holding(TestMarket.LiquidHongKong, 200).Holding(TestMarket.LiquidDomestic, 300).Cash(1_500_000m)
            .Login().After(TimeSpan.FromMinutes(2))
            .ConvertCurrency("HKD", 800_000m).After(TimeSpan.FromMinutes(1))
            .Buy(TestMarket.LiquidHongKong, quantity: 100);

    /// <summary>A retiree sells every holding from the usual PC in the usual hours and withdraws the cash to the registered bank the next day.</summary>
    /// <returns>The builder.</returns>
    public static ScenarioBuilder RetireeLiquidation() =>
        Scenario.Create()
            .Account("customer", CustomerProfile.Default with { Devices = ["customer-pc"], Networks = 1, UsualHoursStart = 10, UsualHoursEnd = 14, OrdersPerWeek = 0.7 })
            .Tagged("retiree-liquidation")
            .Holding(TestMarket.LiquidDomestic, 800).Holding(TestMarket.LiquidDomestic2, 300).Holding(TestMarket.IndexEtf, 500).Holding(TestMarket.MidCapDomestic, 1_000)
            .Cash(300_000m)
            .Login().After(TimeSpan.FromMinutes(5))
            .SellAllHoldings()
            .AtLocalTime(10, 30).Login().After(TimeSpan.FromMinutes(2))
            .RequestWithdrawal();

    /// <summary>A customer who always trades late at night logs in at 23:30 and buys US shares.</summary>
    /// <returns>The builder.</returns>
    public static ScenarioBuilder NightTrader() =>
        Scenario.Create()
            .Account("customer", CustomerProfile.Default with { Markets = ["TSE", "NASDAQ"], UsualHoursStart = 21, UsualHoursEnd = 2, OrdersPerWeek = 3, TypicalOrderJpy = 400_000m })
            .Tagged("night-trader")
            .Holding(TestMarket.LiquidUs, 30).Cash(900_000m)
            .AtLocalTime(23, 30).Login().After(TimeSpan.FromMinutes(3))
            .Buy(TestMarket.LiquidUs, quantity: 12);

    /// <summary>A NISA customer sells three holdings and puts all the cash into the index ETF in one session (a rotation into a liquid fund).</summary>
    /// <returns>The builder.</returns>
    public static ScenarioBuilder NisaRebalancer() =>
        Customer("nisa-rebalancer").Login().After(TimeSpan.FromMinutes(3))
            .SellMostHoldings(0.8).After(TimeSpan.FromMinutes(5))
            .BuyUpToBuyingPower(TestMarket.IndexEtf, orders: 1);

    private static ScenarioBuilder Victim() => Holdings(Scenario.Create().Account("victim"), 0);

    private static ScenarioBuilder Customer(string tag) => Holdings(Scenario.Create().Account("customer"), 0).Tagged(tag);

    private static ScenarioBuilder Holdings(ScenarioBuilder builder, int variant) =>
        builder
            .Holding(TestMarket.LiquidDomestic, 400 + (100 * (variant % 3)))
            .Holding(TestMarket.MidCapDomestic, 1_000)
            .Holding(TestMarket.IndexEtf, 300)
            .Holding(TestMarket.LiquidDomestic2, 100)
            .Cash(120_000m);
}
