using System.Globalization;
using Microsoft.Win32.SafeHandles;

namespace TakeoverRules.Passwords;

/// <summary>
/// Checks passwords offline against a local Pwned Passwords SHA-1 file sorted by hash (the "ordered by hash" download,
/// or the output of <c>haveibeenpwned-downloader</c>): one <c>HASH:COUNT</c> or <c>HASH</c> line per entry, LF or CRLF,
/// hex in either case. Each lookup is a binary search over byte offsets, one 128-byte read a step, ending with one
/// 4 KB read, so the file (tens of GB) is never loaded into memory. Thread-safe; dispose to close the file.
/// </summary>
public sealed class PwnedPasswordsHashFile : IBreachedPasswordChecker, IDisposable
{
    // A line is 40 hex digits, ':', a count of at most 18 digits and CRLF; longer means it is not this format.
    private const int MaxLineBytes = 64;

    // Below this many bytes the binary search stops and the remaining lines are read in one go.
    private const int ScanWindowBytes = 4096;

    private readonly SafeFileHandle _handle;
    private readonly long _start;
    private readonly long _end;

    private PwnedPasswordsHashFile(string path, SafeFileHandle handle, long start, long end)
    {
        Path = path;
        _handle = handle;
        _start = start;
        _end = end;
    }

    /// <summary>The file being searched.</summary>
    public string Path { get; }

    /// <summary>Opens a sorted hash file and checks that its first line has the expected format.</summary>
    /// <param name="path">The file.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is empty, or its first line is not a 40-hex-digit SHA-1 (an NTLM file has 32); the message names the file and the reason.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static PwnedPasswordsHashFile Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.RandomAccess);
        try
        {
            var length = RandomAccess.GetLength(handle);
            Span<byte> probe = stackalloc byte[MaxLineBytes];

            // Skip a UTF-8 byte-order mark and ignore trailing blank lines, so an edited file still searches cleanly.
            long start = 0;
            var bomLength = RandomAccess.Read(handle, probe[..(int)Math.Min(3, length)], 0);
            if (bomLength == 3 && probe[0] == 0xEF && probe[1] == 0xBB && probe[2] == 0xBF) start = 3;
            var end = length;
            while (end > start)
            {
                RandomAccess.Read(handle, probe[..1], end - 1);
                if (probe[0] is not ((byte)'\n' or (byte)'\r' or (byte)' ' or (byte)'\t')) break;
                end--;
            }

            if (end <= start) throw new InvalidDataException($"{path}: the file has no hash lines.");

            var file = new PwnedPasswordsHashFile(path, handle, start, end);
            var head = probe[..RandomAccess.Read(handle, probe[..(int)Math.Min(probe.Length, end - start)], start)];
            if (!file.TrySplitLine(head, start, out var line, out _)) throw new InvalidDataException($"{path}: line 1 is longer than {MaxLineBytes.ToString(CultureInfo.InvariantCulture)} bytes.");
            var hashLength = line.IndexOf((byte)':') is var colon and >= 0 ? colon : line.Length;
            if (!TryParse(line, out _, out _))
            {
                throw new InvalidDataException(hashLength == 32
                    ? $"{path}: line 1 has a 32-hex-digit hash; this is an NTLM file, and only SHA-1 files are supported."
                    : $"{path}: line 1 is not HASH or HASH:COUNT with a 40-hex-digit SHA-1.");
            }

            return file;
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>Checks one password (NFKC-normalised, then SHA-1).</summary>
    /// <param name="password">The password as typed.</param>
    /// <returns>Found with the file's count (or <see langword="null"/> for <c>HASH</c>-only lines), not found, or unavailable when the file cannot be read or a line is malformed.</returns>
    public BreachCheckResult Check(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        Span<byte> hex = stackalloc byte[PwnedPasswordHash.HexLength];
        PwnedPasswordHash.ComputeHex(password, hex);
        return CheckHash(hex);
    }

    /// <inheritdoc />
    public ValueTask<BreachCheckResult> CheckAsync(string password, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Check(password));
    }

    /// <summary>Closes the file.</summary>
    public void Dispose() => _handle.Dispose();

    /// <summary>Describes the checker by its file only.</summary>
    public override string ToString() => $"PwnedPasswordsHashFile ({Path})";

    /// <summary>Looks up 40 hex digits (either case). Internal so benchmarks and tests can probe hashes directly.</summary>
    internal BreachCheckResult CheckHash(ReadOnlySpan<byte> hex)
    {
        try
        {
            // Invariant: lo is the start of a line, and the matching line, if any, starts in [lo, hi).
            var lo = _start;
            var hi = _end;
            Span<byte> probe = stackalloc byte[2 * MaxLineBytes];
            while (hi - lo > ScanWindowBytes)
            {
                var mid = lo + ((hi - lo) / 2);

                // One read from the byte before mid finds the next line start and holds that whole line.
                var from = mid - 1;
                var window = probe[..RandomAccess.Read(_handle, probe[..(int)Math.Min(probe.Length, _end - from)], from)];
                var newline = window.IndexOf((byte)'\n');
                if (newline < 0 && from + window.Length >= _end)
                {
                    hi = mid;
                    continue;
                }

                if (newline is < 0 or >= MaxLineBytes)
                {
                    return Malformed($"byte offset {from.ToString(CultureInfo.InvariantCulture)}: no line break within {MaxLineBytes.ToString(CultureInfo.InvariantCulture)} bytes");
                }

                var lineStart = from + newline + 1;
                if (lineStart >= hi)
                {
                    hi = mid;
                    continue;
                }

                if (!TrySplitLine(window[(newline + 1)..], lineStart, out var line, out var next)) return LineTooLong(lineStart);
                if (Compare(hex, line, lineStart, out var order) is { } result) return result;
                if (order < 0) hi = lineStart;
                else lo = next;
            }

            return ScanWindow(hex, lo, hi);
        }
        catch (IOException ex)
        {
            return BreachCheckResult.Unavailable(BreachCheckFailure.FileError, ex.GetType().Name + " reading " + Path);
        }
    }

    /// <summary>Reads the few lines left in [lo, hi) at once and scans them in order.</summary>
    private BreachCheckResult ScanWindow(ReadOnlySpan<byte> hex, long lo, long hi)
    {
        // Lines starting before hi may end up to one line length after it.
        Span<byte> buffer = stackalloc byte[ScanWindowBytes + MaxLineBytes];
        var block = buffer[..RandomAccess.Read(_handle, buffer[..(int)Math.Min(buffer.Length, _end - lo)], lo)];
        var position = 0;
        while (lo + position < hi)
        {
            var lineStart = lo + position;
            if (!TrySplitLine(block[position..], lineStart, out var line, out var next)) return LineTooLong(lineStart);
            if (Compare(hex, line, lineStart, out var order) is { } result) return result;
            if (order < 0) break;
            position = (int)(next - lo);
        }

        return BreachCheckResult.NotFound;
    }

    /// <summary>Parses a line and compares it with the hash: a result to stop at (found or malformed), or null and the order to go on.</summary>
    private static BreachCheckResult? Compare(ReadOnlySpan<byte> hex, ReadOnlySpan<byte> line, long lineStart, out int order)
    {
        order = 0;
        if (!TryParse(line, out var hashLength, out var count))
        {
            return Malformed($"byte offset {lineStart.ToString(CultureInfo.InvariantCulture)}: not HASH or HASH:COUNT with a 40-hex-digit SHA-1");
        }

        order = PwnedPasswordHash.CompareHex(hex, line[..hashLength]);
        if (order != 0) return null;
        return count == 0 ? BreachCheckResult.NotFound : BreachCheckResult.Found(count);
    }

    /// <summary>Cuts the line that starts <paramref name="span"/>; false when no line break follows within a line's length and the file goes on.</summary>
    private bool TrySplitLine(ReadOnlySpan<byte> span, long lineStart, out ReadOnlySpan<byte> line, out long next)
    {
        var newline = span.IndexOf((byte)'\n');
        var atEnd = lineStart + span.Length >= _end;
        if (newline >= MaxLineBytes || (newline < 0 && (!atEnd || span.Length >= MaxLineBytes)))
        {
            line = default;
            next = lineStart;
            return false;
        }

        line = newline < 0 ? span : span[..newline];
        next = newline < 0 ? _end : lineStart + newline + 1;
        if (!line.IsEmpty && line[^1] == (byte)'\r') line = line[..^1];
        return true;
    }

    private static BreachCheckResult LineTooLong(long lineStart) => Malformed(
        $"byte offset {lineStart.ToString(CultureInfo.InvariantCulture)}: line longer than {MaxLineBytes.ToString(CultureInfo.InvariantCulture)} bytes");

    private static BreachCheckResult Malformed(string detail) => BreachCheckResult.Unavailable(BreachCheckFailure.MalformedData, detail);

    private static bool TryParse(ReadOnlySpan<byte> line, out int hashLength, out long? count)
    {
        hashLength = PwnedPasswordHash.HexLength;
        count = null;
        if (line.Length < PwnedPasswordHash.HexLength || !PwnedPasswordHash.IsHex(line[..PwnedPasswordHash.HexLength])) return false;
        if (line.Length == PwnedPasswordHash.HexLength) return true;
        if (line[PwnedPasswordHash.HexLength] != (byte)':' || !PwnedPasswordHash.TryParseCount(line[(PwnedPasswordHash.HexLength + 1)..], out var parsed)) return false;
        count = parsed;
        return true;
    }
}
