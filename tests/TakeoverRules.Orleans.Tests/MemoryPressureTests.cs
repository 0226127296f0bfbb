using TakeoverRules.Detection;

namespace TakeoverRules.Orleans.Tests;

/// <summary>Accounts shed by Orleans under memory pressure come back from storage and decide as if they had never left.</summary>
public sealed class MemoryPressureTests
{
    [Fact]
    public async Task Accounts_shed_under_memory_pressure_and_reactivated_from_storage_give_the_in_process_decision_lines()
    {
        await using var detection = await DetectionCluster.StartAsync(silos: 2, memoryPressure: true);
        var events = TestStreams.Population("p:");
        var accounts = events.Select(e => e.Account).Distinct(StringComparer.Ordinal).Count();
        var management = detection.Cluster.Client.GetGrain<IManagementGrain>(0);
        var decisions = new List<Decision>(events.Count);
        var fewestActive = int.MaxValue;
        const int Chunks = 20;
        var size = (events.Count + Chunks - 1) / Chunks;
        for (var start = 0; start < events.Count; start += size)
        {
            decisions.AddRange(await StreamFeed.FeedAsync(detection.Gateways, [.. events.Skip(start).Take(size)]));
            // Orleans sheds only after a gen-2 collection since its last pass (its sign that memory is really short).
            GC.Collect();
            await Task.Delay(400, TestContext.Current.CancellationToken);
            fewestActive = Math.Min(fewestActive, await ActiveAccountsAsync(management));
        }

        fewestActive.Should().BeLessThan(accounts / 4, "Orleans must have shed most of the {0} accounts between chunks", accounts);
        System.Text.Encoding.UTF8.GetString(TestStreams.Lines(decisions))
            .Should().Be(System.Text.Encoding.UTF8.GetString(TestStreams.InProcessLines(events)));
    }

    private static async Task<int> ActiveAccountsAsync(IManagementGrain management) =>
        (await management.GetSimpleGrainStatistics())
            .Where(s => s.GrainType.Contains(nameof(AccountDetectionGrain), StringComparison.Ordinal))
            .Sum(s => s.ActivationCount);
}
