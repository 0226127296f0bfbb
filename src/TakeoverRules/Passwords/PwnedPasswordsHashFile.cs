using System.Globalization;
using Microsoft.Win32.SafeHandles;

namespace TakeoverRules.Passwords;

/// <summary>
/// Checks passwords offline against a local Pwned Passwords SHA-1 file sorted by hash (the "ordered by hash" download,
/// or the output of <c>haveibeenpwned-downloader</c>): one <c>HASH:COUNT</c> or <c>HASH</c> line per entry, LF or CRLF,
/// hex in either case. Each lookup is a binary search over byte offsets that reads about 25 lines of a few dozen bytes
/// each, so the file (tens of GB) is never loaded into memory. Thread-safe; dispose to close the file.
/// </summary>
public sealed class PwnedPasswordsHashFile : IBreachedPasswordChecker, IDisposable
{
    // A line is 40 hex digits, ':', a count of at most 18 digits and CRLF; longer means it is not this format.
    private const int MaxLineBytes = 64;

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
            var head = RandomAccess.Read(handle, probe[..(int)Math.Min(3, length)], 0);
            if (head == 3 && probe[0] == 0xEF && probe[1] == 0xBB && probe[2] == 0xBF) start = 3;
            var end = length;
            while (end > start)
            {
                RandomAccess.Read(handle, probe[..1], end - 1);
                if (probe[0] is not ((byte)'\n' or (byte)'\r' or (byte)' ' or (byte)'\t')) break;
                end--;
            }

            if (end <= start) throw new InvalidDataException($"{path}: the file has no hash lines.");

            var file = new PwnedPasswordsHashFile(path, handle, start, end);
            var first = file.ReadLine(start, probe, out var line, out _);
            if (first is { } problem) throw new InvalidDataException($"{path}: {problem}.");
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
        Span<byte> buffer = stackalloc byte[MaxLineBytes];
        try
        {
            // Invariant: lo is the start of a line, and the matching line, if any, starts in [lo, hi).
            var lo = _start;
            var hi = _end;
            while (lo < hi)
            {
                var mid = lo + ((hi - lo) / 2);
                var seek = NextLineStart(mid, lo, buffer, out var lineStart);
                if (seek is { } seekProblem) return Malformed(seekProblem);
                if (lineStart >= hi)
                {
                    hi = mid;
                    continue;
                }

                if (ReadLine(lineStart, buffer, out var line, out var next) is { } readProblem) return Malformed(readProblem);
                if (!TryParse(line, out var hashLength, out var count))
                {
                    return Malformed($"byte offset {lineStart.ToString(CultureInfo.InvariantCulture)}: not HASH or HASH:COUNT with a 40-hex-digit SHA-1");
                }

                var order = PwnedPasswordHash.CompareHex(hex, line[..hashLength]);
                if (order == 0) return count == 0 ? BreachCheckResult.NotFound : BreachCheckResult.Found(count);
                if (order < 0) hi = lineStart;
                else lo = next;
            }

            return BreachCheckResult.NotFound;
        }
        catch (IOException ex)
        {
            return BreachCheckResult.Unavailable(BreachCheckFailure.FileError, ex.GetType().Name + " reading " + Path);
        }
    }

    private static BreachCheckResult Malformed(string detail) => BreachCheckResult.Unavailable(BreachCheckFailure.MalformedData, detail);

    /// <summary>The first line start at or after <paramref name="offset"/> (which is past <paramref name="lineStartBefore"/>, a known line start).</summary>
    private string? NextLineStart(long offset, long lineStartBefore, Span<byte> buffer, out long lineStart)
    {
        lineStart = offset;
        if (offset == lineStartBefore) return null;

        // Read from the byte before the offset: if it is '\n', the offset itself starts a line.
        var from = offset - 1;
        var read = RandomAccess.Read(_handle, buffer[..(int)Math.Min(buffer.Length, _end - from)], from);
        var newline = buffer[..read].IndexOf((byte)'\n');
        if (newline >= 0)
        {
            lineStart = from + newline + 1;
            return null;
        }

        if (from + read >= _end)
        {
            lineStart = _end;
            return null;
        }

        return $"byte offset {from.ToString(CultureInfo.InvariantCulture)}: no line break within {MaxLineBytes.ToString(CultureInfo.InvariantCulture)} bytes";
    }

    private string? ReadLine(long lineStart, Span<byte> buffer, out ReadOnlySpan<byte> line, out long next)
    {
        var read = RandomAccess.Read(_handle, buffer[..(int)Math.Min(buffer.Length, _end - lineStart)], lineStart);
        var window = buffer[..read];
        var newline = window.IndexOf((byte)'\n');
        if (newline < 0 && lineStart + read < _end)
        {
            line = default;
            next = lineStart;
            return $"byte offset {lineStart.ToString(CultureInfo.InvariantCulture)}: line longer than {MaxLineBytes.ToString(CultureInfo.InvariantCulture)} bytes";
        }

        var length = newline < 0 ? read : newline;
        next = newline < 0 ? _end : lineStart + newline + 1;
        line = window[..length];
        if (!line.IsEmpty && line[^1] == (byte)'\r') line = line[..^1];
        return null;
    }

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
