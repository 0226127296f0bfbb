using System.Buffers;
using System.Text;

namespace TakeoverRules.Detection.Format;

/// <summary>
/// Strings that recur from event to event (symbols, countries, networks, currencies), looked up by their UTF-8 bytes
/// so that a value seen before is returned as the same string without allocating. Fewer fresh strings per event means
/// fewer garbage collections, and the detector's long-lived state then refers to long-lived strings. Bounded: when
/// <see cref="Capacity"/> values are held it starts over, so memory does not grow with the input. Only short ASCII
/// values are interned; others are left to the caller. Not thread-safe.
/// </summary>
internal sealed class InternTable
{
    /// <summary>Longest value interned, in bytes; ids and codes are far shorter.</summary>
    public const int MaxLength = 64;

    private readonly HashSet<string> _strings = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public InternTable(int capacity)
    {
        Capacity = capacity;
        _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>How many values the table holds before it starts over.</summary>
    public int Capacity { get; }

    /// <summary>The string of <paramref name="utf8"/>, from the table or added to it; <see langword="null"/> when the value is not interned (too long or not ASCII).</summary>
    public string? Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxLength)
        {
            return null;
        }

        Span<char> buffer = stackalloc char[MaxLength];
        if (Ascii.ToUtf16(utf8, buffer, out var length) != OperationStatus.Done)
        {
            return null;
        }

        var chars = buffer[..length];
        if (_lookup.TryGetValue(chars, out var known))
        {
            return known;
        }

        if (_strings.Count >= Capacity)
        {
            _strings.Clear();
        }

        var value = new string(chars);
        _strings.Add(value);
        return value;
    }
}
