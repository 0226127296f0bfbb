using TakeoverRules.Facts;

namespace TakeoverRules.Tests.Facts;

public sealed class EmbeddedFactsTests
{
    private static readonly FactsRegistry Facts = FactsRegistry.Embedded;

    [Fact]
    public void The_embedded_facts_load_without_errors() =>
        FactsRegistry.FromJson(EmbeddedJson()).Errors.Should().BeEmpty();

    [Fact]
    public void Every_embedded_fact_has_a_source_and_a_date()
    {
        Facts.Facts.Should().NotBeEmpty();
        foreach (var fact in Facts.Facts)
        {
            fact.Sources.Should().NotBeEmpty("fact {0} needs a source", fact.Id);
            fact.AsOf.Date.Should().BeAfter(new DateOnly(1990, 1, 1), "fact {0} needs a date", fact.Id);
        }

        foreach (var policy in Facts.Policies) policy.Sources.Should().NotBeEmpty("policy {0} needs a source", policy.Id);
        foreach (var contact in Facts.Contacts) contact.Sources.Should().NotBeEmpty("contact {0} needs a source", contact.Id);
        foreach (var report in Facts.Statistics) report.Sources.Should().NotBeEmpty("report {0} needs a source", report.Id);
        foreach (var regime in Facts.BankVsSecurities.Regimes) regime.Sources.Should().NotBeEmpty("regime {0} needs a source", regime.Id);
    }

    [Fact]
    public void No_fact_is_graded_stronger_than_its_best_source()
    {
        foreach (var fact in Facts.Facts)
        {
            ((int)fact.Grade).Should().BeGreaterThanOrEqualTo((int)fact.Sources.Min(s => s.Grade), "fact {0} must not upgrade its sources", fact.Id);
        }

        foreach (var policy in Facts.Policies)
        {
            ((int)policy.Grade).Should().BeGreaterThanOrEqualTo((int)policy.Sources.Min(s => s.Grade), "policy {0} must not upgrade its sources", policy.Id);
        }
    }

    internal static string EmbeddedJson()
    {
        using var stream = typeof(FactsRegistry).Assembly.GetManifestResourceStream("TakeoverRules.Facts.Data.facts.json")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
