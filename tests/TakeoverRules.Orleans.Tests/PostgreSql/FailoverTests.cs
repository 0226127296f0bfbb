using TakeoverRules.Detection;

namespace TakeoverRules.Orleans.Tests.PostgreSql;

/// <summary>A silo dies mid-stream; its accounts come back elsewhere from PostgreSQL, the host replays, nothing is lost or decided twice.</summary>
public sealed class FailoverTests
{
    [PostgresFact]
    public async Task A_silo_dying_mid_stream_loses_nothing_after_the_host_replays_the_recent_events()
    {
        var events = TestStreams.Population("f:");
        var expected = TestStreams.InProcessLines(events);
        await using var detection = await DetectionCluster.StartAsync(silos: 3, postgres: PostgresDatabase.Require());
        var recent = new RecentEvents(new DetectorOptions().DuplicateWindow);
        var half = events.Count / 2;
        var before = events.Take(half).ToList();
        var after = events.Skip(half).ToList();

        var decisions = new List<Decision>(await StreamFeed.FeedAsync(detection.Gateways, before));
        recent.Sent(before, 0);
        var stored = await PostgresDatabase.StoredGrainsAsync(detection.Cluster.Options.ServiceId);

        await detection.PowerCutAsync(detection.Cluster.SecondarySilos[0]);
        var tail = recent.Tail();
        var replayed = await ReplayAsync(detection.Client, [.. tail.Select(t => t.Event)]);
        decisions.AddRange(await StreamFeed.FeedAsync(detection.Gateways, after));

        stored.Should().BeGreaterThan(0, "the grains must have written their state to PostgreSQL");
        var reapplied = replayed.Select((d, i) => (Decision: d, Position: tail[i].Position)).Where(p => p.Decision.Status != DecisionStatus.Duplicate).ToList();
        reapplied.Should().NotBeEmpty("the dead silo must have left events unpersisted, or the replay proves nothing");
        List<string> asBefore = [.. reapplied.Select(p => Line(decisions[p.Position]))];
        reapplied.Select(p => Line(p.Decision)).Should().Equal(asBefore, "a lost event re-applied decides as it did before the failure");
        Text(TestStreams.Lines(decisions)).Should().Be(Text(expected), "after the replay every later decision is the single-process one: none lost, none applied twice");
    }

    /// <summary>The host's replay: retried while the cluster notices the dead silo and moves its accounts.</summary>
    private static async Task<IReadOnlyList<Decision>> ReplayAsync(IOrderDecisions gateway, IReadOnlyList<AccountEvent> tail)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await gateway.IngestAsync(tail);
            }
            catch (Exception) when (attempt < 30)
            {
                await Task.Delay(1000);
            }
        }
    }

    private static string Line(Decision decision) => Text(TestStreams.Lines([decision]));

    private static string Text(byte[] utf8) => System.Text.Encoding.UTF8.GetString(utf8);
}
