using TakeoverRules.Facts;

namespace TakeoverRules.Tests.Facts;

public sealed class FactsRegistryTests
{
    private static readonly FactsRegistry Facts = FactsRegistry.Embedded;

    private static StatisticPeriod Month(int year, int month) =>
        new(new DateOnly(year, month, 1), new DateOnly(year, month, 1).AddMonths(1).AddDays(-1));

    [Fact]
    public void April_2025_trades_show_every_revision_in_release_order()
    {
        var history = Facts.StatisticHistory(Month(2025, 4), StatisticMetric.FraudulentTrades);

        history.Select(f => (f.Quantity!.Value.Value, f.AsOf.ToString())).Should().Equal(
            (2746m, "2025-05-08"), (2984m, "2025-10-06"), (2987m, "2025-12-17"));
        history[0].Grade.Should().Be(EvidenceGrade.Primary);
    }

    [Fact]
    public void Terms_that_held_before_a_date_are_known_until_that_date_and_no_longer_from_it()
    {
        Facts.PoliciesKnownOn(new DateOnly(2025, 5, 1), "rakuten").Select(p => p.Id).Should().Equal("rakuten.terms-before-2025-05-02");
        Facts.PoliciesKnownOn(new DateOnly(2025, 5, 2), "RAKUTEN").Select(p => p.Id).Should().Equal("jsda-agreement.2025-05-02", "rakuten.2025-05-02");
        Facts.PoliciesFor("rakuten", new DateOnly(2025, 5, 2)).Select(p => p.Id).Should().Contain("rakuten.terms-before-2025-05-02",
            "the outlook still needs the old terms for incidents before the change");
    }

    [Fact]
    public void A_later_press_release_supersedes_an_earlier_one()
    {
        // March accesses: 1,422 in the first report (2025-04-18), revised to 1,420 by the FSA page of 2025-05-08.
        var march = Month(2025, 3);
        var key = FactsRegistry.StatisticKey(march, StatisticMetric.UnauthorizedAccesses);

        Facts.Latest(key, new DateOnly(2025, 5, 1))!.Quantity!.Value.Value.Should().Be(1422m);
        Facts.Latest(key)!.Quantity!.Value.Value.Should().Be(1420m);
        Facts.Conflicts().Select(c => c.Key).Should().NotContain(key);
    }

    [Fact]
    public void A_low_authority_revision_does_not_override_the_fsa_figure_and_the_disagreement_is_exposed()
    {
        var key = FactsRegistry.StatisticKey(Month(2025, 4), StatisticMetric.FraudulentTrades);

        var conflict = Facts.Conflicts().Single(c => c.Key == key);

        // 2,984 (repost, 2025-10-06) was itself revised by 2,987 (2025-12-17), a source of the same grade.
        conflict.Facts.Select(f => f.Quantity!.Value.Value).Should().Equal(2746m, 2987m);
        Facts.Conflicts(new DateOnly(2025, 9, 1)).Select(c => c.Key).Should().NotContain(key, "only the FSA figure was known then");
    }

    [Fact]
    public void Approximate_and_lower_bound_figures_that_agree_are_not_conflicts()
    {
        var janAug = new StatisticPeriod(new DateOnly(2025, 1, 1), new DateOnly(2025, 8, 31));
        var key = FactsRegistry.StatisticKey(janAug, StatisticMetric.TradedAmount);

        Facts.History(key).Select(f => f.Quantity!.Value.ToString()).Should().BeEquivalentTo(">670,000,000,000 JPY", "677,000,000,000 JPY");
        Facts.Conflicts().Select(c => c.Key).Should().NotContain(key);
    }

    [Fact]
    public void The_fsa_caveat_that_amounts_are_not_losses_is_a_primary_fact()
    {
        var caveat = Facts.Latest("stats.caveat.not-customer-losses")!;

        caveat.Grade.Should().Be(EvidenceGrade.Primary);
        caveat.Statement.Ja.Should().Contain("不正取引により生じた顧客の損失額と一致しない");
        caveat.Sources.Single().Url!.ToString().Should().Be("https://www.fsa.go.jp/ordinary/chuui/chuui_phishing.html");
    }

    [Fact]
    public void Known_on_a_date_excludes_later_facts_and_superseded_ones()
    {
        var april = Facts.KnownOn(new DateOnly(2025, 4, 30)).Select(f => f.Id).ToList();
        april.Should().Contain("statement.terms-disclaimer").And.Contain("statement.kato-2025-04-22").And.Contain("statement.jsda-morita-2025-04");
        april.Should().NotContain("agreement.compensation-regardless-of-terms");

        var may = Facts.KnownOn(new DateOnly(2025, 5, 2)).Select(f => f.Id).ToList();
        may.Should().Contain("agreement.compensation-regardless-of-terms");
        may.Should().NotContain("statement.terms-disclaimer", "the agreement replaced the terms on 2025-05-02");
    }

    [Fact]
    public void The_count_of_affected_brokers_grows_6_9_17_18()
    {
        Facts.History("brokers.affected-count").Select(f => f.Quantity!.Value.Value).Should().Equal(6m, 9m, 17m, 18m, 18m);
        Facts.Latest("brokers.affected-count", new DateOnly(2025, 6, 1))!.Quantity!.Value.Value.Should().Be(17m);
    }

    [Fact]
    public void The_mfa_mandatory_list_counts_are_58_78_79()
    {
        Facts.History("jsda.mfa-mandatory-count").Select(f => (f.Quantity!.Value.Value, f.AsOf.ToString()))
            .Should().Equal((58m, "2025-04-25"), (78m, "2025-07-01"), (79m, "2025-07-07"));
    }

    [Fact]
    public void The_jsda_guideline_was_a_draft_in_july_and_in_force_from_2025_10_15()
    {
        Facts.Latest("jsda.guideline.status", new DateOnly(2025, 8, 1))!.Id.Should().Be("jsda.guideline.draft");
        var final = Facts.Latest("jsda.guideline.status")!;
        final.Id.Should().Be("jsda.guideline.final");
        final.AsOf.ToString().Should().Be("2025-10-15");
        final.Statement.En.Should().Contain("115 comments");
        Facts.Latest("fsa.supervisory-guideline.status")!.AsOf.ToString().Should().Be("2025-10-15");
    }

    [Fact]
    public void Brokers_carry_only_confirmed_domains_as_confirmed_and_their_first_report()
    {
        Facts.FindBroker("rakuten")!.Domains.Should().ContainSingle(d => d.Name == "rakuten-sec.co.jp" && d.Confirmed);
        Facts.FindBroker("okasan")!.Domains.Should().Contain(d => d.Name == "okasan.co.jp" && !d.Confirmed);
        Facts.FindBroker("tachibana")!.Domains.Should().BeEmpty();
        Facts.FindBroker("ig")!.Domains.Should().BeEmpty();
        Facts.FindBroker("mufg-esmart")!.FirstReported!.AsOf.ToString().Should().Be("2025-04-22");
        Facts.FindBroker("SBI")!.FirstReported!.AsOf.ToString().Should().Be("2025-04-18");
        Facts.Brokers.Count(b => b.InJsdaAgreement).Should().Be(10);
        Facts.Brokers.Should().HaveCount(17, "the 18th affected broker is not named in the sources");
    }

    [Fact]
    public void Every_figure_of_the_fsa_page_of_2025_05_08_matches_the_notes()
    {
        var report = Facts.Statistics.Single(r => r.Id == "fsa.2025-05-08");
        decimal Value(int month, StatisticMetric metric) => report.Figures.Single(f => f.Period == Month(2025, month) && f.Metric == metric).Quantity.Value;

        new[] { Value(1, StatisticMetric.UnauthorizedAccesses), Value(2, StatisticMetric.UnauthorizedAccesses), Value(3, StatisticMetric.UnauthorizedAccesses), Value(4, StatisticMetric.UnauthorizedAccesses) }
            .Should().Equal(65m, 43m, 1420m, 4852m);
        new[] { Value(1, StatisticMetric.FraudulentTrades), Value(2, StatisticMetric.FraudulentTrades), Value(3, StatisticMetric.FraudulentTrades), Value(4, StatisticMetric.FraudulentTrades) }
            .Should().Equal(39m, 33m, 687m, 2746m);
        new[] { Value(1, StatisticMetric.SalesAmount), Value(2, StatisticMetric.SalesAmount), Value(3, StatisticMetric.SalesAmount), Value(4, StatisticMetric.SalesAmount) }
            .Should().Equal(80_000_000m, 100_000_000m, 12_900_000_000m, 148_100_000_000m);
        new[] { Value(1, StatisticMetric.PurchaseAmount), Value(2, StatisticMetric.PurchaseAmount), Value(3, StatisticMetric.PurchaseAmount), Value(4, StatisticMetric.PurchaseAmount) }
            .Should().Equal(70_000_000m, 60_000_000m, 12_800_000_000m, 130_800_000_000m);
        var janApr = new StatisticPeriod(new DateOnly(2025, 1, 1), new DateOnly(2025, 4, 30));
        report.Figures.Where(f => f.Period == janApr).Select(f => f.Quantity.Value).Should().Equal(6380m, 3505m, 161_200_000_000m, 143_700_000_000m);
    }

    [Fact]
    public void Later_totals_match_the_notes()
    {
        static decimal Total(string id, int toMonth, StatisticMetric metric)
        {
            var to = new DateOnly(2025, toMonth, 1).AddMonths(1).AddDays(-1);
            return FactsRegistry.Embedded.Statistics.Single(r => r.Id == id).Figures
                .Single(f => f.Period == new StatisticPeriod(new DateOnly(2025, 1, 1), to) && f.Metric == metric).Quantity.Value;
        }

        Total("bloomberg.2025-07-07", 6, StatisticMetric.TradedAmount).Should().Be(571_000_000_000m);
        Total("bloomberg.2025-07-07", 6, StatisticMetric.UnauthorizedAccesses).Should().Be(12758m);
        Total("bloomberg.2025-08-07", 7, StatisticMetric.FraudulentTrades).Should().Be(8111m);
        Total("bloomberg.2025-09-08", 8, StatisticMetric.TradedAmount).Should().Be(677_000_000_000m);
        Total("agora.2025-11-28", 10, StatisticMetric.FraudulentTrades).Should().Be(9348m);
        Total("fujipost-38712.2026-01-14", 12, StatisticMetric.UnauthorizedAccesses).Should().Be(17559m);
    }

    [Fact]
    public void The_agreement_is_dated_2025_05_02_covers_damage_from_january_2025_and_names_ten_firms()
    {
        var agreement = Facts.Policies.Single(p => p.Id == "jsda-agreement.2025-05-02");

        agreement.AsOf.ToString().Should().Be("2025-05-02");
        agreement.IncidentsFrom.Should().Be(new DateOnly(2025, 1, 1));
        agreement.BrokerIds.Should().BeEquivalentTo("nomura", "daiwa", "smbc-nikko", "mizuho", "mumss", "sbi", "rakuten", "monex", "matsui", "mufg-esmart");
        Facts.Latest("agreement.compensation-regardless-of-terms")!.Grade.Should().Be(EvidenceGrade.Primary);
    }

    [Fact]
    public void The_unverified_jsda_phrase_keeps_its_unverified_grade()
    {
        Facts.Latest("statement.jsda-careful-consideration")!.Grade.Should().Be(EvidenceGrade.Unverified);
    }

    [Fact]
    public void Laws_carry_the_articles_confirmed_in_the_notes()
    {
        Facts.Latest("law.fiea-39-3-jiko")!.Statement.En.Should().Contain("Art. 39(3)").And.Contain("¥10 million");
        Facts.Latest("law.depositors-act.identity")!.Statement.En.Should().Contain("Act No. 94 of 2005").And.Contain("2006-02-10");
        Facts.Latest("law.unauthorized-access.art2-3-11")!.Statement.En.Should().Contain("Art. 11");
        Facts.Latest("law.unauthorized-access.art4-6")!.AsOf.ToString().Should().Be("2012");
        Facts.Latest("law.fiea-159")!.Grade.Should().Be(EvidenceGrade.LowAuthority);
        Facts.Facts.Select(f => f.Statement.En).Should().NotContain(s => s.Contains("Art. 7", StringComparison.Ordinal) || s.Contains("Art. 12", StringComparison.Ordinal),
            "Articles 7 and 12 of the Unauthorized Access Act were not confirmed");
        Facts.Latest("law.jba-2008.agreement")!.AsOf.ToString().Should().Be("2008-02-19");
    }

    [Fact]
    public void Every_url_in_the_data_is_one_of_the_addresses_pinned_from_the_notes()
    {
        var urls = Facts.Sources.Where(s => s.Url is not null).Select(s => s.Url!.OriginalString)
            .Concat(Facts.Contacts.Where(c => c.Url is not null).Select(c => c.Url!.OriginalString))
            .Distinct()
            .ToList();

        urls.Should().OnlyContain(u => PinnedUrls.All.Contains(u), "every address must come from the research notes");
    }
}
