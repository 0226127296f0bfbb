using System.Collections.Frozen;

namespace TakeoverRules.Links;

/// <summary>
/// The Public Suffix List (embedded, see <c>Data/make-link-data.py</c>): finds where the registrable domain of an
/// ASCII, lower-case host starts. Lookups take spans and allocate nothing. Immutable and thread-safe.
/// </summary>
internal sealed class PublicSuffixList
{
    [Flags]
    private enum Rule : byte
    {
        None = 0,
        Exact = 1,
        WildcardParent = 2,
        Exception = 4,
    }

    private const string ResourceName = "TakeoverRules.Links.Data.public-suffixes.txt";

    private static readonly Lazy<PublicSuffixList> EmbeddedList = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FrozenDictionary<string, Rule>.AlternateLookup<ReadOnlySpan<char>> _rules;

    private PublicSuffixList(FrozenDictionary<string, Rule> rules) => _rules = rules.GetAlternateLookup<ReadOnlySpan<char>>();

    public static PublicSuffixList Embedded => EmbeddedList.Value;

    /// <summary>Whether <paramref name="name"/> is exactly a rule (for example <c>jp</c>, <c>co.jp</c>); used to accept a bare domain in text.</summary>
    public bool IsTopLevelDomain(ReadOnlySpan<char> name) => _rules.TryGetValue(name, out var rule) && (rule & Rule.Exact) != 0;

    /// <summary>
    /// Returns the index in <paramref name="host"/> where the public suffix starts, or -1 when the host is itself a
    /// public suffix (no registrable domain). The registrable domain is the label before that index.
    /// </summary>
    public int SuffixStart(ReadOnlySpan<char> host)
    {
        var suffixStart = -1;
        var start = host.Length;
        var previousStart = host.Length;
        while (start > 0)
        {
            var dot = host[..(start - 1)].LastIndexOf('.');
            var labelStart = dot + 1;
            var candidate = host[labelStart..];
            _rules.TryGetValue(candidate, out var rule);
            if ((rule & Rule.Exception) != 0)
            {
                // "!city.kawasaki.jp": the suffix is the candidate minus its first label.
                return previousStart < host.Length ? previousStart : -1;
            }

            if ((rule & Rule.Exact) != 0) suffixStart = labelStart;
            else if (previousStart < host.Length && IsWildcardParent(host[previousStart..])) suffixStart = labelStart;
            else if (suffixStart == -1 && labelStart + candidate.Length == host.Length) suffixStart = labelStart; // the default rule "*"

            previousStart = labelStart;
            start = dot < 0 ? 0 : dot;
            if (dot < 0) break;
        }

        return suffixStart <= 0 ? -1 : suffixStart;
    }

    /// <summary>Returns the index where the registrable domain starts, or -1 when there is none.</summary>
    public int RegistrableStart(ReadOnlySpan<char> host) => RegistrableStart(host, out _);

    /// <summary>Returns the index where the registrable domain starts, or -1, and where the public suffix starts.</summary>
    public int RegistrableStart(ReadOnlySpan<char> host, out int suffix)
    {
        suffix = SuffixStart(host);
        if (suffix <= 1) return -1;
        var dot = host[..(suffix - 1)].LastIndexOf('.');
        return dot + 1;
    }

    private bool IsWildcardParent(ReadOnlySpan<char> parent) => _rules.TryGetValue(parent, out var rule) && (rule & Rule.WildcardParent) != 0;

    private static PublicSuffixList Load()
    {
        using var stream = typeof(PublicSuffixList).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
        using var reader = new StreamReader(stream);
        var rules = new Dictionary<string, Rule>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var (name, kind) = line switch
            {
                ['!', .. var rest] => (rest, Rule.Exception),
                ['*', '.', .. var rest] => (rest, Rule.WildcardParent),
                _ => (line, Rule.Exact),
            };
            rules[name] = rules.GetValueOrDefault(name) | kind;
        }

        return new PublicSuffixList(rules.ToFrozenDictionary(StringComparer.Ordinal));
    }
}
