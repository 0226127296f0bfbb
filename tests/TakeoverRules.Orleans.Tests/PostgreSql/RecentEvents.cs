using TakeoverRules.Detection;

namespace TakeoverRules.Orleans.Tests.PostgreSql;

/// <summary>
/// What a gateway host keeps to replay after a silo failure: each account's last <c>DuplicateWindow</c> events sent.
/// That covers every event a dead silo can have left unpersisted (at most <c>MaxUnpersistedEvents</c>, which is below
/// the window), and none older than the window, so every replayed event that storage already holds is a duplicate.
/// </summary>
internal sealed class RecentEvents(int duplicateWindow)
{
    private readonly Dictionary<string, Queue<(int Position, AccountEvent Event)>> _byAccount = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    /// <summary>Records events sent; <paramref name="position"/> is the first one's position in the whole stream.</summary>
    public void Sent(IEnumerable<AccountEvent> events, int position)
    {
        foreach (var e in events)
        {
            if (!_byAccount.TryGetValue(e.Account, out var recent))
            {
                _byAccount.Add(e.Account, recent = new Queue<(int, AccountEvent)>(duplicateWindow));
                _order.Add(e.Account);
            }

            if (recent.Count == duplicateWindow)
            {
                recent.Dequeue();
            }

            recent.Enqueue((position++, e));
        }
    }

    /// <summary>Every account's recent events with their stream positions, oldest first within each account.</summary>
    public IReadOnlyList<(int Position, AccountEvent Event)> Tail() => [.. _order.SelectMany(a => _byAccount[a])];
}
