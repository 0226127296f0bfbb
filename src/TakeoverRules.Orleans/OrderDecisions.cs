using TakeoverRules.Detection;

namespace TakeoverRules.Orleans;

/// <summary>The gateway side of <see cref="IOrderDecisions"/>: routes each event to its account's grain.</summary>
internal sealed class OrderDecisions(IGrainFactory grains) : IOrderDecisions
{
    public Task<Decision> DecideAsync(AccountEvent accountEvent, CancellationToken cancellationToken = default)
    {
        var line = Encode(accountEvent, nameof(accountEvent));
        return grains.GetGrain<IAccountDetectionGrain>(accountEvent.Account).DecideAsync(line).WaitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Decision>> IngestAsync(IReadOnlyList<AccountEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        var byAccount = new Dictionary<string, (List<int> Positions, List<byte[]> Lines)>(StringComparer.Ordinal);
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            var line = Encode(e, $"{nameof(events)}[{i}]");
            if (!byAccount.TryGetValue(e.Account, out var batch))
            {
                batch = ([], []);
                byAccount.Add(e.Account, batch);
            }

            batch.Positions.Add(i);
            batch.Lines.Add(line);
        }

        var calls = byAccount.Select(async pair =>
        {
            var decisions = await grains.GetGrain<IAccountDetectionGrain>(pair.Key).DecideManyAsync([.. pair.Value.Lines]).ConfigureAwait(false);
            return (pair.Value.Positions, decisions);
        }).ToList();

        var results = new Decision[events.Count];
        foreach (var (positions, decisions) in await Task.WhenAll(calls).WaitAsync(cancellationToken).ConfigureAwait(false))
        {
            for (var k = 0; k < positions.Count; k++)
            {
                results[positions[k]] = decisions[k];
            }
        }

        return results;
    }

    private static byte[] Encode(AccountEvent accountEvent, string name)
    {
        ArgumentNullException.ThrowIfNull(accountEvent, name);
        if (string.IsNullOrEmpty(accountEvent.Account))
        {
            throw new ArgumentException($"event {accountEvent.Id} has no account", name);
        }

        return EventLines.Encode(accountEvent);
    }
}
