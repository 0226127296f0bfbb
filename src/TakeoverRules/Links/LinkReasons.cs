namespace TakeoverRules.Links;

/// <summary>Why a link got its verdict; several may apply. Texts in Japanese and English: <see cref="LinkChecker.Describe(LinkReasons)"/>.</summary>
[Flags]
public enum LinkReasons
{
    /// <summary>No reason recorded.</summary>
    None = 0,

    /// <summary>The host is on a domain the facts confirm as the broker's official domain.</summary>
    OfficialDomain = 1 << 0,

    /// <summary>The domain is listed for the broker, but the sources do not confirm it as official.</summary>
    UnconfirmedDomain = 1 << 1,

    /// <summary>The registrable domain carries the broker's group name (or is the registrable domain of an official subdomain) without login words.</summary>
    SharesGroupName = 1 << 2,

    /// <summary>The broker's domain or name appears in a subdomain of someone else's domain (<c>rakuten-sec.co.jp.example.com</c>).</summary>
    BrandInSubdomain = 1 << 3,

    /// <summary>The broker's name combined with words such as <c>login</c> or <c>security</c> (<c>sbisec-login.com</c>).</summary>
    BrandWithWords = 1 << 4,

    /// <summary>The broker's name under another public suffix (<c>.co.jp</c> → <c>.com</c>, <c>.jp</c>, <c>.net</c>, …).</summary>
    SuffixSwap = 1 << 5,

    /// <summary>The broker's name with a typo: a letter added, left out, repeated, swapped, replaced, bit-flipped, or hyphens moved.</summary>
    TypoSquat = 1 << 6,

    /// <summary>ASCII characters that look like the broker's (<c>rn</c> for <c>m</c>, <c>0</c> for <c>o</c>, <c>1</c> for <c>l</c>).</summary>
    Homoglyph = 1 << 7,

    /// <summary>Non-ASCII characters that look like the broker's name (Unicode TR39 confusable skeleton).</summary>
    Homograph = 1 << 8,

    /// <summary>A label mixes scripts that do not belong together (Latin with Cyrillic or Greek, for example).</summary>
    MixedScripts = 1 << 9,

    /// <summary>The host is an internationalised (IDN, punycode <c>xn--</c>) name.</summary>
    InternationalizedName = 1 << 10,

    /// <summary>Text before an <c>@</c> in the address that a reader may take for the host (<c>https://www.sbisec.co.jp@evil.example/</c>).</summary>
    UserInfo = 1 << 11,

    /// <summary>The host is an IP address, not a name.</summary>
    IpAddress = 1 << 12,

    /// <summary>The host was written in an encoded or unusual form (percent-encoding, full-width characters, decimal or hex IP).</summary>
    EncodedHost = 1 << 13,

    /// <summary>Plain <c>http</c> (not <c>https</c>) to a login or account page.</summary>
    InsecureLogin = 1 << 14,

    /// <summary>Not a web address the check can read (another scheme, bad characters, empty).</summary>
    NotAWebAddress = 1 << 15,

    /// <summary>The host is a public suffix or a single name, so no registrable domain exists.</summary>
    NoRegistrableDomain = 1 << 16,

    /// <summary>The input is longer than <see cref="LinkChecker.MaxLinkLength"/> and was not read.</summary>
    TooLong = 1 << 17,

    /// <summary>The text contains no link (<see cref="LinkChecker.Scan(string?)"/> found nothing to check).</summary>
    NoLinkFound = 1 << 18,
}
