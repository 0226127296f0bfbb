using Microsoft.Extensions.DependencyInjection;
using TakeoverRules.Facts;
using TakeoverRules.Response;

namespace TakeoverRules.Tests.Response;

public sealed class ResponseServicesTests
{
    [Fact]
    public void AddTakeoverRules_registers_one_planner_over_the_facts_in_force()
    {
        using var provider = new ServiceCollection().AddTakeoverRules().AddTakeoverRules().BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        var planner = provider.GetRequiredService<ResponsePlanner>();

        provider.GetServices<ResponsePlanner>().Should().ContainSingle();
        planner.BrokerIds.Should().BeEquivalentTo(provider.GetRequiredService<FactsRegistry>().Brokers.Select(b => b.Id));
        planner.Create(new IncidentContext { BrokerId = "matsui" }).Broker!.Id.Should().Be("matsui");
    }
}
