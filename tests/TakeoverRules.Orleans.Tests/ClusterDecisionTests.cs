using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Serialization;
using TakeoverRules.Detection;

namespace TakeoverRules.Orleans.Tests;

public sealed class ClusterFixture : IAsyncLifetime
{
    public DetectionCluster Detection { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Detection = await DetectionCluster.StartAsync();

    public async ValueTask DisposeAsync() => await Detection.DisposeAsync();
}

/// <summary>The cluster decides exactly as one in-process detector fed the same stream.</summary>
public sealed class ClusterDecisionTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task The_sample_stream_through_three_silos_and_four_gateways_gives_the_in_process_decision_lines()
    {
        var events = TestStreams.Sample("s:");
        var lines = TestStreams.Lines(await StreamFeed.FeedAsync(fixture.Detection.Gateways, events));
        Text(lines).Should().Be(Text(TestStreams.InProcessLines(events)));
    }

    [Fact]
    public async Task A_generated_population_with_duplicates_late_events_and_ramps_gives_the_in_process_decision_lines()
    {
        var events = TestStreams.Population("g:");
        var expected = TestStreams.InProcessLines(events);
        Text(expected).Should().Contain("crossAccountRamp", "the stream must exercise the symbol grains");
        var lines = TestStreams.Lines(await StreamFeed.FeedAsync(fixture.Detection.Gateways, events));
        Text(lines).Should().Be(Text(expected));
    }

    [Fact]
    public async Task Stored_state_from_another_configuration_is_refused_with_both_configuration_hashes_named()
    {
        var services = fixture.Detection.Cluster.Client.ServiceProvider;
        var grainId = fixture.Detection.Cluster.Client.GetGrain<IAccountDetectionGrain>("foreign-1").GetGrainId();
        var other = new TakeoverDetector(new DetectorOptions { ConvergenceMinAccounts = 4 }, TestStreams.Instruments);
        var login = TestStreams.Sample("x:").First(e => e is LoginEvent) with { Account = "foreign-1" };
        other.Evaluate(login);
        SharedMemoryGrainStorage.Put(services.GetRequiredService<Serializer>(), services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId, "account", grainId,
            new StoredSnapshot { ConfigurationHash = other.ConfigurationHash, Snapshot = other.SnapshotAccount("foreign-1")! });

        var decide = () => fixture.Detection.Client.DecideAsync(login with { Id = "after-change" });

        var thrown = await decide.Should().ThrowAsync<Exception>();
        thrown.Which.Message.Should().Contain("refused").And.Contain(other.ConfigurationHash)
            .And.Contain(new TakeoverDetector(new DetectorOptions(), TestStreams.Instruments).ConfigurationHash);
    }

    private static string Text(byte[] utf8) => System.Text.Encoding.UTF8.GetString(utf8);
}
