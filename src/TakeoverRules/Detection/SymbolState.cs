namespace TakeoverRules.Detection;

/// <summary>
/// The cross-account stage's memory of one symbol: the most recent buys of it by risky accounts (account hash,
/// event time, event id), in a ring of <see cref="DetectorOptions.SymbolWindowCapacity"/>. Not thread-safe.
/// </summary>
internal sealed class SymbolState
{
    public readonly ulong[] Accounts = new ulong[DetectorOptions.SymbolWindowCapacity];
    public readonly long[] Times = new long[DetectorOptions.SymbolWindowCapacity];
    public readonly string?[] EventIds = new string?[DetectorOptions.SymbolWindowCapacity];
    public int Next;

    public void Add(ulong account, long time, string eventId)
    {
        Accounts[Next] = account;
        Times[Next] = time;
        EventIds[Next] = eventId;
        Next = (Next + 1) % Accounts.Length;
    }

    /// <summary>Distinct risky accounts other than <paramref name="except"/> that bought since <paramref name="since"/>.</summary>
    public int DistinctAccounts(long since, long until, ulong except, out long earliest)
    {
        var count = 0;
        earliest = long.MaxValue;
        for (var i = 0; i < Accounts.Length; i++)
        {
            var account = Accounts[i];
            if (account == 0 || account == except || Times[i] < since || Times[i] > until)
            {
                continue;
            }

            var first = true;
            for (var j = 0; j < i; j++)
            {
                if (Accounts[j] == account && Times[j] >= since && Times[j] <= until)
                {
                    first = false;
                    break;
                }
            }

            if (first)
            {
                count++;
            }

            earliest = Math.Min(earliest, Times[i]);
        }

        return count;
    }

    /// <summary>The event ids of the buys counted by <see cref="DistinctAccounts"/>, oldest first.</summary>
    public string[] Evidence(long since, long until, ulong except, string current)
    {
        var ids = new List<(long Time, string Id)>();
        for (var i = 0; i < Accounts.Length; i++)
        {
            if (Accounts[i] != 0 && Accounts[i] != except && Times[i] >= since && Times[i] <= until && EventIds[i] is { } id)
            {
                ids.Add((Times[i], id));
            }
        }

        ids.Sort((a, b) => a.Time != b.Time ? a.Time.CompareTo(b.Time) : string.CompareOrdinal(a.Id, b.Id));
        return [.. ids.Select(x => x.Id), current];
    }
}
