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

    /// <summary>Reads a UTF-8 text file with one entry per line (LF or CRLF); blank lines and lines starting with <c>#</c> are skipped.</summary>
    /// <param name="path">The file.</param>
    /// <exception cref="InvalidDataException">A line is longer than <see cref="MaximumEntryLength"/>; the message gives the file and line number.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static PasswordBlocklist FromFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var set = new HashSet<string>(StringComparer.Ordinal);
        using var reader = new StreamReader(path, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length > MaximumEntryLength)
            {
                throw new InvalidDataException(
                    $"{path}:{lineNumber.ToString(CultureInfo.InvariantCulture)}: line is {line.Length.ToString(CultureInfo.InvariantCulture)} characters long; at most {MaximumEntryLength.ToString(CultureInfo.InvariantCulture)} are allowed.");
            }

            if (line.StartsWith('#')) continue;
            AddEntry(set, line);
        }

        return new PasswordBlocklist(set.ToFrozenSet(StringComparer.Ordinal));
    }

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
