using TakeoverRules.Detection;

namespace TakeoverRules.Orleans.Tests;

/// <summary>
/// Feeds a stream to the cluster the way several gateways would: the gateway rotates from call to call, so one account's
/// events arrive through different gateways; a run of non-order events goes as one batch, orders one at a time.
/// </summary>
internal static class StreamFeed
{
    public static async Task<Decision[]> FeedAsync(IReadOnlyList<IOrderDecisions> gateways, IReadOnlyList<AccountEvent> events, int batch = 48)
    {
        var decisions = new Decision[events.Count];
        var call = 0;
        var i = 0;
        while (i < events.Count)
        {
            var gateway = gateways[call++ % gateways.Count];
            if (events[i] is OrderEvent)
            {
                decisions[i] = await gateway.DecideAsync(events[i]);
                i++;
                continue;
            }

            var start = i;
            while (i < events.Count && i - start < batch && events[i] is not OrderEvent)
            {
                i++;
            }

            var run = await gateway.IngestAsync([.. events.Skip(start).Take(i - start)]);
            for (var k = 0; k < run.Count; k++)
            {
                decisions[start + k] = run[k];
            }
        }

        return decisions;
    }
}
