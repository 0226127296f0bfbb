using TakeoverRules.Compensation;
using TakeoverRules.Facts;

namespace TakeoverRules.Tests.Compensation;

public sealed class CompensationOutlookTests
{
    private static readonly CompensationOutlook Outlook = new(FactsRegistry.Embedded);

    // A typical case: holdings sold for ¥10m, ¥10m of small caps bought now worth ¥4m, ¥50,000 of fees.
    private static CompensationCase Case(string broker, string incident, string? knownOn = null) => new()
    {
        BrokerId = broker,
        IncidentDate = DateOnly.Parse(incident, System.Globalization.CultureInfo.InvariantCulture),
        KnownOn = knownOn is null ? null : DateOnly.Parse(knownOn, System.Globalization.CultureInfo.InvariantCulture),
        Actions = TakeoverActions.HoldingsSold | TakeoverActions.StocksBought,
        SaleProceeds = 10_000_000m,
        PurchaseCost = 10_000_000m,
        CurrentValueOfPurchases = 4_000_000m,
        Fees = 50_000m,
    };

    [Fact]
    public void Rakuten_after_July_2025_pays_half_the_loss_on_bought_stock_plus_fees_plus_10000_in_principle()
    {
        var result = Outlook.Assess(Case("rakuten", "2025-04-30"));

        result.Status.Should().Be(OutlookStatus.PolicyFound);
        result.Policy!.Id.Should().Be("rakuten-sbi.2025-07-25");
        result.Estimate!.Certainty.Should().Be(EstimateCertainty.InPrinciple);
        result.Estimate.Low.Should().Be(3_000_000m + 50_000m + 10_000m);
        result.Estimate.High.Should().Be(result.Estimate.Low);
        result.Estimate.Components.Select(c => c.Amount).Should().Equal(3_000_000m, 50_000m, 10_000m);
        result.Exclusions.Should().ContainSingle(e => e.En.Contains("only fraud was a sale", StringComparison.Ordinal));
        result.Citations.Select(s => s.Id).Should().Contain("jiji-mixi-2025-07-25");
        result.Disclaimer.En.Should().Contain("not legal advice");
    }

    [Fact]
    public void Sbi_uses_the_same_rule_as_rakuten()
    {
        var result = Outlook.Assess(Case("sbi", "2025-03-19"));

        result.Policy!.Id.Should().Be("rakuten-sbi.2025-07-25");
        result.Estimate!.Low.Should().Be(3_060_000m);
    }

    [Fact]
    public void A_sale_only_case_at_rakuten_is_excluded_and_at_most_the_sympathy_payment_is_in_range()
    {
        var saleOnly = Case("rakuten", "2025-04-30") with
        {
            Actions = TakeoverActions.HoldingsSold,
            PurchaseCost = 0,
            CurrentValueOfPurchases = 0,
        };

        var estimate = Outlook.Assess(saleOnly).Estimate!;

        estimate.Low.Should().Be(0);
        estimate.High.Should().Be(10_000m);
        estimate.Certainty.Should().Be(EstimateCertainty.CaseByCase);
    }

    [Fact]
    public void Matsui_pays_half_and_widens_the_range_by_half_the_forced_sale_loss_when_its_value_is_known()
    {
        var withoutValue = Outlook.Assess(Case("matsui", "2025-04-30"));
        withoutValue.Policy!.Id.Should().Be("matsui.2025-07-25");
        withoutValue.Estimate!.Low.Should().Be(3_000_000m);
        withoutValue.Estimate.High.Should().BeNull("the forced-sale loss cannot be computed without the sold holdings' value");

        var withValue = Outlook.Assess(Case("matsui", "2025-04-30") with { CurrentValueOfSoldHoldings = 12_000_000m });
        withValue.Estimate!.Low.Should().Be(3_000_000m);
        withValue.Estimate.High.Should().Be(3_000_000m + 1_000_000m);
        withValue.Estimate.Certainty.Should().Be(EstimateCertainty.CaseByCase);
        withValue.Conditions.Should().Contain(c => c.Ja.Contains("応分の負担", StringComparison.Ordinal));
    }

    [Fact]
    public void Nomura_restores_damage_up_to_2025_06_28_at_most_and_may_reduce_or_refuse()
    {
        var result = Outlook.Assess(Case("nomura", "2025-04-30"));

        result.Policy!.Id.Should().Be("nomura.2025-07-29.until-otp");
        result.Estimate!.Low.Should().Be(0);
        result.Estimate.High.Should().Be(6_050_000m, "restoring the account costs purchase cost + fees − current value");
        result.Estimate.Certainty.Should().Be(EstimateCertainty.CaseByCase);
        result.Citations.Should().Contain(s => s.Url != null && s.Url.ToString() == "https://www.nomura.co.jp/introduc/news/2025/20250729_1.html");
    }

    [Fact]
    public void Nomura_damage_from_2025_06_29_follows_the_general_case_by_case_policy()
    {
        var result = Outlook.Assess(Case("nomura", "2025-07-15"));

        result.Policy!.Id.Should().Be("nomura.2025-07-29.after-otp");
        result.Estimate!.Low.Should().Be(0);
        result.Estimate.High.Should().Be(6_050_000m);
    }

    [Fact]
    public void Restoration_uses_the_sold_holdings_current_value_when_given()
    {
        var result = Outlook.Assess(Case("daiwa", "2025-04-30") with { CurrentValueOfSoldHoldings = 12_000_000m });

        result.Policy!.Id.Should().Be("face-to-face.2025-07-25");
        result.Estimate!.Low.Should().Be(8_050_000m);
        result.Estimate.High.Should().Be(8_050_000m);
        result.Estimate.Certainty.Should().Be(EstimateCertainty.InPrinciple);
    }

    [Theory]
    [InlineData("daiwa")]
    [InlineData("smbc-nikko")]
    [InlineData("mizuho")]
    [InlineData("mumss")]
    public void The_face_to_face_brokers_restore_the_account(string broker) =>
        Outlook.Assess(Case(broker, "2025-04-30")).Policy!.Kind.Should().Be(PolicyKind.Restoration);

    [Fact]
    public void Sbi_neotrade_computes_the_loss_as_buy_minus_sell_and_gives_no_share_so_the_range_starts_at_zero()
    {
        var result = Outlook.Assess(Case("sbi-neotrade", "2025-06-01"));

        result.Policy!.Id.Should().Be("sbi-neotrade.2025-08-01");
        result.Estimate!.Loss.Should().Be(6_000_000m);
        result.Estimate.Low.Should().Be(0);
        result.Estimate.High.Should().Be(6_000_000m);
        result.Exclusions.Should().HaveCount(2);
    }

    [Fact]
    public void Monex_has_not_disclosed_its_rule_so_no_amount_is_estimated()
    {
        var result = Outlook.Assess(Case("monex", "2025-04-30"));

        result.Policy!.Kind.Should().Be(PolicyKind.Undisclosed);
        result.Estimate.Should().BeNull();
        result.Summary.En.Should().Contain("nothing to compute");
    }

    [Fact]
    public void Mufg_esmart_okasan_and_iwai_cosmo_follow_their_own_statements()
    {
        Outlook.Assess(Case("mufg-esmart", "2025-04-30")).Policy!.Id.Should().Be("mufg-esmart.2025-08-23");
        Outlook.Assess(Case("okasan", "2025-04-30")).Policy!.Id.Should().Be("okasan.2025-05-16");
        var iwai = Outlook.Assess(Case("iwai-cosmo", "2025-04-30"));
        iwai.Policy!.Kind.Should().Be(PolicyKind.UnderConsideration);
        iwai.Estimate.Should().BeNull();
    }

    [Fact]
    public void Brokers_with_no_policy_of_their_own_get_the_jsda_request_and_no_estimate()
    {
        var result = Outlook.Assess(Case("gmo-click", "2025-04-30"));

        result.Policy!.Kind.Should().Be(PolicyKind.RequestedByJsda);
        result.Estimate.Should().BeNull();
    }

    [Fact]
    public void An_unknown_broker_is_reported_as_unknown_not_guessed()
    {
        var result = Outlook.Assess(Case("no-such-broker", "2025-04-30"));

        result.Status.Should().Be(OutlookStatus.UnknownBroker);
        result.Policy.Should().BeNull();
        result.Estimate.Should().BeNull();
        result.Summary.En.Should().Contain("no-such-broker");
    }

    [Fact]
    public void Invalid_amounts_are_rejected_with_every_problem_named()
    {
        var act = () => Outlook.Assess(Case("rakuten", "2025-04-30") with { Fees = -1, CurrentValueOfPurchases = -2 });

        act.Should().Throw<ArgumentException>()
            .WithMessage("*Fees: must not be negative (was -1)*")
            .WithMessage("*CurrentValueOfPurchases: must not be negative (was -2)*");
    }

    [Fact]
    public void Circumstances_that_could_change_the_outcome_are_listed_with_their_sources()
    {
        var result = Outlook.Assess(Case("sbi", "2025-04-30") with
        {
            Actions = TakeoverActions.HoldingsSold | TakeoverActions.StocksBought | TakeoverActions.MarginUsed | TakeoverActions.CashWithdrawn,
            CredentialsEnteredOnPhishingSite = true,
            MfaEnabled = false,
            PoliceReportFiled = false,
            ReportedToBrokerAfter = TimeSpan.FromHours(30),
        });

        var conditions = result.Conditions.Select(c => c.En).ToList();
        conditions.Should().Contain(c => c.Contains("phishing site", StringComparison.Ordinal));
        conditions.Should().Contain(c => c.Contains("MFA was off", StringComparison.Ordinal));
        conditions.Should().Contain(c => c.Contains("police report", StringComparison.Ordinal));
        conditions.Should().Contain(c => c.Contains("30 hours", StringComparison.Ordinal));
        conditions.Should().Contain(c => c.Contains("margin", StringComparison.Ordinal));
        conditions.Should().Contain(c => c.Contains("withdrawals", StringComparison.Ordinal));
        result.Citations.Select(s => s.Id).Should().Contain(["sbi-compensation", "asahi-safebb-2025-05-02", "jiji-nippon-2025-04-18"]);
    }
}
