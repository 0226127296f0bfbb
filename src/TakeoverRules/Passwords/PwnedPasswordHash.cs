using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace TakeoverRules.Passwords;

/// <summary>The SHA-1 of a password as Pwned Passwords keys it: upper-case hex of the UTF-8 bytes of the NFKC form.</summary>
internal static class PwnedPasswordHash
{
    public const int HexLength = 40;
    public const int PrefixLength = 5;

    /// <summary>Writes the 40 upper-case hex digits of the password's SHA-1 into <paramref name="hex"/> (ASCII bytes).</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5350", Justification = "Pwned Passwords is keyed by SHA-1; it is a lookup key here, not password storage.")]
    public static void ComputeHex(string password, Span<byte> hex)
    {
        var normalized = PolicyText.Normalize(password, out _);
        var maxBytes = Encoding.UTF8.GetMaxByteCount(normalized.Length);
        var rented = ArrayPool<byte>.Shared.Rent(maxBytes);
        try
        {
            var length = Encoding.UTF8.GetBytes(normalized, rented);
            Span<byte> digest = stackalloc byte[SHA1.HashSizeInBytes];
            SHA1.HashData(rented.AsSpan(0, length), digest);
            for (var i = 0; i < digest.Length; i++)
            {
                hex[2 * i] = HexDigit(digest[i] >> 4);
                hex[(2 * i) + 1] = HexDigit(digest[i] & 0xF);
            }
        }
        finally
        {
            // The rented buffer held the password's bytes; clear it before another caller rents it.
            ArrayPool<byte>.Shared.Return(rented, clearArray: true);
        }
    }

    /// <summary>Compares two hex digits ignoring ASCII case; returns the order of <paramref name="a"/> against <paramref name="b"/>.</summary>
    public static int CompareHex(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        for (var i = 0; i < a.Length && i < b.Length; i++)
        {
            var x = Upper(a[i]);
            var y = Upper(b[i]);
            if (x != y) return x < y ? -1 : 1;
        }

        return a.Length.CompareTo(b.Length);
    }

    public static bool IsHex(ReadOnlySpan<byte> value)
    {
        foreach (var b in value)
        {
            if (!char.IsAsciiHexDigit((char)b)) return false;
        }

        return true;
    }

    /// <summary>Parses an ASCII decimal count; false when empty, not digits or beyond <see cref="long.MaxValue"/>.</summary>
    public static bool TryParseCount(ReadOnlySpan<byte> digits, out long count)
    {
        count = 0;
        if (digits.IsEmpty || digits.Length > 18) return false;
        foreach (var b in digits)
        {
            if (b is < (byte)'0' or > (byte)'9') return false;
            count = (count * 10) + (b - '0');
        }

        return true;
    }

    private static byte Upper(byte b) => b is >= (byte)'a' and <= (byte)'z' ? (byte)(b - 32) : b;

    private static byte HexDigit(int value) => (byte)(value < 10 ? '0' + value : 'A' + value - 10);
}
