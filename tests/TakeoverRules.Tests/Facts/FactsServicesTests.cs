using Microsoft.Extensions.DependencyInjection;
using TakeoverRules.Compensation;
using TakeoverRules.Facts;

namespace TakeoverRules.Tests.Facts;

public sealed class FactsServicesTests
{
    [Fact]
    public void AddTakeoverRules_registers_the_embedded_registry_and_the_outlook()
    {
        using var provider = new ServiceCollection().AddTakeoverRules().BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        provider.GetRequiredService<FactsRegistry>().Should().BeSameAs(FactsRegistry.Embedded);
        provider.GetRequiredService<FactsLoadResult>().Applied.Should().BeTrue();
        provider.GetRequiredService<CompensationOutlook>().Should().NotBeNull();
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
