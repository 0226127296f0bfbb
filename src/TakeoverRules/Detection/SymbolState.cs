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

    /// <summary>A window holding <paramref name="buys"/> (at most <see cref="DetectorOptions.SymbolWindowCapacity"/>); <see langword="null"/> for none.</summary>
    public static SymbolState? From(IReadOnlyList<RiskyBuy> buys)
    {
        if (buys.Count == 0)
        {
            return null;
        }

        var state = new SymbolState();
        foreach (var buy in buys)
        {
            state.Add(buy.AccountKey, buy.Time.UtcTicks, buy.EventId);
        }

        return state;
    }

    /// <summary>The buys in the window, oldest slot first.</summary>
    public RiskyBuy[] ToBuys()
    {
        var buys = new List<RiskyBuy>(Accounts.Length);
        for (var k = 0; k < Accounts.Length; k++)
        {
            var i = (Next + k) % Accounts.Length;
            if (Accounts[i] != 0 && EventIds[i] is { } id)
            {
                buys.Add(new RiskyBuy(Accounts[i], new DateTimeOffset(Times[i], TimeSpan.Zero), id));
            }
        }

        return [.. buys];
    }

    /// <summary>Whether the window already holds this account's buy with this event id.</summary>
    public bool Contains(ulong account, string eventId)
    {
        for (var i = 0; i < Accounts.Length; i++)
        {
            if (Accounts[i] == account && string.Equals(EventIds[i], eventId, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
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
