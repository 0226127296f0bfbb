namespace TakeoverRules.Orleans.Tests.PostgreSql;

/// <summary>The grains keep their state in PostgreSQL through Orleans' own ADO.NET storage and its scripts.</summary>
public sealed class PostgresStorageTests
{
    [PostgresFact]
    public async Task The_sample_stream_on_PostgreSQL_storage_gives_the_in_process_decision_lines_and_stores_every_account()
    {
        var events = TestStreams.Sample("pg:");
        await using var detection = await DetectionCluster.StartAsync(silos: 2, postgres: PostgresDatabase.Require());

        var lines = TestStreams.Lines(await StreamFeed.FeedAsync(detection.Gateways, events));
        await detection.Cluster.StopAllSilosAsync();

        System.Text.Encoding.UTF8.GetString(lines).Should().Be(System.Text.Encoding.UTF8.GetString(TestStreams.InProcessLines(events)));
        var accounts = events.Select(e => e.Account).Distinct(StringComparer.Ordinal).Count();
        (await PostgresDatabase.StoredGrainsAsync(detection.Cluster.Options.ServiceId))
            .Should().BeGreaterThanOrEqualTo(accounts, "a silo stopping gracefully writes every account it holds");
    }
}
