using TakeoverRules.Facts;

namespace TakeoverRules.Links;

/// <summary>
/// The result of checking one link: the verdict, the broker it belongs to or imitates, the host, the registrable
/// domain and the reasons. Creating one for a lower-case ASCII host allocates nothing: <see cref="Host"/> and
/// <see cref="RegistrableDomain"/> are cut from the input when read. Never contains user-info, path or query, so
/// neither its properties nor <see cref="ToString"/> can reveal a password or token carried in a link.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public readonly record struct LinkCheck
{
    private readonly string? _hostSource;
    private readonly int _hostStart;
    private readonly int _hostLength;
    private readonly int _registrableOffset;

    internal LinkCheck(LinkVerdict verdict, LinkReasons reasons, Broker? broker, BrokerDomain? domain, string? hostSource, int hostStart, int hostLength, int registrableOffset, int start, int length)
    {
        Verdict = verdict;
        Reasons = reasons;
        Broker = broker;
        Domain = domain;
        _hostSource = hostSource;
        _hostStart = hostStart;
        _hostLength = hostLength;
        _registrableOffset = registrableOffset;
        Start = start;
        Length = length;
    }

    internal LinkCheck With(LinkReasons reasons) =>
        new(Verdict, reasons, Broker, Domain, _hostSource, _hostStart, _hostLength, _registrableOffset, Start, Length);

    /// <summary>What the link is.</summary>
    public LinkVerdict Verdict { get; }

    /// <summary>Why; see <see cref="LinkChecker.Describe(LinkReasons)"/> for the texts.</summary>
    public LinkReasons Reasons { get; }

    /// <summary>The broker whose official domain this is (<see cref="LinkVerdict.Official"/>), whose group it shares (<see cref="LinkVerdict.Related"/>), or whom it imitates (<see cref="LinkVerdict.Lookalike"/>); <see langword="null"/> otherwise.</summary>
    public Broker? Broker { get; }

    /// <summary>The broker's domain from the facts that the host is on or imitates, with whether it is confirmed; <see langword="null"/> when no broker applies.</summary>
    public BrokerDomain? Domain { get; }

    /// <summary>The host as a browser would contact it: lower-case ASCII, internationalised names in punycode (<c>xn--</c>); empty when no host could be read. Cut from the input on each read.</summary>
    public string Host => _hostSource is null ? string.Empty
        : _hostStart == 0 && _hostLength == _hostSource.Length ? _hostSource : _hostSource.Substring(_hostStart, _hostLength);

    /// <summary>The registrable domain by the Public Suffix List (<c>example.co.jp</c> for <c>www.example.co.jp</c>); <see langword="null"/> for IP addresses, public suffixes and unreadable input.</summary>
    public string? RegistrableDomain => _hostSource is null || _registrableOffset < 0 ? null
        : _registrableOffset == 0 && _hostStart == 0 && _hostLength == _hostSource.Length ? _hostSource
        : _hostSource.Substring(_hostStart + _registrableOffset, _hostLength - _registrableOffset);

    /// <summary>Where the link starts in the text given to <see cref="LinkChecker.Scan(string?)"/> (0 for <see cref="LinkChecker.Check(string?)"/>).</summary>
    public int Start { get; }

    /// <summary>How many characters of that text the link takes.</summary>
    public int Length { get; }

    /// <summary>Whether the link is a likely phishing look-alike (<see cref="LinkVerdict.Lookalike"/>).</summary>
    public bool IsLookalike => Verdict == LinkVerdict.Lookalike;

    /// <summary>What the reader should do, in Japanese and English.</summary>
    public BilingualText Advice => LinkText.Advice(Verdict);

    /// <summary>Each reason in <see cref="Reasons"/>, in the order of the flags.</summary>
    /// <returns>The individual flags.</returns>
    public IReadOnlyList<LinkReasons> ReasonList()
    {
        var list = new List<LinkReasons>();
        for (var bit = 1; bit != 0 && bit <= (int)Reasons; bit <<= 1)
        {
            if (((int)Reasons & bit) != 0) list.Add((LinkReasons)bit);
        }

        return list;
    }

    /// <summary>A one-line summary: verdict, broker id, host and reasons (never user-info, path or query).</summary>
    /// <returns>For example <c>Lookalike sbi host=sbisec-login.com reasons=BrandWithWords</c>.</returns>
    public override string ToString() =>
        $"{Verdict}{(Broker is null ? "" : " " + Broker.Id)} host={Host} reasons={Reasons}";
}
