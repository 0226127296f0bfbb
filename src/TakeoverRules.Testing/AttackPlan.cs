using TakeoverRules.Detection;

namespace TakeoverRules.Testing;

/// <summary>
/// What an attacker does with a hijacked account, as a value: how they log in, which settings they change, how much they
/// sell, and how they spend the proceeds. The presets are the variants reported in Japan in 2025; change them with
/// <c>with</c> and write them with <see cref="AttackPlanExtensions.Attack"/>.
/// </summary>
/// <remarks>
/// Sources for the presets: the FSA (2025-04) describes holdings sold and the proceeds spent on Chinese/small-cap stocks;
/// victims reported Hong Kong stocks bought "to the limit" (TBS, 2025-04-16), 30+ holdings sold and 9 names at ¥40–110 bought
/// within about an hour (TV Asahi, 2025-05-22), margin buys in index-fund-only accounts (Bloomberg, 2025); ten hijacked
/// accounts moved one domestic stock from ¥84 to ¥110 in about two hours (Yomiuri, 2025-03-17 case). See
/// <c>docs/testing.md</c>. Immutable and thread-safe.
/// </remarks>
public sealed record AttackPlan
{
    /// <summary>The 2025 rotation: a new device on a foreign hosting IP, most holdings sold within minutes, the proceeds spent on a thin Hong Kong stock at rising prices.</summary>
    public static AttackPlan ClassicRotation { get; } = new() { Name = "classic-rotation" };

    /// <summary>A quiet takeover: a residential Japanese IP (a residential proxy), no setting changes, in the customer's usual hours, rotation into a thin domestic stock.</summary>
    public static AttackPlan QuietResidential { get; } = new()
    {
        Name = "quiet-residential",
        Country = "JP",
        Hosting = false,
        Target = TestMarket.ThinDomestic,
        FirstActionDelay = TimeSpan.FromMinutes(12),
        BuyDelay = TimeSpan.FromMinutes(6),
        RisingPrices = false,
    };

    /// <summary>A cash/index-fund account with nothing worth selling: margin buys of a thin domestic stock up to the margin buying power.</summary>
    public static AttackPlan CashOnlyMargin { get; } = new()
    {
        Name = "cash-only-margin",
        Target = TestMarket.ThinDomestic2,
        SellShare = 0,
        UseMargin = true,
        Country = "CN",
    };

    /// <summary>A small test buy first, a wait, then the real buying.</summary>
    public static AttackPlan SmallTestOrderFirst { get; } = new()
    {
        Name = "small-test-order-first",
        TestOrderJpy = 30_000m,
        TestOrderWait = TimeSpan.FromMinutes(25),
        Country = "HK",
    };

    /// <summary>A domestic thin low-priced pump: holdings sold and a ¥84 small cap bought in a rising ladder, from a Japanese hosting range.</summary>
    public static AttackPlan DomesticPump { get; } = new()
    {
        Name = "domestic-pump",
        Target = TestMarket.ThinDomestic,
        Country = "JP",
        Hosting = true,
        BuyOrders = 4,
    };

    /// <summary>A withdrawal-account change followed by sells and a withdrawal of everything.</summary>
    public static AttackPlan WithdrawalDiversion { get; } = new()
    {
        Name = "withdrawal-diversion",
        SettingChanges = [AccountSetting.Email, AccountSetting.WithdrawalAccount],
        SellShare = 1,
        Withdraw = true,
        BuyDelay = TimeSpan.FromMinutes(4),
    };

    /// <summary>Every preset, in the order above.</summary>
    public static IReadOnlyList<AttackPlan> Presets { get; } = [ClassicRotation, QuietResidential, CashOnlyMargin, SmallTestOrderFirst, DomesticPump, WithdrawalDiversion];

    /// <summary>A short name, used as the account's tag. Default: <c>custom</c>.</summary>
    public string Name { get; init; } = "custom";

    /// <summary>What the attacker buys. Default: <see cref="TestMarket.ThinHongKong"/>.</summary>
    public Instrument Target { get; init; } = TestMarket.ThinHongKong;

    /// <summary>Whether the attacker's device is new to the account; <see langword="false"/> replays the owner's fingerprint. Default: <see langword="true"/>.</summary>
    public bool NewDevice { get; init; } = true;

    /// <summary>Country of the attacker's IP. Default: <c>VN</c>.</summary>
    public string Country { get; init; } = "VN";

    /// <summary>Whether the attacker's IP is a hosting/VPN range. Default: <see langword="true"/>.</summary>
    public bool Hosting { get; init; } = true;

    /// <summary>Failed logins before the successful one. Default: 0.</summary>
    public int FailedLogins { get; init; }

    /// <summary>Settings changed right after the login, in order (notifications and MFA are turned off, trading privileges on). Default: none.</summary>
    public IReadOnlyList<AccountSetting> SettingChanges { get; init; } = [];

    /// <summary>Time from the login to the first setting change or sell. Default: 2 minutes.</summary>
    public TimeSpan FirstActionDelay { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Share of the holdings' value sold, [0, 1]; 0 sells nothing. Default: 0.9.</summary>
    public double SellShare { get; init; } = 0.9;

    /// <summary>Time from the last sell to the first buy (or the withdrawal). Default: 3 minutes.</summary>
    public TimeSpan BuyDelay { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>Value of a small test buy of the target before the real buying; 0 for none. Default: 0.</summary>
    public decimal TestOrderJpy { get; init; }

    /// <summary>Wait after the test buy. Default: 20 minutes.</summary>
    public TimeSpan TestOrderWait { get; init; } = TimeSpan.FromMinutes(20);

    /// <summary>Number of buy orders spending the buying power. Default: 3.</summary>
    public int BuyOrders { get; init; } = 3;

    /// <summary>Whether each buy is priced above the last (買い上がり). Default: <see langword="true"/>.</summary>
    public bool RisingPrices { get; init; } = true;

    /// <summary>Mean price rise per buy when <see cref="RisingPrices"/>. Default: 0.0275.</summary>
    public double PriceStep { get; init; } = 0.0275;

    /// <summary>Whether the buys spend margin buying power. Default: <see langword="false"/>.</summary>
    public bool UseMargin { get; init; }

    /// <summary>Share of the buying power spent. Default: 0.97.</summary>
    public double BuyShare { get; init; } = 0.97;

    /// <summary>Whether the attacker withdraws the cash instead of buying. Default: <see langword="false"/>.</summary>
    public bool Withdraw { get; init; }
}

/// <summary>Writes an <see cref="AttackPlan"/> into a scenario.</summary>
public static class AttackPlanExtensions
{
    /// <summary>
    /// Writes the attack on the current account from the clock's current time: failed logins, the attacker's login, setting
    /// changes, sells, an optional test buy, the buys (or the withdrawal). Every event is labelled fraudulent. Foreign
    /// trading is enabled first when the target is foreign and the account cannot trade it yet; margin trading likewise.
    /// </summary>
    /// <param name="builder">The scenario builder; its current account is the victim.</param>
    /// <param name="plan">What the attacker does.</param>
    /// <returns>The builder, with the owner acting again afterwards.</returns>
    public static ScenarioBuilder Attack(this ScenarioBuilder builder, AttackPlan plan)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(plan);
        builder.ByAttacker().TagIfUntagged(plan.Name);
        if (plan.FailedLogins > 0)
        {
            builder.FailedLogins(plan.FailedLogins, plan.NewDevice, plan.Country, plan.Hosting);
        }

        builder.Login(fromNewDevice: plan.NewDevice, country: plan.Country, hosting: plan.Hosting).After(plan.FirstActionDelay);
        var settings = plan.SettingChanges.ToList();
        var foreignTarget = plan.Target.Market != "TSE";
        if (foreignTarget && !plan.Withdraw && !builder.CanTradeForeign && !settings.Contains(AccountSetting.ForeignTrading))
        {
            settings.Add(AccountSetting.ForeignTrading);
        }

        if (plan.UseMargin && !plan.Withdraw && !builder.HasMargin && !settings.Contains(AccountSetting.MarginTrading))
        {
            settings.Add(AccountSetting.MarginTrading);
        }

        foreach (var setting in settings)
        {
            switch (setting)
            {
                case AccountSetting.WithdrawalAccount:
                    builder.ChangeWithdrawalAccount();
                    break;
                case AccountSetting.LoginNotifications or AccountSetting.Mfa:
                    builder.ChangeSetting(setting, enabled: false);
                    break;
                case AccountSetting.ForeignTrading or AccountSetting.MarginTrading:
                    builder.ChangeSetting(setting, enabled: true);
                    break;
                default:
                    builder.ChangeSetting(setting);
                    break;
            }
        }

        if (plan.SellShare > 0 && builder.HasHoldings)
        {
            builder.SellMostHoldings(plan.SellShare);
        }

        builder.After(plan.BuyDelay);
        if (plan.Withdraw)
        {
            builder.RequestWithdrawal();
        }
        else
        {
            if (plan.TestOrderJpy > 0)
            {
                builder.Buy(plan.Target, amountJpy: plan.TestOrderJpy, margin: plan.UseMargin).After(plan.TestOrderWait);
            }

            builder.BuyUpToBuyingPower(plan.Target, plan.RisingPrices, plan.BuyOrders, plan.UseMargin, plan.BuyShare, plan.PriceStep);
        }

        return builder.ByOwner();
    }
}
