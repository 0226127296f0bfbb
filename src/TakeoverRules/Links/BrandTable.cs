using System.Globalization;
using System.Text;
using TakeoverRules.Facts;

namespace TakeoverRules.Links;

/// <summary>
/// The brokers' confirmed and unconfirmed domains from the facts, the brand names derived from them, and the
/// matching of a host's labels against those names. Matching works on spans and allocates nothing. Immutable and
/// thread-safe.
/// </summary>
internal sealed class BrandTable
{
    /// <summary>
    /// Group names: the part of a broker's name its group's other businesses share. A naming heuristic for the
    /// <see cref="LinkVerdict.Related"/> verdict (never official); not a fact about who owns a domain.
    /// </summary>
    private static readonly Dictionary<string, string> GroupWords = new(StringComparer.Ordinal)
    {
        ["rakuten"] = "rakuten",
        ["sbi"] = "sbi",
        ["sbi-neotrade"] = "sbi",
        ["smbc-nikko"] = "smbc",
        ["mizuho"] = "mizuho",
        ["okasan"] = "okasan",
        ["naito"] = "naito",
        ["nomura"] = "nomura",
        ["matsui"] = "matsui",
        ["monex"] = "monex",
        ["daiwa"] = "daiwa",
        ["mumss"] = "mufg",
        ["mufg-esmart"] = "mufg",
        ["iwai-cosmo"] = "iwaicosmo",
        ["gmo-click"] = "gmo",
    };

    /// <summary>
    /// Words phishing domains add to a brand (<c>sbisec-login</c>, <c>rakuten-sec-security</c>, <c>my-nomura</c>): login and
    /// account words, the suffix spelt out (<c>co</c>, <c>jp</c>, <c>com</c>), and romaji for 証券, 株, 確認, 認証, 本人, 更新, 登録,
    /// 安全 and 停止. Not business words a group puts beside its name (bank, card, net, home, mobile, news): those stay related.
    /// </summary>
    private static readonly string[] CueWords =
    [
        "login", "logon", "signin", "signon", "secure", "security", "securities", "account", "accounts", "verify",
        "verification", "auth", "update", "support", "help", "service", "official", "online", "mypage", "member",
        "members", "web", "www", "sec", "sc", "shoken", "syoken", "shouken", "kabu", "trade", "trading", "app", "jp",
        "japan", "cojp", "confirm", "check", "alert", "notice", "safety", "customer", "id", "password", "portal", "info",
        "mail", "kyc", "identity", "protect", "reset", "unlock", "ssl", "access", "nisa", "signup", "register", "renew",
        "jpn", "my", "co", "com", "user", "users", "center", "centre", "site", "page", "client", "clients", "pass", "passwd",
        "otp", "2fa", "safe", "kakunin", "ninsho", "ninshou", "ninsyo", "honnin", "koushin", "kousin", "touroku", "anzen",
        "teishi", "teisi",
    ];

    private static readonly (string Japanese, string Romaji)[] JapaneseCueWords =
    [
        ("證券", "shoken"), ("証券", "shoken"), ("ログイン", "login"), ("公式", "official"), ("確認", "kakunin"), ("認証", "ninsho"),
        ("本人", "honnin"), ("安全", "anzen"), ("更新", "koushin"), ("登録", "touroku"), ("停止", "teishi"), ("会員", "member"),
    ];

    /// <summary>
    /// Cue words no business puts beside its group name in a site's name: one of them as a hyphenated word next to the
    /// name (<c>nomura-net-notice</c>, <c>rakuten-card-verify</c>) is enough, whatever the other words are.
    /// </summary>
    private static readonly string[] LoginWords =
    [
        "login", "logon", "signin", "signon", "signup", "secure", "security", "account", "accounts", "verify", "verification",
        "auth", "update", "confirm", "password", "passwd", "kyc", "identity", "reset", "unlock", "alert", "notice", "mypage",
        "otp", "2fa", "kakunin", "ninsho", "ninshou", "ninsyo", "honnin",
    ];

    private readonly PublicSuffixList _suffixes;

    private BrandTable(PublicSuffixList suffixes, List<OfficialDomain> official, List<OfficialDomain> unconfirmed, List<Brand> brands, List<Group> groups, List<(string Name, Broker Broker)> names)
    {
        _suffixes = suffixes;
        Official = [.. official];
        Unconfirmed = [.. unconfirmed];
        Brands = [.. brands];
        Groups = [.. groups];
        JapaneseNames = [.. names];
    }

    // Arrays, not interfaces: a foreach over an interface allocates its enumerator on every check.
    public OfficialDomain[] Official { get; }

    public OfficialDomain[] Unconfirmed { get; }

    public Brand[] Brands { get; }

    public Group[] Groups { get; }

    public (string Name, Broker Broker)[] JapaneseNames { get; }

    public static BrandTable From(FactsRegistry facts, PublicSuffixList suffixes)
    {
        var official = new List<OfficialDomain>();
        var unconfirmed = new List<OfficialDomain>();
        var brands = new List<Brand>();
        var groups = new List<Group>();
        var names = new List<(string, Broker)>();
        foreach (var broker in facts.Brokers)
        {
            GroupWords.TryGetValue(broker.Id, out var group);
            var confirmedAny = false;
            foreach (var domain in broker.Domains)
            {
                var rdStart = suffixes.RegistrableStart(domain.Name);
                if (rdStart < 0) continue;
                var entry = new OfficialDomain(broker, domain, domain.Name, domain.Name[rdStart..]);
                if (!domain.Confirmed)
                {
                    unconfirmed.Add(entry);
                    continue;
                }

                confirmedAny = true;
                official.Add(entry);
                var suffixStart = suffixes.SuffixStart(domain.Name);
                var label = domain.Name[rdStart..(suffixStart - 1)];
                var key = label.Replace("-", "", StringComparison.Ordinal);
                if (brands.Exists(b => b.Key == key && b.Suffix == domain.Name[suffixStart..])) continue;
                brands.Add(new Brand(broker, domain, label, key, domain.Name[suffixStart..], entry.RegistrableDomain,
                    MaxDistance: key.Length >= 9 ? 2 : 1, IsGroupWord: key == group));
            }

            if (group is not null && confirmedAny && !groups.Exists(g => g.Word == group)) groups.Add(new Group(group, broker));
            if (confirmedAny) names.Add((JapaneseName(broker.Name.Ja), broker));
        }

        return new BrandTable(suffixes, official, unconfirmed, brands, groups, names);
    }

    /// <summary>Compares the registrable label (before the public suffix) with every brand.</summary>
    public BrandMatch MatchRegistrable(ReadOnlySpan<char> label, ReadOnlySpan<char> suffix)
    {
        if (label.Length > EditDistance.MaxLength) return default;
        Span<char> sBuffer = stackalloc char[EditDistance.MaxLength];
        Span<char> rBuffer = stackalloc char[EditDistance.MaxLength];
        var s = StripHyphens(label, sBuffer);
        var rest = WithoutCueTokens(label, rBuffer);

        foreach (var brand in Brands)
        {
            var key = brand.Key.AsSpan();
            var sameSuffix = suffix.SequenceEqual(brand.Suffix);
            var swap = sameSuffix ? LinkReasons.None : LinkReasons.SuffixSwap;
            if (s.SequenceEqual(key))
            {
                var hyphens = !label.SequenceEqual(brand.Label) ? LinkReasons.TypoSquat : LinkReasons.None;
                return new BrandMatch(brand, hyphens | swap);
            }

            // The skeleton: what a reader sees (rn for m, 0 for o, cl for d) spells the name exactly.
            var max = brand.MaxDistance;
            var distance = EditDistance.Confusable(s, key, max);
            if (distance == 0) return new BrandMatch(brand, LinkReasons.Homoglyph | swap);

            // The official name with its own suffix run into the label: kabucom.net, www-kabu-com.top, iwaicosmonet.org.
            if (s.SequenceEqual(brand.KeyWithSuffix) || IsBrandPlusCues(s, brand.KeyWithSuffix)) return new BrandMatch(brand, LinkReasons.BrandWithWords | LinkReasons.SuffixSwap);

            // A short name is one letter away from many honest names (matsui/mitsui, monex/money): a typo of a name
            // under 6 letters, or of a 6-letter word that is also a group name, counts only under the broker's own
            // suffix, where a squatter has to copy the whole address.
            var typoAllowed = (key.Length >= 7 || sameSuffix || (key.Length >= 6 && !brand.IsGroupWord)) && !(brand.IsGroupWord && HasToken(label, key));
            if (typoAllowed && distance <= max) return new BrandMatch(brand, LinkReasons.TypoSquat | swap);

            // A doubled letter (nommura.com, mattsui.com) is a typo no honest name is one letter from.
            if (key.Length >= 4 && IsRepetition(s, key)) return new BrandMatch(brand, LinkReasons.TypoSquat | swap);

            if (!brand.IsGroupWord && key.Length >= 6 && s.Contains(key, StringComparison.Ordinal)) return new BrandMatch(brand, LinkReasons.BrandWithWords);
            if ((brand.IsGroupWord || key.Length < 6) && (IsBrandPlusCues(s, key) || HasTokenAndLoginWord(label, key))) return new BrandMatch(brand, LinkReasons.BrandWithWords);

            if (rest.Length > 0)
            {
                if (rest.SequenceEqual(key)) return new BrandMatch(brand, LinkReasons.BrandWithWords);
                var restDistance = EditDistance.Confusable(rest, key, max);
                if (restDistance == 0) return new BrandMatch(brand, LinkReasons.BrandWithWords | LinkReasons.Homoglyph);
                if (restDistance <= max) return new BrandMatch(brand, LinkReasons.BrandWithWords | LinkReasons.TypoSquat);
            }
        }

        return default;
    }

    /// <summary>Looks for a brand in the labels before the registrable domain, or in user-info (<c>rakuten-sec.co.jp.example.com</c>).</summary>
    /// <param name="text">The subdomains (or user-info).</param>
    /// <param name="cueRegistrable">The registrable label is made of login words only (<c>sec-login.com</c>): then the bare name in a subdomain is enough (<c>rakuten.sec-login.com</c>).</param>
    public BrandMatch MatchHidden(ReadOnlySpan<char> text, bool cueRegistrable = false)
    {
        if (text.IsEmpty) return default;
        foreach (var domain in Official)
        {
            if (ContainsAtBoundary(text, domain.RegistrableDomain)) return new BrandMatch(BrandOf(domain), LinkReasons.BrandInSubdomain);
        }

        Span<char> buffer = stackalloc char[EditDistance.MaxLength];
        var remaining = text;
        while (!remaining.IsEmpty)
        {
            var cut = remaining.IndexOfAny('.', ':');
            var part = cut < 0 ? remaining : remaining[..cut];
            remaining = cut < 0 ? default : remaining[(cut + 1)..];
            if (part.Length is 0 or > EditDistance.MaxLength) continue;
            var s = StripHyphens(part, buffer);
            var following = remaining;

            // The bare name followed by a Japanese or generic suffix (nomura.jp.example.com, rakuten.co.jp.example.com),
            // or in front of a registrable name of login words, is the name dressed as a domain of its own.
            if (JapaneseOrGenericSuffixFollows(following) || cueRegistrable)
            {
                foreach (var brand in Brands)
                {
                    if (s.SequenceEqual(brand.Key)) return new BrandMatch(brand, LinkReasons.BrandInSubdomain);
                }

                foreach (var group in Groups)
                {
                    if (s.SequenceEqual(group.Word)) return new BrandMatch(BrandOf(group.Broker), LinkReasons.BrandInSubdomain);
                }
            }

            foreach (var brand in Brands)
            {
                var key = brand.Key.AsSpan();
                if (!brand.IsGroupWord && key.Length >= 6 && s.Contains(key, StringComparison.Ordinal)) return new BrandMatch(brand, LinkReasons.BrandInSubdomain);
                if (IsBrandPlusCues(s, key)) return new BrandMatch(brand, LinkReasons.BrandInSubdomain | LinkReasons.BrandWithWords);
                var at = s.IndexOf(brand.KeyWithSuffix, StringComparison.Ordinal);
                var after = at + brand.KeyWithSuffix.Length;
                if (at >= 0 && (at == 0 || IsCues(s[..at])) && (after == s.Length || IsCues(s[after..])))
                {
                    return new BrandMatch(brand, LinkReasons.BrandInSubdomain); // kabu-com.example.xyz
                }

                // A typo of the name followed by the broker's suffix: sbisce.co.jp.example.com.
                if (key.Length >= 6 && following.StartsWith(brand.Suffix, StringComparison.Ordinal)
                    && (following.Length == brand.Suffix.Length || following[brand.Suffix.Length] is '.' or ':')
                    && EditDistance.Confusable(s, key, brand.MaxDistance) <= brand.MaxDistance)
                {
                    return new BrandMatch(brand, LinkReasons.BrandInSubdomain | LinkReasons.TypoSquat);
                }
            }
        }

        return default;
    }

    /// <summary>
    /// An official domain written inside a host it does not end: <c>nomura.co.jp-secure.com</c>, where the public
    /// suffix splits the official name across the registrable domain. Call only for hosts no official domain covers.
    /// </summary>
    public BrandMatch MatchEmbedded(ReadOnlySpan<char> host)
    {
        foreach (var domain in Official)
        {
            if (host.Length > domain.Name.Length && ContainsAtBoundary(host, domain.Name)) return new BrandMatch(BrandOf(domain), LinkReasons.BrandInSubdomain);
        }

        return default;
    }

    /// <summary>A group name in the registrable label: related without cue words, a look-alike with them.</summary>
    public BrandMatch MatchGroup(ReadOnlySpan<char> label, out bool lookalike)
    {
        lookalike = false;
        if (label.Length > EditDistance.MaxLength) return default;
        Span<char> buffer = stackalloc char[EditDistance.MaxLength];
        var s = StripHyphens(label, buffer);
        foreach (var group in Groups)
        {
            // Login words before or after the group name (my-rakuten, rakuten-login), or a login word among its
            // hyphenated words (rakuten-card-verify), make a look-alike; the name followed by other words is the group's.
            var brand = BrandOf(group.Broker);
            if (IsBrandPlusCues(s, group.Word) || HasTokenAndLoginWord(label, group.Word))
            {
                lookalike = true;
                return new BrandMatch(brand, LinkReasons.BrandWithWords);
            }

            // One more letter is no business name of the group's but a word of its own (sbiz) or a typo.
            if (!s.StartsWith(group.Word, StringComparison.Ordinal) || s.Length == group.Word.Length + 1) continue;
            return new BrandMatch(brand, LinkReasons.SharesGroupName);
        }

        return default;
    }

    private Brand BrandOf(OfficialDomain domain)
    {
        foreach (var brand in Brands)
        {
            if (brand.Domain == domain.Fact) return brand;
        }

        return BrandOf(domain.Broker);
    }

    public Brand BrandOf(Broker broker)
    {
        foreach (var brand in Brands)
        {
            if (brand.Broker == broker) return brand;
        }

        throw new InvalidOperationException($"no brand for broker {broker.Id}");
    }

    private static string JapaneseName(string name)
    {
        var cut = name.IndexOf('(', StringComparison.Ordinal);
        var text = (cut > 0 ? name[..cut] : name).Normalize(NormalizationForm.FormKC).ToLower(CultureInfo.InvariantCulture);
        return FoldJapanese(text.Replace(" ", "", StringComparison.Ordinal));
    }

    /// <summary>證 and 証 are one character to a Japanese reader (野村證券 is also written 野村証券).</summary>
    public static string FoldJapanese(string text) => text.Replace('證', '証');

    /// <summary>
    /// The cue words written in Japanese, as their romaji cue words, so that <c>nomura証券</c> and <c>sbisecログイン</c>
    /// are judged like <c>nomurashoken</c> and <c>sbiseclogin</c>. Business words (不動産, 銀行) are left as they are.
    /// </summary>
    public static string JapaneseCuesAsRomaji(string label)
    {
        foreach (var (japanese, romaji) in JapaneseCueWords)
        {
            if (label.Contains(japanese, StringComparison.Ordinal)) label = label.Replace(japanese, romaji, StringComparison.Ordinal);
        }

        return label;
    }

    private static ReadOnlySpan<char> StripHyphens(ReadOnlySpan<char> label, Span<char> destination)
    {
        var n = 0;
        foreach (var c in label)
        {
            if (c is '-' or '_') continue;
            if (n == destination.Length) break;
            destination[n++] = c;
        }

        return destination[..n];
    }

    /// <summary>The label's hyphen-separated tokens without the cue words, joined; empty when no token was a cue word.</summary>
    private static ReadOnlySpan<char> WithoutCueTokens(ReadOnlySpan<char> label, Span<char> destination)
    {
        if (label.IndexOf('-') < 0) return default;
        var n = 0;
        var dropped = false;
        foreach (var range in label.Split('-'))
        {
            var token = label[range];
            if (token.IsEmpty) continue;
            if (IsCues(token))
            {
                dropped = true;
                continue;
            }

            if (n + token.Length > destination.Length) return default;
            token.CopyTo(destination[n..]);
            n += token.Length;
        }

        return dropped ? destination[..n] : default;
    }

    private static bool HasToken(ReadOnlySpan<char> label, ReadOnlySpan<char> key)
    {
        if (label.IndexOf('-') < 0) return false;
        foreach (var range in label.Split('-'))
        {
            if (label[range].SequenceEqual(key)) return true;
        }

        return false;
    }

    /// <summary>Whether the hyphenated label has <paramref name="key"/> as one word and a login word as another.</summary>
    private static bool HasTokenAndLoginWord(ReadOnlySpan<char> label, ReadOnlySpan<char> key)
    {
        if (!HasToken(label, key)) return false;
        foreach (var range in label.Split('-'))
        {
            var token = label[range];
            foreach (var word in LoginWords)
            {
                if (token.SequenceEqual(word)) return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="s"/> is <paramref name="key"/> with cue words (or digits) before or after it, and at least one of them.</summary>
    private static bool IsBrandPlusCues(ReadOnlySpan<char> s, ReadOnlySpan<char> key)
    {
        if (s.Length <= key.Length) return false;
        if (s.StartsWith(key, StringComparison.Ordinal) && IsCues(s[key.Length..])) return true;
        if (s.EndsWith(key, StringComparison.Ordinal) && IsCues(s[..^key.Length])) return true;
        var at = s.IndexOf(key, StringComparison.Ordinal);
        return at > 0 && IsCues(s[..at]) && IsCues(s[(at + key.Length)..]);
    }

    /// <summary>Whether <paramref name="following"/> starts with <c>jp</c>, <c>com</c>, <c>net</c> or a second-level Japanese suffix (<c>co.jp</c>, <c>ne.jp</c>, …).</summary>
    private bool JapaneseOrGenericSuffixFollows(ReadOnlySpan<char> following)
    {
        var first = following.IndexOfAny('.', ':');
        var label = first < 0 ? following : following[..first];
        if (label.SequenceEqual("jp") || label.SequenceEqual("com") || label.SequenceEqual("net")) return true;
        if (first < 0 || following[first] != '.') return false;
        var rest = following[(first + 1)..];
        var second = rest.IndexOfAny('.', ':');
        var two = following[..(second < 0 ? following.Length : first + 1 + second)];
        return two.EndsWith(".jp", StringComparison.Ordinal) && _suffixes.IsTopLevelDomain(two);
    }

    /// <summary>Whether <paramref name="s"/> is <paramref name="key"/> with one of its letters written twice.</summary>
    private static bool IsRepetition(ReadOnlySpan<char> s, ReadOnlySpan<char> key)
    {
        if (s.Length != key.Length + 1) return false;
        var i = 0;
        while (i < key.Length && s[i] == key[i]) i++;

        // s[i] is the extra letter: it must repeat its neighbour, and the rest must follow the key.
        var repeats = (i > 0 && s[i] == s[i - 1]) || (i + 1 < s.Length && s[i] == s[i + 1]);
        return repeats && s[(i + 1)..].SequenceEqual(key[i..]);
    }

    /// <summary>Whether a label, hyphens aside, is made of cue words only (<c>sec-login</c>, <c>secure-jp</c>).</summary>
    public static bool IsCueLabel(ReadOnlySpan<char> label)
    {
        if (label.Length > EditDistance.MaxLength) return false;
        Span<char> buffer = stackalloc char[EditDistance.MaxLength];
        return IsCues(StripHyphens(label, buffer));
    }

    /// <summary>Whether <paramref name="s"/> splits entirely into cue words and digits.</summary>
    private static bool IsCues(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty || s.Length > EditDistance.MaxLength) return false;
        Span<bool> reachable = stackalloc bool[s.Length + 1];
        reachable[0] = true;
        for (var i = 0; i < s.Length; i++)
        {
            if (!reachable[i]) continue;
            if (char.IsAsciiDigit(s[i])) reachable[i + 1] = true;
            foreach (var word in CueWords)
            {
                if (s[i..].StartsWith(word, StringComparison.Ordinal)) reachable[i + word.Length] = true;
            }
        }

        return reachable[s.Length];
    }

    private static bool ContainsAtBoundary(ReadOnlySpan<char> text, string domain)
    {
        var from = 0;
        while (from < text.Length)
        {
            var at = text[from..].IndexOf(domain, StringComparison.Ordinal);
            if (at < 0) return false;
            at += from;
            var beforeOk = at == 0 || text[at - 1] is '.' or '-' or ':' or '/';
            var end = at + domain.Length;
            var afterOk = end == text.Length || text[end] is '.' or '-' or ':' or '/';
            if (beforeOk && afterOk) return true;
            from = at + 1;
        }

        return false;
    }
}

/// <summary>A broker's domain from the facts, with its registrable domain.</summary>
internal sealed record OfficialDomain(Broker Broker, BrokerDomain Fact, string Name, string RegistrableDomain)
{
    public bool Covers(ReadOnlySpan<char> host) =>
        host.EndsWith(Name, StringComparison.Ordinal) && (host.Length == Name.Length || host[host.Length - Name.Length - 1] == '.');
}

/// <summary>A brand name: the registrable label of a confirmed domain (<c>rakuten-sec</c>) without hyphens.</summary>
internal sealed record Brand(Broker Broker, BrokerDomain Domain, string Label, string Key, string Suffix, string RegistrableDomain, int MaxDistance, bool IsGroupWord)
{
    /// <summary>The key followed by the suffix without dots (<c>kabucom</c>), as written in a hyphenated subdomain.</summary>
    public string KeyWithSuffix { get; } = Key + Suffix.Replace(".", "", StringComparison.Ordinal);
}

/// <summary>A group name and the broker it is taken from.</summary>
internal sealed record Group(string Word, Broker Broker);

/// <summary>Which brand a label resembles and how; <see cref="Brand"/> is null when none.</summary>
internal readonly record struct BrandMatch(Brand? Brand, LinkReasons Reasons)
{
    public bool Found => Brand is not null;
}
