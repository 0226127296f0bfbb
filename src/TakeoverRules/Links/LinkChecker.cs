using System.Globalization;
using System.Text;
using TakeoverRules.Facts;

namespace TakeoverRules.Links;

/// <summary>
/// Tells a broker's official site from a phishing look-alike, offline: the registrable domain by the embedded Public
/// Suffix List, user-info and IP tricks, encoded and internationalised hosts (TR39 confusable skeletons, mixed
/// scripts), typo-squats, other suffixes, brand-plus-word names and plain <c>http</c> on login pages. Official domains
/// are only those the facts confirm; a broker without a confirmed domain (see <see cref="BrokersWithoutConfirmedDomain"/>)
/// never gets an <see cref="LinkVerdict.Official"/> verdict.
/// </summary>
/// <remarks>Immutable and thread-safe; create one per facts registry and share it.</remarks>
public sealed class LinkChecker
{
    /// <summary>A link longer than this many characters is not read (<see cref="LinkReasons.TooLong"/>).</summary>
    public const int MaxLinkLength = 16 * 1024;

    /// <summary><see cref="Scan(string?)"/> returns at most this many links from one text.</summary>
    public const int MaxLinksPerText = 1000;

    private static readonly Lazy<LinkChecker> DefaultChecker = new(() => new LinkChecker(FactsRegistry.Embedded), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly PublicSuffixList _suffixes = PublicSuffixList.Embedded;
    private readonly BrandTable _brands;

    /// <summary>Creates a checker for the brokers and confirmed domains of <paramref name="facts"/>.</summary>
    /// <param name="facts">The facts registry (for example <see cref="FactsRegistry.Embedded"/> or an updated one).</param>
    /// <exception cref="ArgumentNullException"><paramref name="facts"/> is null.</exception>
    public LinkChecker(FactsRegistry facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        _brands = BrandTable.From(facts, _suffixes);
        OfficialDomains = [.. _brands.Official.Select(d => d.Name)];
        BrokersWithoutConfirmedDomain = [.. facts.Brokers.Where(b => !b.Domains.Any(d => d.Confirmed))];
    }

    /// <summary>A checker over the embedded facts.</summary>
    public static LinkChecker Default => DefaultChecker.Value;

    /// <summary>The confirmed official domains the checker knows, from the facts.</summary>
    public IReadOnlyList<string> OfficialDomains { get; }

    /// <summary>Brokers the facts list without a confirmed domain: no link is ever official for them, so open them from the app or a bookmark.</summary>
    public IReadOnlyList<Broker> BrokersWithoutConfirmedDomain { get; }

    /// <summary>The Japanese and English text of one reason.</summary>
    /// <param name="reason">A single flag.</param>
    /// <returns>The texts.</returns>
    public static BilingualText Describe(LinkReasons reason) => LinkText.Reason(reason);

    /// <summary>Checks one link: a URL (<c>https://www.sbisec.co.jp/…</c>), a URL without scheme, or a bare host.</summary>
    /// <param name="link">The link; null, empty or unreadable input gives <see cref="LinkVerdict.Unknown"/>. Never throws.</param>
    /// <returns>The verdict with reasons.</returns>
    public LinkCheck Check(string? link)
    {
        if (string.IsNullOrEmpty(link)) return Unknown(LinkReasons.NotAWebAddress, 0, 0);
        if (link.Length > MaxLinkLength) return Unknown(LinkReasons.TooLong, 0, link.Length);
        return Check(link, 0, link.Length);
    }

    /// <summary>
    /// Finds every link in a mail or SMS body (with or without scheme, full-width characters included) and checks each.
    /// </summary>
    /// <param name="text">The message; null gives an empty list. Never throws; time is linear in the length.</param>
    /// <returns>The checks in order of appearance, at most <see cref="MaxLinksPerText"/>; <see cref="LinkCheck.Start"/> and <see cref="LinkCheck.Length"/> locate each link.</returns>
    public IReadOnlyList<LinkCheck> Scan(string? text)
    {
        if (string.IsNullOrEmpty(text)) return [];
        var results = new List<LinkCheck>();
        foreach (var (start, length, link) in LinkExtractor.Extract(text, _suffixes))
        {
            if (results.Count == MaxLinksPerText) break;
            var check = link.Length > MaxLinkLength ? Unknown(LinkReasons.TooLong, start, length) : Check(link, start, length);

            // Full-width characters were read as ASCII to find the link; the reader saw the unusual form.
            if (!text.AsSpan(start, length).SequenceEqual(link)) check = check.With(check.Reasons | LinkReasons.EncodedHost);
            results.Add(check);
        }

        return results;
    }

    private LinkCheck Check(string link, int start, int length)
    {
        LinkAddress address;
        try
        {
            address = LinkAddress.Parse(link);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException)
        {
            return Unknown(LinkReasons.NotAWebAddress, start, length);
        }

        if (!address.IsValid) return Unknown(address.Reasons | LinkReasons.NotAWebAddress, start, length);
        var reasons = address.Reasons;
        var host = address.Host;

        BrandMatch userInfoMatch = default;
        if (address.UserInfoLength > 0)
        {
            userInfoMatch = MatchUserInfo(link.AsSpan(address.UserInfoStart, address.UserInfoLength));
        }

        if (address.IsIp)
        {
            return userInfoMatch.Found
                ? Result(LinkVerdict.Lookalike, reasons | userInfoMatch.Reasons, userInfoMatch.Brand!, address, -1, start, length)
                : Result(LinkVerdict.Unknown, reasons, null, address, -1, start, length);
        }

        var registrableStart = _suffixes.RegistrableStart(host, out var suffixStart);
        foreach (var domain in _brands.Official)
        {
            if (!domain.Covers(host)) continue;
            var verdict = (reasons & LinkReasons.InsecureLogin) != 0 ? LinkVerdict.Unknown : LinkVerdict.Official;
            return new LinkCheck(verdict, reasons | LinkReasons.OfficialDomain, domain.Broker, domain.Fact, address.HostSource, address.HostStart, address.HostLength, registrableStart, start, length);
        }

        if (userInfoMatch.Found) return Result(LinkVerdict.Lookalike, reasons | userInfoMatch.Reasons, userInfoMatch.Brand!, address, registrableStart, start, length);

        foreach (var domain in _brands.Unconfirmed)
        {
            if (!domain.Covers(host)) continue;
            return new LinkCheck(LinkVerdict.Unknown, reasons | LinkReasons.UnconfirmedDomain, domain.Broker, domain.Fact, address.HostSource, address.HostStart, address.HostLength, registrableStart, start, length);
        }

        if (registrableStart < 0)
        {
            var hidden = _brands.MatchHidden(host);
            return hidden.Found
                ? Result(LinkVerdict.Lookalike, reasons | hidden.Reasons, hidden.Brand!, address, -1, start, length)
                : Result(LinkVerdict.Unknown, reasons | LinkReasons.NoRegistrableDomain, null, address, -1, start, length);
        }

        if (host[..suffixStart].Contains("xn--", StringComparison.Ordinal))
        {
            return CheckInternationalized(address, registrableStart, suffixStart, reasons | LinkReasons.InternationalizedName, start, length);
        }

        return Judge(host[registrableStart..(suffixStart - 1)], host[suffixStart..], host[..registrableStart], host[registrableStart..], address, registrableStart, reasons, start, length, decoded: false);
    }

    private LinkCheck Judge(ReadOnlySpan<char> label, ReadOnlySpan<char> suffix, ReadOnlySpan<char> subdomains, ReadOnlySpan<char> registrable, LinkAddress address, int registrableStart, LinkReasons reasons, int start, int length, bool decoded)
    {
        var match = _brands.MatchEmbedded(address.Host);
        if (!match.Found) match = _brands.MatchRegistrable(label, suffix);

        // The registrable domain of an official subdomain (mufg.jp for sc.mufg.jp) is the group's, not a look-alike,
        // unless it was spelt with look-alike characters.
        if (match.Found && match.Reasons == LinkReasons.None && !decoded) match = default;
        if (!match.Found) match = _brands.MatchHidden(subdomains, BrandTable.IsCueLabel(label));
        if (match.Found) return Result(LinkVerdict.Lookalike, reasons | match.Reasons, match.Brand!, address, registrableStart, start, length);

        var group = _brands.MatchGroup(label, out var lookalike);
        if (group.Found && lookalike) return Result(LinkVerdict.Lookalike, reasons | group.Reasons, group.Brand!, address, registrableStart, start, length);

        foreach (var domain in _brands.Official)
        {
            if (registrable.SequenceEqual(domain.RegistrableDomain))
            {
                return new LinkCheck(LinkVerdict.Related, reasons | LinkReasons.SharesGroupName, domain.Broker, domain.Fact, address.HostSource, address.HostStart, address.HostLength, registrableStart, start, length);
            }
        }

        if (group.Found) return Result(LinkVerdict.Related, reasons | group.Reasons, group.Brand!, address, registrableStart, start, length);
        return Result(LinkVerdict.Unrelated, reasons, null, address, registrableStart, start, length);
    }

    private LinkCheck CheckInternationalized(LinkAddress address, int registrableStart, int suffixStart, LinkReasons reasons, int start, int length)
    {
        var host = address.Host;
        var unicode = new StringBuilder();
        var skeleton = new StringBuilder();
        var skeletonRegistrable = 0;
        var skeletonSuffix = 0;
        var position = 0;
        foreach (var range in host.Split('.'))
        {
            var (offset, _) = range.GetOffsetAndLength(host.Length);
            if (position++ > 0) { unicode.Append('.'); skeleton.Append('.'); }
            if (offset == registrableStart) skeletonRegistrable = skeleton.Length;
            if (offset == suffixStart) skeletonSuffix = skeleton.Length;
            var label = host[range].ToString();
            if (offset >= suffixStart || !label.StartsWith("xn--", StringComparison.Ordinal))
            {
                unicode.Append(label);
                skeleton.Append(label);
                continue;
            }

            var decoded = LinkAddress.UnicodeLabel(label);
            var mixed = Confusables.IsMixed(Confusables.ScriptsOf(decoded));
            if (mixed) reasons |= LinkReasons.MixedScripts;
            unicode.Append(decoded);
            skeleton.Append(Confusables.Skeleton(BrandTable.JapaneseCuesAsRomaji(BrandTable.FoldJapanese(decoded)), dropUnmapped: mixed));
        }

        var text = BrandTable.FoldJapanese(unicode.ToString().Normalize(NormalizationForm.FormKC).ToLower(CultureInfo.InvariantCulture));
        foreach (var (name, broker) in _brands.JapaneseNames)
        {
            if (name.Length > 0 && text.Contains(name, StringComparison.Ordinal))
            {
                var brand = _brands.BrandOf(broker);
                return Result(LinkVerdict.Lookalike, reasons | LinkReasons.BrandWithWords, brand, address, registrableStart, start, length);
            }
        }

        var s = skeleton.ToString().AsSpan();
        var judged = Judge(s[skeletonRegistrable..(skeletonSuffix - 1)], host[suffixStart..], s[..skeletonRegistrable], s[skeletonRegistrable..], address, registrableStart, reasons, start, length, decoded: true);
        return judged.Verdict == LinkVerdict.Lookalike
            ? new LinkCheck(judged.Verdict, judged.Reasons | LinkReasons.Homograph, judged.Broker, judged.Domain, address.HostSource, address.HostStart, address.HostLength, registrableStart, start, length)
            : judged;
    }

    private BrandMatch MatchUserInfo(ReadOnlySpan<char> userInfo)
    {
        if (userInfo.Length > 512) userInfo = userInfo[..512];
        Span<char> lower = stackalloc char[userInfo.Length];
        for (var i = 0; i < userInfo.Length; i++)
        {
            var c = userInfo[i];
            lower[i] = c is >= '\uFF01' and <= '\uFF5E' ? char.ToLowerInvariant((char)(c - 0xFEE0)) : char.ToLowerInvariant(c);
        }

        var match = _brands.MatchHidden(lower);
        return match.Found ? match with { Reasons = LinkReasons.BrandInSubdomain } : match;
    }

    private static LinkCheck Result(LinkVerdict verdict, LinkReasons reasons, Brand? brand, LinkAddress address, int registrableStart, int start, int length) =>
        new(verdict, reasons, brand?.Broker, brand?.Domain, address.HostSource, address.HostStart, address.HostLength, registrableStart, start, length);

    private static LinkCheck Unknown(LinkReasons reasons, int start, int length) =>
        new(LinkVerdict.Unknown, reasons, null, null, null, 0, 0, -1, start, length);
}
