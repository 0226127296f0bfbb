using TakeoverRules.Detection;
using TakeoverRules.Tests.Detection;

namespace TakeoverRules.Orleans.Tests;

/// <summary>
/// The consistency the symbol grains give (docs/hosting.md): a risky buy whose decision has returned is in the window of
/// every later decision on any silo; buys decided at the same moment may miss each other (a ramp seen late), but a
/// ramp is never counted before its buys happened, nor a buy twice.
/// </summary>
public sealed class ConvergenceWindowTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task Overlapping_ramp_buys_may_see_the_ramp_late_but_never_early_and_the_next_buyer_sees_all_of_them()
    {
        var bots = Enumerable.Range(0, 3).Select(i => new Timeline($"cw:bot-{i}").HonestHistory()
            .At(21, 9, 10 + (10 * i)).Login($"bot-{i}", $"198.51.100.{i}", "AS9009", "JP", hosting: true)
            .After(TimeSpan.FromMinutes(3)).Buy(Market.TseThin, 2_000_000m, price: 84m + (4 * i))).ToList();
        var fourth = new Timeline("cw:fourth").HonestHistory()
            .At(21, 10, 0).Login("new-phone", "198.18.0.7", "AS9605")
            .After(TimeSpan.FromMinutes(2)).Buy(Market.TseThin, 1_000_000m, price: 100m);
        var reference = new TakeoverDetector(new DetectorOptions(), TestStreams.Instruments);
        foreach (var e in bots.SelectMany(b => b.Events.SkipLast(1)))
        {
            reference.Evaluate(e);
        }

        var inProcessBuys = bots.Select(b => reference.Evaluate(b.Last)).ToList();
        var inProcessFourth = fourth.Events.Select(reference.Evaluate).ToList()[^1];
        inProcessFourth.Indicators.Single(i => i.Id == IndicatorId.CrossAccountRamp).Evidence
            .Should().HaveCount(4, "in process the fourth buyer's ramp cites the three bots' buys and its own");

        var gateways = fixture.Detection.Gateways;
        await gateways[0].IngestAsync([.. bots.SelectMany(b => b.Events.SkipLast(1))], TestContext.Current.CancellationToken);
        // The three bots' buys at the same moment, through three gateways: none has reported when the others read.
        var clusterBuys = await Task.WhenAll(bots.Select((b, i) => gateways[i % gateways.Count].DecideAsync(b.Last)));
        var clusterFourth = (await gateways[^1].IngestAsync(fourth.Events, TestContext.Current.CancellationToken))[^1];

        clusterBuys.Select(Ramp).Zip(inProcessBuys.Select(Ramp), (cluster, inProcess) => cluster <= inProcess)
            .Should().AllBeEquivalentTo(true, "a buy never counts a ramp one process would not have seen yet");
        Text(clusterFourth).Should().Be(Text(inProcessFourth), "every bot's decision had returned: the fourth buyer sees each once");
    }

    private static double Ramp(Decision decision) =>
        decision.Indicators.FirstOrDefault(i => i.Id == IndicatorId.CrossAccountRamp)?.Observed ?? 0;

    private static string Text(Decision decision) => System.Text.Encoding.UTF8.GetString(TestStreams.Lines([decision]));
}
