using TakeoverRules.Detection;

namespace TakeoverRules.Cli.Commands;

/// <summary>
/// The orders <c>takeover scan</c> has written a decision line for, by account and id, so that a redelivery gets no
/// second line however late it comes (the detector itself remembers ids only for
/// <see cref="TakeoverRules.Detection.DetectorOptions.DuplicateWindowMinutes"/> of event time, after which a redelivered order would be
/// rejected as too late and, being an order, written again). Keys are 64-bit hashes of the account and the id (a collision among a few million
/// orders has odds of about one in a million million). Memory is bounded: two generations of at most
/// <see cref="GenerationSize"/> keys each, the older dropped when the newer fills, so the last
/// <see cref="GenerationSize"/> to twice that many orders are remembered, about 25 bytes each; the sets are reused, so a
/// long scan stops allocating once both are full. Not thread-safe.
/// </summary>
internal sealed class WrittenOrderIds(int generationSize = WrittenOrderIds.GenerationSize)
{
    /// <summary>Keys per generation: about a million, so both take at most about 50 MB.</summary>
    public const int GenerationSize = 1 << 20;

    private HashSet<ulong> _current = [];
    private HashSet<ulong> _previous = [];

    public bool Contains(string account, string id)
    {
        var key = Key(account, id);
        return _current.Contains(key) || _previous.Contains(key);
    }

    public void Add(string account, string id)
    {
        if (_current.Count == generationSize)
        {
            (_previous, _current) = (_current, _previous);
            _current.Clear();
        }

        _current.Add(Key(account, id));
    }

    // The detector's own stable id hash (StableHash: FNV-1a with a final avalanche) of the account and of the id,
    // combined so that ("a", "bc") and ("ab", "c") stay apart: multiplying by an odd constant is a bijection.
    private static ulong Key(string account, string id) => (StableHash.Of(account) * 0x9E3779B97F4A7C15UL) ^ StableHash.Of(id);
}
