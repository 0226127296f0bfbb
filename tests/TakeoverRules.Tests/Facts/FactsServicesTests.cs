using Microsoft.Extensions.DependencyInjection;
using TakeoverRules.Compensation;
using TakeoverRules.Facts;

namespace TakeoverRules.Tests.Facts;

public sealed class FactsServicesTests
{
    /// <summary>A case only the policy of <see cref="FactsUpdateTests.NewPolicyUpdate"/> covers: the embedded data knows no rakuten policy from 2026-12-20.</summary>
    private static readonly CompensationCase December2026 = new()
    {
        BrokerId = "rakuten",
        IncidentDate = new DateOnly(2026, 12, 21),
        KnownOn = new DateOnly(2027, 1, 1),
        Actions = TakeoverActions.StocksBought,
        PurchaseCost = 1_000_000,
        CurrentValueOfPurchases = 400_000,
    };

    [Fact]
    public void AddTakeoverRules_registers_the_embedded_registry_and_one_outlook_that_reads_it()
    {
        using var provider = new ServiceCollection().AddTakeoverRules().BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        provider.GetRequiredService<FactsRegistry>().Should().BeSameAs(FactsRegistry.Embedded);
        provider.GetRequiredService<FactsLoadResult>().Applied.Should().BeTrue();
        var outlook = provider.GetRequiredService<CompensationOutlook>();
        outlook.Should().BeSameAs(provider.GetRequiredService<CompensationOutlook>(), "the outlook is a singleton");
        outlook.Assess(December2026).Should().BeEquivalentTo(new CompensationOutlook(FactsRegistry.Embedded).Assess(December2026));
    }

    [Fact]
    public void The_registered_outlook_reads_the_policies_of_an_applied_update_file()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".json");
        File.WriteAllText(path, FactsUpdateTests.NewPolicyUpdate);
        try
        {
            using var provider = new ServiceCollection().AddTakeoverRules(o =>
            {
                o.Facts.UpdateFilePath = path;
                o.Facts.AllowUnsignedUpdates = true; // a test file, not a publisher's signed update
            }).BuildServiceProvider();

            provider.GetRequiredService<FactsLoadResult>().Applied.Should().BeTrue();
            var result = provider.GetRequiredService<CompensationOutlook>().Assess(December2026);
            result.Policy!.Id.Should().Be("rakuten.2026-12-20", "only the update knows this policy");
            result.Estimate!.Low.Should().Be(480_000, "80% of the ¥600,000 loss on the stocks bought");
            new CompensationOutlook(FactsRegistry.Embedded).Assess(December2026).Policy!.Id.Should().NotBe("rakuten.2026-12-20");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void An_invalid_update_file_fails_start_up_listing_its_problems()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".json");
        File.WriteAllText(path, """{ "schema": 1, "version": "v", "date": "2027-01-01", "contacts": [ { "id": "x" } ] }""");
        try
        {
            var act = () => new ServiceCollection().AddTakeoverRules(o =>
            {
                o.Facts.UpdateFilePath = path;
                o.Facts.AllowUnsignedUpdates = true;
            });

            act.Should().Throw<TakeoverRulesOptionsException>().Which.Errors.Should()
                .Contain(e => e.StartsWith("Facts.UpdateFilePath: $.contacts[0].kind", StringComparison.Ordinal) && e.EndsWith($"(was '{path}')", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void With_embedded_facts_on_error_an_invalid_update_file_is_reported_and_the_embedded_facts_stay_in_force()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".json");
        File.WriteAllText(path, """{ "schema": 1, "version": "v", "date": "2027-01-01", "contacts": [ { "id": "x" } ] }""");
        try
        {
            using var provider = new ServiceCollection().AddTakeoverRules(o =>
            {
                o.Facts.UpdateFilePath = path;
                o.Facts.UseEmbeddedFactsOnError = true;
                o.Facts.AllowUnsignedUpdates = true;
            }).BuildServiceProvider();

            var load = provider.GetRequiredService<FactsLoadResult>();
            load.Applied.Should().BeFalse();
            load.Errors.Select(e => e.Path).Should().Contain(["$.contacts[0].kind", "$.contacts[0].organisation", "$.contacts[0].sources"]);
            provider.GetRequiredService<FactsRegistry>().Should().BeSameAs(FactsRegistry.Embedded);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("  ", "Facts.UpdateFilePath: must not be empty or white space (was '  ')")]
    [InlineData("/no/such/facts.json", "Facts.UpdateFilePath: file not found (was '/no/such/facts.json')")]
    public void An_invalid_update_path_fails_at_start_up(string path, string error)
    {
        var act = () => new ServiceCollection().AddTakeoverRules(o => o.Facts.UpdateFilePath = path);

        act.Should().Throw<TakeoverRulesOptionsException>().Which.Errors.Should().Equal(error);
    }
}
