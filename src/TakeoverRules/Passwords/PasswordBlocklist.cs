using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace TakeoverRules.Passwords;

/// <summary>
/// An in-memory <see cref="IPasswordBlocklist"/> built from the caller's entries (for example the top of a leak list or
/// the service's own banned words). Entries are NFKC-normalised and lower-cased. Immutable and thread-safe.
/// </summary>
public sealed class PasswordBlocklist : IPasswordBlocklist
{
    /// <summary>The longest entry accepted, in UTF-16 code units.</summary>
    public const int MaximumEntryLength = 1024;

    private readonly FrozenSet<string> _entries;

    private PasswordBlocklist(FrozenSet<string> entries) => _entries = entries;

    /// <summary>A blocklist with no entries.</summary>
    public static PasswordBlocklist Empty { get; } = new(FrozenSet<string>.Empty);

    /// <summary>
    /// The common passwords embedded with the estimator (49,233 from the Xato corpus via zxcvbn-ts, frequency ordered;
    /// see THIRD-PARTY-NOTICES.md), optionally only the most common <paramref name="maxRank"/> of them.
    /// </summary>
    /// <param name="maxRank">Keep ranks 1 to this value; <see langword="null"/> for the whole list. OWASP ASVS 5.0 (6.2.4) asks for at least the top 3,000.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxRank"/> is less than 1.</exception>
    public static IPasswordBlocklist CommonPasswords(int? maxRank = null)
    {
        if (maxRank is < 1) throw new ArgumentOutOfRangeException(nameof(maxRank), maxRank, "The rank limit must be at least 1.");
        return new CommonPasswordBlocklist(maxRank ?? int.MaxValue);
    }

    /// <summary>A blocklist that contains a password when any of <paramref name="blocklists"/> does.</summary>
    /// <param name="blocklists">The lists to consult, in order.</param>
    public static IPasswordBlocklist Combine(params IEnumerable<IPasswordBlocklist> blocklists)
    {
        ArgumentNullException.ThrowIfNull(blocklists);
        var lists = blocklists.Where(b => b is not null && !ReferenceEquals(b, Empty)).ToArray();
        return lists.Length switch
        {
            0 => Empty,
            1 => lists[0],
            _ => new CombinedBlocklist(lists),
        };
    }

    /// <summary>How many distinct entries the list holds.</summary>
    public int Count => _entries.Count;

    /// <summary>Builds a blocklist from entries; blank entries are skipped.</summary>
    /// <param name="entries">The passwords to refuse.</param>
    /// <exception cref="ArgumentException">An entry is longer than <see cref="MaximumEntryLength"/>; the message gives its index.</exception>
    public static PasswordBlocklist From(IEnumerable<string> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var set = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var entry in entries)
        {
            if (entry is not null && entry.Length > MaximumEntryLength)
            {
                throw new ArgumentException(
                    $"Blocklist entry {index.ToString(CultureInfo.InvariantCulture)} is {entry.Length.ToString(CultureInfo.InvariantCulture)} characters long; at most {MaximumEntryLength.ToString(CultureInfo.InvariantCulture)} are allowed.",
                    nameof(entries));
            }

            AddEntry(set, entry);
            index++;
        }

        return new PasswordBlocklist(set.ToFrozenSet(StringComparer.Ordinal));
    }

    /// <summary>The largest file <see cref="FromFile"/> reads (256 MiB, about 20 million entries), so a wrong path such as a device cannot exhaust memory.</summary>
    public const long MaximumFileBytes = 256L * 1024 * 1024;

    /// <summary>
    /// Reads a UTF-8 text file with one entry per line (LF or CRLF); blank lines and lines starting with <c>#</c> are
    /// skipped. The file is read strictly: bytes that are not UTF-8, NUL or other control characters (binary data), a
    /// line longer than <see cref="MaximumEntryLength"/> or a file beyond <see cref="MaximumFileBytes"/> are refused
    /// with the file, the line and the reason, never loaded as entries. Reading stops at the first problem, so an
    /// endless source such as <c>/dev/zero</c> ends at once.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <exception cref="InvalidDataException">The file is not a text list as described; the message gives the file, line number and reason.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static PasswordBlocklist FromFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (Directory.Exists(path)) throw new IOException($"{path}: is a directory, not a blocklist file.");
        var set = new HashSet<string>(StringComparer.Ordinal);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);

        // The longest line accepted in bytes: MaximumEntryLength characters of at most 4 UTF-8 bytes, and a CR.
        var buffer = new byte[64 * 1024];
        var filled = 0;
        var total = 0L;
        var lineNumber = 0;
        while (true)
        {
            var read = stream.Read(buffer, filled, buffer.Length - filled);
            total += read;
            if (total > MaximumFileBytes)
            {
                throw Invalid(path, lineNumber + 1, $"the file is larger than {MaximumFileBytes.ToString(CultureInfo.InvariantCulture)} bytes");
            }

            filled += read;
            var lines = buffer.AsSpan(0, filled);
            var consumed = 0;
            while (lines[consumed..].IndexOf((byte)'\n') is var end and >= 0)
            {
                AddLine(set, path, ++lineNumber, lines.Slice(consumed, end));
                consumed += end + 1;
            }

            var rest = filled - consumed;
            if (read == 0)
            {
                if (rest > 0) AddLine(set, path, ++lineNumber, lines.Slice(consumed, rest));
                break;
            }

            if (rest > (4 * MaximumEntryLength) + 1)
            {
                RefuseBinary(path, lineNumber + 1, lines.Slice(consumed, rest));
                throw Invalid(path, lineNumber + 1, $"line is longer than {MaximumEntryLength.ToString(CultureInfo.InvariantCulture)} characters");
            }

            buffer.AsSpan(consumed, rest).CopyTo(buffer);
            filled = rest;
        }

        return new PasswordBlocklist(set.ToFrozenSet(StringComparer.Ordinal));
    }

    private static void AddLine(HashSet<string> set, string path, int lineNumber, ReadOnlySpan<byte> bytes)
    {
        if (lineNumber == 1 && bytes.StartsWith("\uFEFF"u8)) bytes = bytes[3..];
        if (bytes is [.., (byte)'\r']) bytes = bytes[..^1];
        if (!System.Text.Unicode.Utf8.IsValid(bytes))
        {
            throw Invalid(path, lineNumber, $"not valid UTF-8 (first bad byte at column {(PasswordNormalization.FirstInvalidUtf8Byte(bytes) + 1).ToString(CultureInfo.InvariantCulture)})");
        }

        RefuseBinary(path, lineNumber, bytes);
        var line = Encoding.UTF8.GetString(bytes);
        if (line.Length > MaximumEntryLength)
        {
            throw Invalid(path, lineNumber, $"line is {line.Length.ToString(CultureInfo.InvariantCulture)} characters long; at most {MaximumEntryLength.ToString(CultureInfo.InvariantCulture)} are allowed");
        }

        if (!line.StartsWith('#')) AddEntry(set, line);
    }

    // Tab is the one control character a hand-edited list may hold; NUL, DEL and the rest mean binary data.
    private static void RefuseBinary(string path, int lineNumber, ReadOnlySpan<byte> bytes)
    {
        for (var column = 0; column < bytes.Length; column++)
        {
            if (bytes[column] is (< 0x20 and not (byte)'\t') or 0x7F)
            {
                throw Invalid(path, lineNumber, $"binary data (control byte 0x{bytes[column].ToString("X2", CultureInfo.InvariantCulture)} at column {(column + 1).ToString(CultureInfo.InvariantCulture)}); expected a UTF-8 text list");
            }
        }
    }

    private static InvalidDataException Invalid(string path, int lineNumber, string reason) =>
        new($"{path}:{lineNumber.ToString(CultureInfo.InvariantCulture)}: {reason}.");

    /// <inheritdoc />
    public bool Contains(string foldedPassword) => foldedPassword is not null && _entries.Contains(foldedPassword);

    /// <summary>Describes the list by size only.</summary>
    public override string ToString() => $"PasswordBlocklist ({Count.ToString(CultureInfo.InvariantCulture)} entries)";

    private static void AddEntry(HashSet<string> set, string? entry)
    {
        if (string.IsNullOrWhiteSpace(entry)) return;
        set.Add(PolicyText.Fold(PolicyText.Normalize(entry.Trim(), out _)));
    }

    private sealed class CommonPasswordBlocklist(int maxRank) : IPasswordBlocklist
    {
        public bool Contains(string foldedPassword) =>
            foldedPassword is not null
            && PasswordStrengthEstimator.TryGetCommonPasswordRank(foldedPassword, out var rank)
            && rank <= maxRank;

        public override string ToString() =>
            maxRank == int.MaxValue ? "Common passwords" : $"Common passwords (top {maxRank.ToString(CultureInfo.InvariantCulture)})";
    }

    private sealed class CombinedBlocklist(IPasswordBlocklist[] lists) : IPasswordBlocklist
    {
        public bool Contains(string foldedPassword) => Array.Exists(lists, list => list.Contains(foldedPassword));

        public override string ToString() => string.Join(" + ", lists.Select(l => l.ToString()));
    }
}
