using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TakeoverRules.Detection;

[InlineArray(DuplicateMemory.InlineCapacity)]
internal struct InlineIdHashes
{
    private ulong _element;
}

[InlineArray(DuplicateMemory.InlineCapacity)]
internal struct InlineIdTimes
{
    private long _element;
}

/// <summary>
/// The event ids an account has applied, for recognising redeliveries: every id whose event time is within the
/// duplicate window of the account's latest event, and the newest few whatever their age, at most a cap. Ids are 64-bit
/// hashes in arrival order in a ring; a forgotten slot is cleared to 0 (never a hash), so a lookup scans the whole
/// buffer without knowing where the ring starts. The first <see cref="InlineCapacity"/> live inside the account's state
/// (no extra object, no extra cache miss per event); a busier account grows arrays, doubling up to the cap, and keeps
/// them, so the steady state allocates nothing. Not thread-safe.
/// </summary>
internal struct DuplicateMemory
{
    public const int InlineCapacity = 16;

    private InlineIdHashes _inlineHashes;
    private InlineIdTimes _inlineTimes;
    private ulong[]? _hashes;
    private long[]? _times;
    private int _start;

    /// <summary>How many ids are remembered.</summary>
    public int Count { get; private set; }

    private Span<ulong> Hashes => _hashes ?? MemoryMarshal.CreateSpan(ref _inlineHashes[0], InlineCapacity);

    private Span<long> Times => _times ?? MemoryMarshal.CreateSpan(ref _inlineTimes[0], InlineCapacity);

    public bool Contains(ulong idHash) => Hashes.Contains(idHash);

    /// <summary>
    /// Forgets the ids dated before <paramref name="cutoff"/> except the newest <paramref name="keep"/> − 1, then
    /// remembers <paramref name="idHash"/> (dated <paramref name="time"/>), forgetting the oldest id if
    /// <paramref name="max"/> are already remembered.
    /// </summary>
    public void Add(ulong idHash, long time, long cutoff, int keep, int max)
    {
        Forget(cutoff, keep - 1);
        if (Count == max)
        {
            DropOldest();
        }
        else if (Count == Hashes.Length)
        {
            Grow(Math.Min(max, Count * 2));
        }

        var at = (_start + Count) % Hashes.Length;
        Hashes[at] = idHash;
        Times[at] = time;
        Count++;
    }

    /// <summary>The <paramref name="index"/>-th oldest id and its event time.</summary>
    public readonly (ulong Hash, long Time) this[int index]
    {
        get
        {
            var capacity = _hashes?.Length ?? InlineCapacity;
            var at = (_start + index) % capacity;
            return _hashes is null ? (_inlineHashes[at], _inlineTimes[at]) : (_hashes[at], _times![at]);
        }
    }

    private void Forget(long cutoff, int keep)
    {
        while (Count > keep && Times[_start] < cutoff)
        {
            DropOldest();
        }
    }

    private void DropOldest()
    {
        Hashes[_start] = 0;
        Times[_start] = 0;
        _start = (_start + 1) % Hashes.Length;
        Count--;
    }

    private void Grow(int capacity)
    {
        var hashes = new ulong[capacity];
        var times = new long[capacity];
        for (var i = 0; i < Count; i++)
        {
            (hashes[i], times[i]) = this[i];
        }

        _hashes = hashes;
        _times = times;
        _start = 0;
    }
}
