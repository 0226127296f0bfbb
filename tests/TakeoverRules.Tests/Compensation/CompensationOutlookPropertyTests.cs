using CsCheck;
using TakeoverRules.Compensation;
using TakeoverRules.Facts;

namespace TakeoverRules.Tests.Compensation;

public sealed class CompensationOutlookPropertyTests
{
    private static readonly CompensationOutlook Outlook = new(FactsRegistry.Embedded);

    private static readonly string[] BrokerIds = [.. FactsRegistry.Embedded.Brokers.Select(b => b.Id), "unknown-broker"];

    private static readonly Gen<CompensationCase> Cases =
        from broker in Gen.Int[0, BrokerIds.Length - 1].Select(i => BrokerIds[i])
        from incident in Gen.Int[0, 800].Select(d => new DateOnly(2024, 10, 1).AddDays(d))
        from knownOn in Gen.Int[-1, 800].Select(d => d < 0 ? (DateOnly?)null : new DateOnly(2025, 3, 1).AddDays(d))
        from flags in Gen.Int[0, 15]
        from sold in Gen.Long[0, 100_000_000]
        from bought in Gen.Long[0, 100_000_000]
        from current in Gen.Long[0, 100_000_000]
        from fees in Gen.Long[0, 1_000_000]
        from soldValue in Gen.Long[-1, 100_000_000]
        from mfa in Gen.Int[0, 2]
        select new CompensationCase
        {
            BrokerId = broker,
            IncidentDate = incident,
            KnownOn = knownOn,
            Actions = (TakeoverActions)flags,
            SaleProceeds = ((TakeoverActions)flags).HasFlag(TakeoverActions.HoldingsSold) ? sold : 0,
            PurchaseCost = ((TakeoverActions)flags).HasFlag(TakeoverActions.StocksBought) ? bought : 0,
            CurrentValueOfPurchases = ((TakeoverActions)flags).HasFlag(TakeoverActions.StocksBought) ? current : 0,
            Fees = fees,
            CurrentValueOfSoldHoldings = soldValue < 0 ? null : soldValue,
            MfaEnabled = mfa == 2 ? null : mfa == 1,
        };

    [Fact]
    public void Every_valid_case_gets_a_result_with_a_non_negative_ordered_range_citations_and_the_disclaimer() =>
        Cases.Sample(c =>
        {
            var r = Outlook.Assess(c);
            r.Disclaimer.En.Should().Contain("not legal advice");
            if (r.Estimate is { } e)
            {
                e.Low.Should().BeGreaterThanOrEqualTo(0);
                if (e.High is { } high) high.Should().BeGreaterThanOrEqualTo(e.Low);
                r.Policy.Should().NotBeNull();
            }

            if (r.Status == OutlookStatus.PolicyFound)
            {
                r.Citations.Should().NotBeEmpty();
                r.Policy!.CoversIncidentOn(c.IncidentDate).Should().BeTrue();
                r.Policy.KnownFrom.Should().BeOnOrBefore(c.KnownOn ?? FactsRegistry.Embedded.Date);
            }
        }, iter: 2000);

    [Fact]
    public void A_case_by_case_estimate_without_its_own_loss_basis_never_promises_more_than_restoring_the_account()
    {
        // The condition must actually be met, by both kinds of policy it names, or the property proves nothing.
        var met = new System.Collections.Concurrent.ConcurrentDictionary<PolicyKind, int>();
        Cases.Sample(c =>
        {
            var r = Outlook.Assess(c);
            if (r.Estimate is { Certainty: EstimateCertainty.CaseByCase, High: { } high }
                && r.Policy!.Kind is PolicyKind.CaseByCase or PolicyKind.Restoration && r.Policy.LossBasis is LossBasis.NotStated or LossBasis.PreFraudState)
            {
                met.AddOrUpdate(r.Policy.Kind, 1, (_, n) => n + 1);
                var sold = c.Actions.HasFlag(TakeoverActions.HoldingsSold);
                var gap = Math.Max(0, (sold ? c.CurrentValueOfSoldHoldings ?? c.SaleProceeds : 0) - c.SaleProceeds + c.PurchaseCost + c.Fees - c.CurrentValueOfPurchases);
                high.Should().BeLessThanOrEqualTo(gap);
            }
        }, iter: 2000);

        met.Keys.Should().BeEquivalentTo([PolicyKind.CaseByCase, PolicyKind.Restoration], "both kinds of policy the property names must be exercised");
        met.Values.Sum().Should().BeGreaterThanOrEqualTo(100, "at least 5% of the 2,000 cases must meet the condition");
    }
}
