using TakeoverRules.Compensation;
using TakeoverRules.Facts;

namespace TakeoverRules.Tests.Compensation;

/// <summary>The same case looked at from different dates: the answer changes as the sources did.</summary>
public sealed class DatePinnedOutlookTests
{
    private static readonly CompensationOutlook Outlook = new(FactsRegistry.Embedded);

    private static CompensationCase Case(string broker, DateOnly knownOn, string incident = "2025-04-15") => new()
    {
        BrokerId = broker,
        IncidentDate = DateOnly.Parse(incident, System.Globalization.CultureInfo.InvariantCulture),
        KnownOn = knownOn,
        Actions = TakeoverActions.HoldingsSold | TakeoverActions.StocksBought,
        SaleProceeds = 2_000_000m,
        PurchaseCost = 2_000_000m,
        CurrentValueOfPurchases = 500_000m,
        Fees = 10_000m,
    };

    [Fact]
    public void Before_2025_05_02_rakutens_terms_meant_no_compensation_in_principle()
    {
        var result = Outlook.Assess(Case("rakuten", new DateOnly(2025, 4, 25)));

        result.Policy!.Kind.Should().Be(PolicyKind.TermsOnly);
        result.Estimate!.High.Should().Be(0);
        result.Conditions.Should().Contain(c => c.En.StartsWith("Newer policies were published after 2025-04-25", StringComparison.Ordinal));
    }

    [Fact]
    public void Before_2025_05_02_other_brokers_had_no_known_policy_and_the_statements_of_the_time_are_shown()
    {
        var result = Outlook.Assess(Case("sbi", new DateOnly(2025, 5, 1)));

        result.Status.Should().Be(OutlookStatus.NoPolicyKnown);
        result.Estimate.Should().BeNull();
        result.Conditions.Select(c => c.En).Should().Contain(c => c.Contains("Morita", StringComparison.Ordinal))
            .And.Contain(c => c.Contains("Kato", StringComparison.Ordinal));
        result.Citations.Select(s => s.Id).Should().Contain("bloomberg-tbs-2025-05-02");
    }

    [Fact]
    public void Between_the_agreement_and_the_July_policies_the_answer_is_case_by_case()
    {
        var sbi = Outlook.Assess(Case("sbi", new DateOnly(2025, 6, 1)));
        sbi.Policy!.Id.Should().Be("jsda-agreement.2025-05-02");
        sbi.Estimate!.Low.Should().Be(0);
        sbi.Estimate.High.Should().Be(1_510_000m);
        sbi.Estimate.Certainty.Should().Be(EstimateCertainty.CaseByCase);

        Outlook.Assess(Case("rakuten", new DateOnly(2025, 6, 1))).Policy!.Id.Should().Be("rakuten.2025-05-02");
        Outlook.Assess(Case("monex", new DateOnly(2025, 6, 1))).Policy!.Id.Should().Be("monex.2025-05-02");
    }

    [Fact]
    public void On_2025_07_26_nomura_was_reported_as_restoring_and_from_2025_07_29_its_own_text_allows_reduction()
    {
        var reported = Outlook.Assess(Case("nomura", new DateOnly(2025, 7, 26)));
        reported.Policy!.Id.Should().Be("face-to-face.2025-07-25");
        reported.Estimate!.Low.Should().Be(1_510_000m);

        var own = Outlook.Assess(Case("nomura", new DateOnly(2025, 7, 29)));
        own.Policy!.Id.Should().Be("nomura.2025-07-29.until-otp");
        own.Estimate!.Low.Should().Be(0);
        own.OtherPolicies.Select(p => p.Id).Should().Contain("face-to-face.2025-07-25");
    }

    [Fact]
    public void After_2026_01_10_sbi_neotrade_decides_whether_to_pay_at_all_case_by_case()
    {
        var before = Outlook.Assess(Case("sbi-neotrade", new DateOnly(2026, 2, 1), incident: "2026-01-09"));
        before.Policy!.Id.Should().Be("sbi-neotrade.2025-08-01");

        var after = Outlook.Assess(Case("sbi-neotrade", new DateOnly(2026, 2, 1), incident: "2026-01-10") with { MfaEnabled = false });
        after.Policy!.Id.Should().Be("sbi-neotrade.2026-01-10");
        after.Policy.MayBeReducedOrRefused.Should().BeTrue();
        after.Estimate!.Low.Should().Be(0);
        after.Conditions.Should().Contain(c => c.En.Contains("security features", StringComparison.Ordinal));
    }

    [Fact]
    public void Sbi_neotrade_in_July_2025_had_only_the_jsda_request()
    {
        var result = Outlook.Assess(Case("sbi-neotrade", new DateOnly(2025, 7, 1)));

        result.Policy!.Kind.Should().Be(PolicyKind.RequestedByJsda);
        result.Estimate.Should().BeNull();
    }

    [Fact]
    public void Damage_before_January_2025_is_outside_the_agreement()
    {
        var result = Outlook.Assess(Case("sbi", new DateOnly(2025, 6, 1), incident: "2024-12-20"));

        result.Status.Should().Be(OutlookStatus.NoPolicyKnown);
    }
}
