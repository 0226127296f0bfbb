namespace TakeoverRules.Cli.Commands;

/// <summary>
/// The orders <c>takeover scan</c> has written a decision line for, by account and id, so that a redelivery gets no
/// second line however late it comes (the detector itself remembers ids only for
/// <see cref="TakeoverRules.Detection.DetectorOptions.DuplicateWindowMinutes"/> of event time, after which a redelivered order would be
/// rejected as too late and, being an order, written again). Keys are 64-bit hashes (a collision among a few million
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

    // 64-bit FNV-1a over the account's length, the account and the id (the length keeps "a"+"bc" apart from "ab"+"c"),
    // with a final avalanche so that similar short ids spread over all bits. Used within one process only.
    private static ulong Key(string account, string id)
    {
        var hash = Mix(14695981039346656037UL, (char)account.Length);
        hash = Mix(hash, (char)(account.Length >> 16));
        foreach (var c in account)
        {
            hash = Mix(hash, c);
        }

        foreach (var c in id)
        {
            hash = Mix(hash, c);
        }

        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdUL;
        return hash ^ (hash >> 33);
    }

    private static ulong Mix(ulong hash, char c) => (hash ^ c) * 1099511628211UL;
}
