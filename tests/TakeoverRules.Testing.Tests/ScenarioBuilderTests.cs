using TakeoverRules.Detection;

namespace TakeoverRules.Testing.Tests;

public sealed class ScenarioBuilderTests
{
    [Fact]
    public void The_classic_rotation_reads_as_the_story_with_ids_in_order_and_attacker_events_labelled()
    {
        var scenario = KnownScenarios.ClassicRotationAbroad().Build();

        var timeline = scenario.Events.Where(e => !e.IsHistory && e.Event.Id != "open:victim").ToList();
        timeline.Where(e => e.Event is not ExecutionEvent).Select(e => e.Event.Id).Should().Equal(
            "login-1", "setting-1", "setting-2", "sell-1", "sell-2", "sell-3", "sell-4", "buy-1", "buy-2", "buy-3");
        timeline.Should().OnlyContain(e => e.IsFraudulent);
        scenario.Accounts.Should().ContainSingle().Which.Should().Be(new ScenarioAccount("victim", CustomerProfile.Default, true, "classic-rotation"));

        var login = timeline[0].Event.Should().BeOfType<LoginEvent>().Subject;
        login.Should().Match<LoginEvent>(l => l.Country == "VN" && l.Hosting == true && l.Time == Scenario.DefaultStart);
        new[] { "victim-phone", "victim-pc" }.Should().NotContain(login.Device);
    }

    [Fact]
    public void Relative_time_places_each_action_after_the_previous_one_by_the_stated_delay()
    {
        var scenario = Scenario.Create()
            .Account("a").Holding(TestMarket.LiquidDomestic, 100)
            .Login().After(TimeSpan.FromMinutes(2)).Sell(TestMarket.LiquidDomestic)
            .Build();

        var login = scenario.Events.Single(e => e.Event.Id == "login-1").Event;
        var sell = scenario.Events.Single(e => e.Event.Id == "sell-1").Event;
        var fill = scenario.Events.Single(e => e.Event.Id == "sell-1-fill").Event;
        (sell.Time - login.Time).Should().Be(TimeSpan.FromMinutes(2.5), "a login takes 30 seconds before the stated two minutes");
        (fill.Time - sell.Time).Should().Be(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public void Buying_up_to_the_buying_power_spends_nearly_all_of_it_in_whole_lots_at_rising_prices()
    {
        var thin = TestMarket.ThinHongKong;
        var scenario = Scenario.Create()
            .Account("a").Cash(2_000_000m)
            .Login().BuyUpToBuyingPower(thin, risingPrices: true, orders: 4)
            .Build();

        var buys = scenario.Events.Where(e => !e.IsHistory).Select(e => e.Event).OfType<OrderEvent>().ToList();
        buys.Should().HaveCount(4);
        buys.Sum(b => b.NotionalJpy).Should().BeInRange(0.90m * 2_000_000m, 2_000_000m);
        buys.Should().OnlyContain(b => b.Quantity % thin.LotSize == 0);
        buys.Select(b => b.Price!.Value).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        buys[0].BuyingPowerJpy.Should().Be(2_000_000m);
        buys[^1].BuyingPowerJpy.Should().BeLessThan(buys[0].BuyingPowerJpy!.Value);
    }

    [Fact]
    public void Selling_most_holdings_sells_the_largest_positions_until_the_share_is_reached()
    {
        var scenario = Scenario.Create()
            .Account("a")
            .Holding(TestMarket.LiquidDomestic, 1_000) // ¥2.8M
            .Holding(TestMarket.MidCapDomestic, 1_000) // ¥1.45M
            .Holding(TestMarket.IndexEtf, 100) // ¥0.29M
            .Login().SellMostHoldings(0.9)
            .Build();

        scenario.Events.Where(e => !e.IsHistory).Select(e => e.Event).OfType<OrderEvent>().Select(o => o.Symbol)
            .Should().Equal(TestMarket.LiquidDomestic.Symbol, TestMarket.MidCapDomestic.Symbol);
    }

    [Fact]
    public void Honest_accounts_get_weeks_of_history_from_their_own_devices_and_usual_hours_before_the_timeline()
    {
        var scenario = KnownScenarios.NewPhone().Build();

        var history = scenario.Events.Where(e => e.IsHistory).Select(e => e.Event).ToList();
        history.Should().NotBeEmpty().And.OnlyContain(e => e.Time < Scenario.DefaultStart);
        (Scenario.DefaultStart - history.Min(e => e.Time)).Should().BeGreaterThan(TimeSpan.FromDays(7 * 7));
        var logins = history.OfType<LoginEvent>().Where(l => l.Success).ToList();
        logins.Should().HaveCountGreaterThan(20);
        logins.Select(l => l.Device).Distinct().Should().BeSubsetOf(["customer-phone", "customer-pc"]);
        logins.Should().OnlyContain(l => l.Country == "JP" && l.Hosting == false);
        logins.Should().OnlyContain(l => l.Time.ToOffset(TimeSpan.FromHours(9)).Hour >= 9 && l.Time.ToOffset(TimeSpan.FromHours(9)).Hour < 15);
        history.OfType<OrderEvent>().Should().NotBeEmpty();
        scenario.Events.Should().OnlyContain(e => !e.IsFraudulent);
    }

    [Fact]
    public void A_scenario_is_reproducible_and_its_events_are_sorted_by_time_with_unique_ids()
    {
        var first = KnownScenarios.MultiAccountRamp().Build();
        var second = KnownScenarios.MultiAccountRamp().Build();

        first.Events.Select(e => (e.Event.Id, e.Event.Time, e.IsFraudulent, e.Event.GetType())).Should()
            .Equal(second.Events.Select(e => (e.Event.Id, e.Event.Time, e.IsFraudulent, e.Event.GetType())));
        first.Events.Select(e => e.Event).OfType<OrderEvent>().Should().Equal(second.Events.Select(e => e.Event).OfType<OrderEvent>());
        first.Events.Select(e => e.Event.Time).Should().BeInAscendingOrder();
        first.Events.Select(e => e.Event.Id).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void Ten_accounts_ramping_one_thin_stock_move_it_from_84_yen_to_about_110()
    {
        var scenario = KnownScenarios.MultiAccountRamp().Build();

        var buys = scenario.Events.Where(e => e.IsFraudulent).Select(e => e.Event).OfType<OrderEvent>()
            .Where(o => o.Side == OrderSide.Buy).ToList();
        buys.Select(b => b.Account).Distinct().Should().HaveCount(10);
        buys.Should().OnlyContain(b => b.Symbol == TestMarket.ThinDomestic.Symbol);
        buys[0].Price.Should().Be(84m);
        buys[^1].Price.Should().BeInRange(100m, 125m);
        (buys[^1].Time - buys[0].Time).Should().BeLessThan(TimeSpan.FromHours(2.5));
    }

    [Fact]
    public void A_cash_only_margin_attack_enables_nothing_it_already_has_and_buys_on_margin_without_selling()
    {
        var scenario = KnownScenarios.CashOnlyMarginBuy().Build();

        var orders = scenario.Events.Where(e => !e.IsHistory).Select(e => e.Event).OfType<OrderEvent>().ToList();
        orders.Should().NotBeEmpty().And.OnlyContain(o => o.Side == OrderSide.Buy && o.Margin == true);
        orders.Sum(o => o.NotionalJpy).Should().BeGreaterThan(2_000_000m);
        scenario.Events.Select(e => e.Event).OfType<SettingChangedEvent>().Should().BeEmpty();
    }

    [Fact]
    public void A_foreign_target_enables_foreign_trading_for_an_account_that_only_trades_at_home()
    {
        var scenario = KnownScenarios.SmallTestOrderFirst().Build();

        var setting = scenario.Events.Select(e => e.Event).OfType<SettingChangedEvent>().Should().ContainSingle().Subject;
        setting.Should().Match<SettingChangedEvent>(s => s.Setting == AccountSetting.ForeignTrading && s.Enabled == true);
        var buys = scenario.Events.Select(e => e.Event).OfType<OrderEvent>().Where(o => o.Side == OrderSide.Buy && !o.Id.StartsWith("h:", StringComparison.Ordinal)).ToList();
        buys[0].NotionalJpy.Should().BeLessThan(40_000m);
        (buys[1].Time - buys[0].Time).Should().BeGreaterThan(TimeSpan.FromMinutes(20));
    }

    [Fact]
    public void The_withdrawal_diversion_withdraws_everything_to_the_new_bank_account()
    {
        var scenario = KnownScenarios.WithdrawalDiversion().Build();

        var withdrawal = scenario.Events.Select(e => e.Event).OfType<WithdrawalRequestEvent>().Should().ContainSingle().Subject;
        withdrawal.Destination.Should().Be("bank-victim-mule");
        withdrawal.AmountJpy.Should().BeGreaterThan(3_000_000m);
    }

    [Fact]
    public void Every_known_scenario_builds()
    {
        foreach (var (name, create) in KnownScenarios.Attacks.Concat(KnownScenarios.LookAlikes))
        {
            var scenario = create().Build();
            scenario.Events.Should().NotBeEmpty(name);
            scenario.Accounts.Should().OnlyContain(a => a.IsAttacked == KnownScenarios.Attacks.ContainsKey(name), name);
        }
    }

    [Fact]
    public void Actions_before_naming_an_account_and_holdings_after_the_first_action_are_rejected_with_the_reason()
    {
        var noAccount = () => Scenario.Create().Login();
        noAccount.Should().Throw<InvalidOperationException>().WithMessage("*call .Account(\"id\")*");

        var lateHolding = () => Scenario.Create().Account("a").Login().Holding(TestMarket.LiquidDomestic, 100);
        lateHolding.Should().Throw<InvalidOperationException>().WithMessage("Account 'a': set holdings*before its first timeline action.");

        var nothingToSell = () => Scenario.Create().Account("a").Login().SellMostHoldings();
        nothingToSell.Should().Throw<InvalidOperationException>().WithMessage("Account 'a' has no holdings to sell.");

        var brokeBuyer = () => Scenario.Create().Account("a").Cash(1_000m).BuyUpToBuyingPower(TestMarket.LiquidDomestic);
        brokeBuyer.Should().Throw<InvalidOperationException>().WithMessage("*less than one lot of TSE:L001*");

        var badProfile = () => Scenario.Create().Account("a", CustomerProfile.Default with { UsualHoursStart = 25 });
        badProfile.Should().Throw<ArgumentException>().WithMessage("Profile of account 'a': UsualHoursStart must be 0–23 (was 25).");
    }
}
