using TakeoverRules.Facts;

namespace TakeoverRules.Tests.Facts;

public sealed class BankSecuritiesComparisonTests
{
    private static readonly BankSecuritiesComparison Comparison = FactsRegistry.Embedded.BankVsSecurities;

    [Fact]
    public void Stolen_card_shares_are_100_75_0_and_need_notice_explanation_and_a_police_report()
    {
        var stolen = Comparison.Regimes.Single(r => r.Id == "bank.stolen-card");

        stolen.Shares.Select(s => s.Share).Should().Equal(1m, 0.75m, 0m);
        stolen.Conditions.Should().HaveCount(3);
        stolen.Grade.Should().Be(EvidenceGrade.LowAuthority, "the shares come from secondary summaries");
    }

    [Fact]
    public void Internet_banking_pays_in_full_without_fault_under_the_2008_jba_agreement_and_leaves_fault_to_each_bank()
    {
        var internet = Comparison.Regimes.Single(r => r.Id == "bank.internet-banking");

        internet.AsOf.ToString().Should().Be("2008-02-19");
        internet.Shares.Select(s => s.Share).Should().Equal(1m, null);
    }

    [Fact]
    public void Securities_have_no_statute_and_the_broker_decides_case_by_case()
    {
        var securities = Comparison.For(FinancialSector.Securities).Should().ContainSingle().Subject;

        securities.Shares.Should().ContainSingle().Which.Share.Should().BeNull();
        securities.Rule.En.Should().Contain("No statutory scheme");
        Comparison.For(FinancialSector.Bank).Should().HaveCount(4);
        Comparison.Regimes[0].Sector.Should().Be(FinancialSector.Bank, "banks come first");
    }

    [Fact]
    public void The_differences_are_sourced_facts()
    {
        Comparison.Differences.Should().HaveCount(3);
        Comparison.Differences.Should().OnlyContain(f => f.Sources.Count > 0 && f.Key.StartsWith("bank-vs-securities.", StringComparison.Ordinal));
    }
}
