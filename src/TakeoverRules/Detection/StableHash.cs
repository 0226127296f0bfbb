namespace TakeoverRules.Detection;

/// <summary>
/// A 64-bit FNV-1a hash of UTF-16 text that is the same in every process (unlike <see cref="string.GetHashCode()"/>),
/// so hashed ids and fingerprints can be stored in snapshots. Never returns 0, which marks an empty slot.
/// </summary>
internal static class StableHash
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    public static ulong Of(ReadOnlySpan<char> text)
    {
        var hash = Offset;
        foreach (var c in text)
        {
            hash = (hash ^ c) * Prime;
        }

        // Final avalanche so that short, similar ids spread over all bits.
        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdUL;
        hash ^= hash >> 33;
        return hash == 0 ? 1 : hash;
    }

    public static ulong Of(string? text) => text is null ? 0 : Of(text.AsSpan());

    /// <summary>A 32-bit fingerprint for the learned-value slots, where a rare collision only makes a value look familiar.</summary>
    public static uint Fingerprint(ReadOnlySpan<char> text) => Fold(Of(text));

    public static uint Fingerprint(string text) => Fold(Of(text.AsSpan()));

    private static uint Fold(ulong hash)
    {
        var folded = (uint)(hash ^ (hash >> 32));
        return folded == 0 ? 1 : folded;
    }

    /// <summary>The network block of an address: the first three octets of IPv4, the first three groups (/48) of IPv6.</summary>
    public static uint OfAddressBlock(string ip)
    {
        var span = ip.AsSpan();
        var separator = span.Contains(':') ? ':' : '.';
        var seen = 0;
        for (var i = 0; i < span.Length; i++)
        {
            if (span[i] == separator && ++seen == 3)
            {
                return Fingerprint(span[..i]);
            }
        }

        return Fingerprint(span);
    }
}
